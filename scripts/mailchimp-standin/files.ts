// The File Manager of the stand-in's account: folders and uploaded files, with the rules Mailchimp
// documents that the spec cannot say: file_data must be base64 of a file, at most 10 MB, in a
// folder that exists. Every upload and delete is kept, so tests can count them.
import { createHash } from 'node:crypto';
import type { Context } from 'openapi-backend';
import { problem, wrap, type Reply } from './problem.js';
import { Refusal } from './state.js';

export interface StoredFile {
  id: number;
  folder_id: number;
  type: 'image' | 'file';
  name: string;
  full_size_url: string;
  thumbnail_url: string;
  size: number;
  created_at: string;
  created_by: string;
  width: number;
  height: number;
  /** sha256 of the bytes, for tests. */
  sha256: string;
}

const MAX_BYTES = 10 * 1024 * 1024;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export class FileManager {
  readonly files = new Map<number, StoredFile>();
  readonly folders = new Map<number, { id: number; name: string; created_at: string }>();
  readonly deleted: number[] = [];
  private nextId = 1000;

  constructor(private readonly now: () => Date) {}

  createFolder(name: string): { id: number; name: string; created_at: string } {
    if (!name.trim())
      throw new Refusal(400, 'Invalid Resource', 'The folder needs a name.', [{ field: 'name', message: 'must not be empty' }]);
    const folder = { id: this.nextId++, name, created_at: this.stamp() };
    this.folders.set(folder.id, folder);
    return folder;
  }

  upload(body: { name: string; file_data: string; folder_id?: number }): StoredFile {
    if (!BASE64.test(body.file_data) || body.file_data.length % 4 !== 0)
      throw new Refusal(400, 'Invalid Resource', 'file_data is not base64.', [{ field: 'file_data', message: 'is not base64' }]);
    const bytes = Buffer.from(body.file_data, 'base64');
    if (bytes.length === 0) throw new Refusal(400, 'Invalid Resource', 'The file is empty.', [{ field: 'file_data', message: 'is empty' }]);
    if (bytes.length > MAX_BYTES) throw new Refusal(400, 'Invalid Resource', 'Files in the File Manager are limited to 10MB.');
    if (body.folder_id !== undefined && body.folder_id !== 0 && !this.folders.has(body.folder_id))
      throw new Refusal(400, 'Invalid Resource', `There is no folder ${body.folder_id}.`, [
        { field: 'folder_id', message: 'is not a folder' },
      ]);
    const size = dimensions(bytes);
    const id = this.nextId++;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const ext = /\.([a-z0-9]+)$/i.exec(body.name)?.[1] ?? 'bin';
    const file: StoredFile = {
      id,
      folder_id: body.folder_id ?? 0,
      type: size ? 'image' : 'file',
      name: body.name,
      full_size_url: `https://mcusercontent.com/0a1b2c3d4e5f60718293a4b5c/images/${sha256.slice(0, 8)}-${id}.${ext}`,
      thumbnail_url: `https://mcusercontent.com/0a1b2c3d4e5f60718293a4b5c/_thumbs/${sha256.slice(0, 8)}-${id}.${ext}`,
      size: bytes.length,
      created_at: this.stamp(),
      created_by: 'Panel Secretariat',
      width: size?.width ?? 0,
      height: size?.height ?? 0,
      sha256,
    };
    this.files.set(id, file);
    return file;
  }

  remove(id: number): void {
    if (!this.files.delete(id)) throw new Refusal(404, 'Resource Not Found', 'The requested resource could not be found.');
    this.deleted.push(id);
  }

  private stamp(): string {
    return this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, '+00:00');
  }
}

export function fileOperations(fm: FileManager): Record<string, (c: Context) => Reply> {
  const body = (c: Context) => (c.request.requestBody ?? {}) as Record<string, unknown>;
  const shown = ({ sha256: _, ...file }: StoredFile) => ({ ...file, _links: [] });
  const fileId = (c: Context) => Number(c.request.params.file_id);
  return {
    postFileManagerFolders: (c) =>
      wrap(() => ({
        status: 200,
        body: { ...fm.createFolder(String(body(c).name ?? '')), file_count: 0, created_by: 'Panel Secretariat', _links: [] },
      })),
    postFileManagerFiles: (c) => wrap(() => ({ status: 200, body: shown(fm.upload(body(c) as Parameters<FileManager['upload']>[0])) })),
    getFileManagerFilesId: (c) => {
      const file = fm.files.get(fileId(c));
      return file ? { status: 200, body: shown(file) } : problem(404, 'Resource Not Found', 'The requested resource could not be found.');
    },
    deleteFileManagerFilesId: (c) => wrap(() => (fm.remove(fileId(c)), { status: 204 })),
  };
}

/** Width and height from a PNG, GIF or JPEG header; undefined for anything else. */
function dimensions(b: Buffer): { width: number; height: number } | undefined {
  if (b.length > 24 && b.readUInt32BE(0) === 0x89504e47) return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.length > 10 && b.toString('latin1', 0, 3) === 'GIF') return { width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  if (b.length > 4 && b[0] === 0xff && b[1] === 0xd8) {
    for (let i = 2; i + 9 < b.length;) {
      if (b[i] !== 0xff) return undefined;
      const marker = b[i + 1]!;
      const length = b.readUInt16BE(i + 2);
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc)
        return { width: b.readUInt16BE(i + 7), height: b.readUInt16BE(i + 5) };
      i += 2 + length;
    }
  }
  return undefined;
}
