// Sent issues are history. When an issue is sent, its snapshot is written once into the content
// folder beside it, content/issues/<id>/sent/, and versioned in git with the content:
//   snapshot.json  who it was from, subject, preheader, when it was sent, hashes (no bodies)
//   email.html     the email as Mailchimp was given it, merge tags as written
//   email.txt      the plain-text version
//   web.html       the web version the archive shows
// The bodies are files of their own so that a reviewer reads them as HTML and text in a diff,
// and can open web.html in a browser. The hashes let every reader refuse a damaged copy.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { NewsletterError } from '../errors.js';
import { recoverFolder, syncDir, writeFileDurable } from '../files/atomic.js';
import { type ContentPaths, issuesDir, SENT_DIR, sentDir } from '../files/project-paths.js';
import { contentHash } from '../render/content-hash.js';
import type { IssueSnapshot } from './snapshot.js';
import { byCodePoint } from '../order.js';

/** A sent record without its bodies (email.html, email.txt, web.html): what lists and statuses need. */
export interface SentRecord {
  snapshot: Omit<IssueSnapshot, Body>;
  /** When it went out (ISO 8601, UTC). The archive dates the issue by this. */
  sentAt: string;
  /** Digest of issue.yaml's data (not its comments or layout) when the snapshot was written; see issueDigest. */
  issueDigest: string;
}

/** A snapshot as sent: what subscribers received, when, and from which issue file. */
export interface SentIssue extends SentRecord {
  snapshot: IssueSnapshot;
}

type Body = 'html' | 'text' | 'web';

export type { ContentPaths } from '../files/project-paths.js';
export { SENT_DIR, sentDir } from '../files/project-paths.js';
const FILES = { html: 'email.html', text: 'email.txt', web: 'web.html' } as const;
const META = 'snapshot.json';

const Meta = z.strictObject({
  schemaVersion: z.literal(1),
  issueId: z.string(),
  subject: z.string(),
  preheader: z.string(),
  fromName: z.string(),
  fromEmail: z.string(),
  replyTo: z.string(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  webHash: z.string().regex(/^[0-9a-f]{64}$/),
  renderedAt: z.iso.datetime(),
  sentAt: z.iso.datetime(),
  issueDigest: z.string().regex(/^[0-9a-f]{64}$/),
  // Only when newsletter.yaml's tracking was not the default (snapshot.ts).
  tracking: z.strictObject({ opens: z.boolean(), htmlClicks: z.boolean(), textClicks: z.boolean() }).optional(),
});

function shown(paths: ContentPaths, file: string): string {
  return path.relative(paths.root, file).split(path.sep).join('/');
}

/**
 * Record an issue as sent, once. Called when Mailchimp reports the campaign sent (and once for
 * issues sent before the tool). Run twice with the same snapshot it does nothing; with another
 * snapshot it refuses, because what subscribers received cannot change.
 */
export async function writeSentSnapshot(
  paths: ContentPaths,
  sent: SentIssue,
  pictures: readonly { name: string; bytes: Uint8Array }[] = [],
): Promise<'written' | 'unchanged'> {
  const { snapshot } = sent;
  const dir = sentDir(paths, snapshot.issueId);
  await recoverFolder(dir);
  const existing = await readSentSnapshot(paths, snapshot.issueId);
  if (existing) {
    if (existing.snapshot.hash === snapshot.hash && existing.snapshot.web === snapshot.web) return 'unchanged';
    throw new NewsletterError(
      'snapshot-exists',
      `issue ${snapshot.issueId} is already recorded as sent in ${shown(paths, dir)}/, with other content`,
    );
  }
  if (contentHash(snapshot) !== snapshot.hash) throw new Error(`the snapshot of ${snapshot.issueId} does not match its own hash`);
  const { html, text, web, ...rest } = snapshot;
  const meta: z.infer<typeof Meta> = { ...rest, webHash: sha256(web), sentAt: sent.sentAt, issueDigest: sent.issueDigest };
  // Built beside its final name and renamed in whole: the folder is complete or absent.
  const fresh = path.join(path.dirname(dir), `.${SENT_DIR}.partial-new-${process.pid}`);
  await rm(fresh, { recursive: true, force: true });
  await mkdir(fresh, { recursive: true });
  await writeFileDurable(path.join(fresh, FILES.html), html);
  await writeFileDurable(path.join(fresh, FILES.text), text);
  await writeFileDurable(path.join(fresh, FILES.web), web);
  // Bytes must reach every clone as written, or the hashes stop matching: no line-ending conversion.
  await writeFileDurable(
    path.join(fresh, '.gitattributes'),
    '# What subscribers received, byte for byte: never convert line endings.\n* -text\n',
  );
  // Its pictures (src/archive/pictures.ts), each named by the hash of its bytes: the archive shows them without the cache or Mailchimp.
  if (pictures.length > 0) await mkdir(path.join(fresh, 'images'));
  for (const p of pictures) await writeFileDurable(path.join(fresh, 'images', path.basename(p.name)), p.bytes);
  await writeFileDurable(path.join(fresh, META), `${JSON.stringify(meta, null, 2)}\n`);
  try {
    await rename(fresh, dir);
  } catch (e) {
    await rm(fresh, { recursive: true, force: true });
    // Another process recorded it first: the same snapshot is fine, another one is refused above.
    if ((e as NodeJS.ErrnoException).code === 'ENOTEMPTY' || (e as NodeJS.ErrnoException).code === 'EEXIST')
      return writeSentSnapshot(paths, sent, pictures);
    throw e;
  }
  await syncDir(path.dirname(dir)); // history: make the rename itself survive a power cut
  return 'written';
}

// Records checked once are remembered until one of their files changes: the public archive and the
// studio's statuses read them all on every request or change, and hashing every issue each time
// would grow with the archive. Only what lists need is kept, never the bodies (about 60 KB an
// issue): a page that shows one issue reads its bodies then.
const checked = new Map<string, { stamp: string; record: SentRecord }>();

/** The sent record of an issue without its bodies, checked against its hashes; undefined when the issue has none. */
export async function readSentRecord(paths: ContentPaths, id: string): Promise<SentRecord | undefined> {
  const dir = sentDir(paths, id);
  const stamp = await stampOf(dir);
  if (stamp === undefined) return undefined;
  const known = checked.get(dir);
  if (known?.stamp === stamp) return known.record;
  return recordOf(dir, stamp, await readChecked(paths, id));
}

/** The sent snapshot of an issue with its bodies, read now and checked against its hashes; undefined when the issue has none. */
export async function readSentSnapshot(paths: ContentPaths, id: string): Promise<SentIssue | undefined> {
  const dir = sentDir(paths, id);
  const stamp = await stampOf(dir);
  if (stamp === undefined) return undefined;
  const sent = await readChecked(paths, id);
  recordOf(dir, stamp, sent);
  return sent;
}

/** The files' stamps, undefined when there is no snapshot.json. */
async function stampOf(dir: string): Promise<string | undefined> {
  const stats = await Promise.all([META, ...Object.values(FILES)].map((f) => stat(path.join(dir, f)).catch(() => undefined)));
  if (!stats[0]) return undefined;
  return stats.map((s) => (s ? `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}` : '-')).join('|');
}

/** Remember the checked record of `dir` (without its bodies) under the stamp taken before it was read. */
function recordOf(dir: string, stamp: string, sent: SentIssue | undefined): SentRecord | undefined {
  if (!sent) return undefined;
  const head: Partial<IssueSnapshot> = { ...sent.snapshot };
  for (const body of ['html', 'text', 'web'] as const) delete head[body];
  const record: SentRecord = { snapshot: head as SentRecord['snapshot'], sentAt: sent.sentAt, issueDigest: sent.issueDigest };
  checked.set(dir, { stamp, record });
  return record;
}

async function readChecked(paths: ContentPaths, id: string): Promise<SentIssue | undefined> {
  const dir = sentDir(paths, id);
  const metaFile = path.join(dir, META);
  let metaText: string;
  try {
    metaText = await readFile(metaFile, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const damaged = (what: string) =>
    new NewsletterError('snapshot-damaged', `${shown(paths, dir)}/: ${what} — this is the record of what subscribers received`);
  let json: unknown;
  try {
    json = JSON.parse(metaText);
  } catch {
    throw damaged(`${META} is not valid JSON`);
  }
  const meta = Meta.safeParse(json);
  if (!meta.success)
    throw damaged(`${META} is not a snapshot (${meta.error.issues[0]?.path.join('.') || 'top level'}: ${meta.error.issues[0]?.message})`);
  if (meta.data.issueId !== id) throw damaged(`${META} is the snapshot of issue ${meta.data.issueId}, not ${id}`);
  const body = async (name: string) =>
    readFile(path.join(dir, name), 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw e.code === 'ENOENT' ? damaged(`${name} is missing`) : e;
    });
  const [html, text, web] = await Promise.all([body(FILES.html), body(FILES.text), body(FILES.web)]);
  const { webHash, sentAt, issueDigest, ...rest } = meta.data;
  const snapshot: IssueSnapshot = { ...rest, html, text, web };
  if (contentHash(snapshot) !== snapshot.hash)
    throw damaged(`${FILES.html}, ${FILES.text} or the sender in ${META} no longer match the hash`);
  if (sha256(web) !== webHash) throw damaged(`${FILES.web} no longer matches its hash`);
  return { snapshot, sentAt, issueDigest };
}

/** Every issue with a sent snapshot, whatever state its issue.yaml is in (without the bodies: readSentSnapshot reads one). */
export async function listSentRecords(paths: ContentPaths): Promise<SentRecord[]> {
  const entries = await readdir(issuesDir(paths), { withFileTypes: true }).catch((e: NodeJS.ErrnoException) =>
    e.code === 'ENOENT' ? [] : Promise.reject(e),
  );
  const found: SentRecord[] = [];
  for (const entry of entries.sort((a, b) => byCodePoint(a.name, b.name))) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const sent = await readSentRecord(paths, entry.name);
    if (sent) found.push(sent);
  }
  return found;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * What to say about `status: sent` in an issue file with no sent record: it is a draft, and not
 * public. An issue that went out before the tool is recorded deliberately, by a named person.
 */
export function unrecordedSentClaim(issue: { id: string; file: string }): { message: string; fix: string } {
  return {
    message: `${issue.file} says \`status: sent\`, but there is no record of ${issue.id} being sent (${issue.file.replace(/issue\.yaml$/, '')}sent/), so it is a draft and is not in the archive`,
    fix: `remove the line; if ${issue.id} went out before this tool, record it with \`newsletter import-sent ${issue.id} --by "Your Name"\` (written to the audit log)`,
  };
}
