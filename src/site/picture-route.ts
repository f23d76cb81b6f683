// GET /images/<name>: a processed picture, in the studio and in `serve --public` (share links and
// the archive show pictures too). Only names the processor makes are answered: 32 hex digits of the
// file's sha256 and its extension. A name says exactly which bytes, so the answer never changes and
// may be kept; it cannot be guessed, so a draft's picture is seen only by someone given a page with it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { notFound, send } from '../http/http.js';
import type { ProjectPaths } from '../pipeline.js';
import { pictureBytes } from '../archive/pictures.js';

const TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif' };

/** What this handler uses of the server's context (src/server/route-context.ts). */
interface RouteContext {
  ws: { paths: ProjectPaths };
}

export async function processedImage(c: RouteContext, req: IncomingMessage, res: ServerResponse, params: string[]): Promise<void> {
  const name = params[0]!;
  const bytes = await pictureBytes(c.ws.paths, name);
  if (!bytes) return notFound(req, res);
  send(req, res, { type: TYPES[name.split('.').pop()!]!, body: bytes, cache: 'immutable' });
}
