// Who may write content through the studio. Every editor request is a fetch from the studio's own
// editor page, and must show it: a loopback Host; an Origin equal to the studio's origin (and
// Sec-Fetch-Site: same-origin when the browser sends it); this process's random key in a custom
// header, which a page elsewhere cannot read or send without a CORS preflight we never grant;
// and a JSON body under a size cap. The file it names is then matched against an allow-list
// (src/editor/files.ts). None of these routes exists in public mode.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ContentEditor } from '../save-file.js';
import { Presence } from './presence.js';

export const TOKEN_HEADER = 'x-studio-token';
/** An issue file is about 15 KB; a whole rewritten one, JSON-escaped, stays far below this. */
export const JSON_LIMIT = 256 * 1024;

export type Refusal = { ok: false; status: number; error: string };

/** The editor's state for one studio process: its key, the files being edited, draft renders. */
export class EditorState {
  readonly token = randomBytes(32).toString('base64url');
  /** Who has which file open, and who saved each last (presence.ts). */
  readonly presence = new Presence();
  /** In team mode, STUDIO_URL's origin, which every request must come from (the gate checks sign-in). */
  origin?: string;
  private readonly editors = new Map<string, ContentEditor>();
  private readonly drafts = new Map<string, Draft>();

  files(contentDir: string): ContentEditor {
    let e = this.editors.get(contentDir);
    if (!e) this.editors.set(contentDir, (e = new ContentEditor(contentDir)));
    return e;
  }

  /**
   * Keep a draft render for the preview frame to fetch; its checks run later, when asked for
   * (the email first, the findings after: see `Draft`). The oldest go first.
   */
  putDraft(html: string, check: (signal: AbortSignal) => Promise<unknown>): string {
    const id = randomBytes(12).toString('base64url');
    this.drafts.set(id, new Draft(html, check));
    if (this.drafts.size > 32) this.drafts.delete(this.drafts.keys().next().value!);
    return id;
  }

  draft(id: string): Draft | undefined {
    return this.drafts.get(id);
  }
}

/**
 * A draft render and its checks. The checks run once, on the first request for the findings,
 * and only after the page has had the email (the preview's answer carries it; a frame that
 * loads the draft's address instead asks for it), or after `FRAME_FIRST_MS`: checks started at
 * once would hold the email back while the studio's thread hands them to the check worker. A
 * draft superseded before anyone asks for its findings is never checked at all; one superseded
 * while its findings are awaited (the person typed on) answers `SUPERSEDED` at once, and its
 * checks are dropped if they have not started.
 */
export class Draft {
  private checked?: Promise<unknown>;
  private readonly stop = new AbortController();
  private frameServed!: () => void;
  private readonly served = new Promise<void>((resolve) => (this.frameServed = resolve));
  private supersede!: () => void;
  private readonly replaced = new Promise<typeof SUPERSEDED>((resolve) => (this.supersede = () => resolve(SUPERSEDED)));

  constructor(
    readonly html: string,
    private readonly check: (signal: AbortSignal) => Promise<unknown>,
  ) {}

  /** The frame has the email: the checks may have the processor. */
  shown(): void {
    this.frameServed();
  }

  /** A later edit of the same page replaces this one: nobody will read its findings. */
  superseded(): void {
    this.stop.abort();
    this.supersede();
  }

  /** The findings, or `SUPERSEDED` once a later edit has replaced this one. */
  findings(): Promise<unknown> {
    this.checked ??= Promise.race([this.served, new Promise((resolve) => setTimeout(resolve, FRAME_FIRST_MS).unref())]).then(() =>
      this.check(this.stop.signal),
    );
    return Promise.race([this.checked, this.replaced]);
  }
}

/** What a superseded draft's findings are. */
export const SUPERSEDED = Symbol('superseded');

/** How long the findings wait for a frame that may never ask for its email (no frame on the page). */
export const FRAME_FIRST_MS = 250;

/** The JSON body of an editor request, or why it is refused (checked before the body is read). */
export async function readEditorRequest(state: EditorState, req: IncomingMessage): Promise<{ ok: true; body: unknown } | Refusal> {
  const foreign = refuseForeign(state, req);
  if (foreign) return foreign;
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') return refuse(415, 'The editor takes JSON only.');
  if (Number(req.headers['content-length'] ?? 0) > JSON_LIMIT) return refuse(413, 'The change is too large to send at once.');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > JSON_LIMIT) return refuse(413, 'The change is too large to send at once.');
    chunks.push(chunk);
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return refuse(400, 'The request is not JSON.');
  }
}

/** Why a request did not come from this studio's own editor page (host, origin, key), or undefined when it did. */
export function refuseForeign(state: EditorState, req: IncomingMessage): Refusal | undefined {
  const port = req.socket.localPort;
  const host = req.headers.host?.toLowerCase();
  if (!state.origin && (!host || ![`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`].includes(host)))
    return refuse(403, 'The editor answers only on this computer (127.0.0.1).');
  if (req.headers.origin?.toLowerCase() !== (state.origin ?? `http://${host}`))
    return refuse(403, 'This request did not come from a page of this studio, so nothing was changed.');
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin')
    return refuse(403, 'This request did not come from a page of this studio, so nothing was changed.');
  const token = req.headers[TOKEN_HEADER];
  const want = Buffer.from(state.token);
  const got = Buffer.from(typeof token === 'string' ? token : '');
  if (got.length !== want.length || !timingSafeEqual(got, want))
    return refuse(403, 'The page is out of date (the studio was restarted): reload it and make the change again.');
  return undefined;
}

function refuse(status: number, error: string): Refusal {
  return { ok: false, status, error };
}
