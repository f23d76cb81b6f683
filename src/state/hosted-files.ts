// Pictures uploaded to Mailchimp's File Manager, by the name of the processed file (the hash of its
// bytes): each is uploaded once, whatever issue or publish run asks again, and its public address
// is kept for the campaign HTML. A folder per issue holds the pictures it uploaded first.
// Nothing here is ever deleted: a sent email keeps pointing at these addresses.
import type Database from 'better-sqlite3';

export interface HostedFile {
  name: string;
  fileId: number;
  url: string;
  folderId: number | null;
  issue: string;
  uploadedAt: Date;
}

interface Row {
  name: string;
  file_id: number;
  url: string;
  folder_id: number | null;
  issue_id: string;
  uploaded_at: string;
}

export class HostedFiles {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  get(name: string): HostedFile | undefined {
    const r = this.db.prepare('SELECT * FROM hosted_file WHERE name = ?').get(name) as Row | undefined;
    return (
      r && { name: r.name, fileId: r.file_id, url: r.url, folderId: r.folder_id, issue: r.issue_id, uploadedAt: new Date(r.uploaded_at) }
    );
  }

  record(file: Omit<HostedFile, 'uploadedAt'>): void {
    this.db
      .prepare('INSERT OR IGNORE INTO hosted_file (name, file_id, url, folder_id, issue_id, uploaded_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(file.name, file.fileId, file.url, file.folderId, file.issue, this.now().toISOString());
  }

  folder(issue: string): number | undefined {
    return (this.db.prepare('SELECT folder_id FROM hosted_folder WHERE issue_id = ?').get(issue) as { folder_id: number } | undefined)
      ?.folder_id;
  }

  recordFolder(issue: string, folderId: number): void {
    this.db
      .prepare('INSERT OR IGNORE INTO hosted_folder (issue_id, folder_id, created_at) VALUES (?, ?, ?)')
      .run(issue, folderId, this.now().toISOString());
  }
}
