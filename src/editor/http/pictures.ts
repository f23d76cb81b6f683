// The editor's pictures: a file chosen or dropped on the form is sent here as its bytes (not JSON:
// a phone photo is megabytes), checked by processing it (sharp tells a picture from anything else),
// and saved into the issue's images/ folder under a name of its own. Only the file is written; the
// issue's `image:` changes in the form and is saved with Save, like any other edit. The form's
// thumbnails come from GET …/edit/picture/<name>, the processed picture. Studio only.
import { realpathSync } from 'node:fs';
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { imageSrcProblem } from '../../content/schema.js';
import { ISSUE_ID } from '../../content/load.js';
import { notFound, send } from '../../http/http.js';
import type { Store } from '../../state/store.js';
import type { Workspace } from '../../workspace/workspace.js';
import type { EditorState } from './guard.js';
import { DISPLAY_WIDTH, findImage, imageCacheIn } from '../../content/pictures.js';
import { IMAGE_LIMITS, ImageUnusable, processedBytes, processImage, tooBig } from '../../images/process.js';
import { issueDir } from '../../files/project-paths.js';
import { refuseForeign } from './guard.js';

const TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif' };
const EXT: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif' };

/** What these handlers use of the server's context (src/server/route-context.ts). */
interface RouteContext {
  ws: Workspace;
  store: Store;
  editor: EditorState;
}

function json(req: IncomingMessage, res: ServerResponse, status: number, data: unknown): void {
  send(req, res, { status, type: 'application/json; charset=utf-8', body: JSON.stringify(data) });
}

/** "My Photo (1).JPEG" → "my-photo-1.jpg": a name the schema takes, with the extension of what the file really is. */
export function pictureName(given: string, ext: string): string {
  const stem = path
    .basename(given)
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${stem || 'picture'}.${ext}`;
}

/** POST /api/edit/picture?issue=<id>&name=<file name>, the body the file's bytes. */
export async function uploadPicture(c: RouteContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const foreign = refuseForeign(c.editor, req);
  if (foreign) return json(req, res, foreign.status, { error: foreign.error });
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const id = url.searchParams.get('issue') ?? '';
  const given = url.searchParams.get('name') ?? '';
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (!ISSUE_ID.test(id) || !c.ws.issue(id)) return json(req, res, 404, { error: `There is no issue "${id}" to add a picture to.` });
  const status = c.store.statuses.get(id);
  if (status === 'sent' || status === 'sending') return json(req, res, 409, { error: `${id} is ${status}: its pictures cannot change.` });
  if (!EXT[type])
    return json(req, res, 415, {
      error: `${given || 'The file'}: choose a JPEG, PNG or GIF picture (SVG, WebP and HEIC are not shown by Gmail or Outlook).`,
    });
  const bytes = await readLimited(req);
  if (!bytes)
    return json(req, res, 413, { error: `${given}: ${tooBig(Number(req.headers['content-length'] ?? IMAGE_LIMITS.fileBytes + 1))}` });
  let done;
  try {
    // Processing is the check: a file that is not a picture, a damaged one or a huge one is refused here, and nothing is written.
    done = await processImage(imageCacheIn(c.ws.paths.root), bytes, DISPLAY_WIDTH.section);
  } catch (e) {
    if (e instanceof ImageUnusable) return json(req, res, 422, { error: `${given}: ${e.reason}` });
    throw e;
  }
  const name = pictureName(given, done.format === 'gif' && !done.animated ? 'png' : EXT[type]!);
  if (imageSrcProblem(name)) return json(req, res, 400, { error: `${given}: ${imageSrcProblem(name)}` });
  const saved = await saveInto(c.ws.paths.content, id, name, bytes);
  json(req, res, 200, { src: saved, thumbnail: `/images/${done.name}` });
}

/** GET /issues/<id>/edit/picture/<name>: the processed picture the form shows as a thumbnail. */
export async function pictureThumbnail(c: RouteContext, req: IncomingMessage, res: ServerResponse, [id, name]: string[]): Promise<void> {
  if (!ISSUE_ID.test(id!) || imageSrcProblem(name!)) return notFound(req, res);
  try {
    const found = findImage({ contentDir: c.ws.paths.content, shownRoot: 'content' }, { issue: id!, src: name! });
    const cache = imageCacheIn(c.ws.paths.root);
    const done = await processImage(cache, await readFile(found.real), DISPLAY_WIDTH.item);
    const bytes = await processedBytes(cache, done.name);
    if (!bytes) return notFound(req, res);
    send(req, res, { type: TYPES[done.name.split('.').pop()!]!, body: bytes, cache: 'no-store' });
  } catch (e) {
    if (e instanceof ImageUnusable) return notFound(req, res);
    throw e;
  }
}

async function readLimited(req: IncomingMessage): Promise<Buffer | undefined> {
  if (Number(req.headers['content-length'] ?? 0) > IMAGE_LIMITS.fileBytes) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > IMAGE_LIMITS.fileBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Write the file under `name`, or name-2, name-3 … when another file has it; the same bytes already there are reused. Never overwrites. */
async function saveInto(contentDir: string, id: string, name: string, bytes: Buffer): Promise<string> {
  const dir = path.join(issueDir({ content: contentDir }, id), 'images');
  await mkdir(dir, { recursive: true });
  const rel = path.relative(realpathSync(contentDir), realpathSync(dir));
  if (rel.startsWith('..') || path.isAbsolute(rel)) throw new Error(`${dir} leads outside the content folder`);
  const dot = name.lastIndexOf('.');
  for (let n = 1; n < 100; n++) {
    const candidate = n === 1 ? name : `${name.slice(0, dot)}-${n}${name.slice(dot)}`;
    const target = path.join(dir, candidate);
    const existing = await readFile(target).catch(() => undefined);
    if (existing?.equals(bytes)) return candidate;
    if (existing) continue;
    // Written beside, then linked in: link fails rather than replace a file that appeared meanwhile.
    const temp = path.join(dir, `.${candidate}.${process.pid}.part`);
    await writeFile(temp, bytes, { flag: 'wx' });
    try {
      await link(temp, target);
      return candidate;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      await rm(temp, { force: true });
    }
  }
  throw new Error(`too many pictures named like ${name} in ${dir}`);
}
