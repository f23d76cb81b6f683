// Writing HTTP responses, and reading request paths safely. Every response carries the
// security headers; a path that tries to climb out, or hides slashes in escapes, is not found.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { NOTHING_POLICY, pagePolicy } from './csp.js';
import { messagePage } from '../page/frame.js';

export interface Reply {
  status?: number;
  type: string;
  body: string | Uint8Array;
  csp?: string;
  /** Allow the response in a frame of this origin (the email document). */
  framed?: boolean;
  /** Drafts and studio pages must not be kept by caches or proxies. */
  cache?: 'no-store' | 'no-cache' | 'immutable';
  headers?: Record<string, string>;
}

export function send(req: IncomingMessage, res: ServerResponse, r: Reply): void {
  // Already answered (503 when the response took too long, server.ts): the late page is dropped.
  if (res.headersSent) return;
  const body = Buffer.from(r.body);
  res.writeHead(r.status ?? 200, {
    'Content-Type': r.type,
    'Content-Length': body.length,
    ...securityHeaders(r.csp ?? NOTHING_POLICY, r.framed),
    // 'immutable': an address that names its bytes (a processed picture) never changes what it answers.
    'Cache-Control': r.cache === 'immutable' ? 'public, max-age=31536000, immutable' : (r.cache ?? 'no-store'),
    ...r.headers,
  });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** The headers every response carries, the event stream's included. */
export function securityHeaders(csp: string = NOTHING_POLICY, framed = false): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': framed ? 'SAMEORIGIN' : 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
  };
}

export const HTML = 'text/html; charset=utf-8';

/** A route's handler, given what the server gives it (C: the part it uses), the request and its path's parameters. */
export type RouteHandler<C> = (c: C, req: IncomingMessage, res: ServerResponse, params: string[], p: RequestPath) => Promise<void> | void;

/** Send an HTML page with the policy its own inline scripts and styles need. */
export function htmlPage(
  req: IncomingMessage,
  res: ServerResponse,
  html: string,
  opts: {
    status?: number;
    frames?: boolean;
    connect?: boolean;
    forms?: boolean;
    cache?: 'no-store' | 'no-cache';
    headers?: Record<string, string>;
  } = {},
): void {
  send(req, res, { status: opts.status, type: HTML, body: html, csp: pagePolicy(html, opts), cache: opts.cache, headers: opts.headers });
}

export function notFound(req: IncomingMessage, res: ServerResponse): void {
  const body = messagePage(
    'Page not found',
    'There is nothing at this address. Check the link, or go to the archive of past issues at /archive/.',
  );
  // The page's own <style>, allowed by its hash like every page we build.
  send(req, res, { status: 404, type: HTML, body, csp: pagePolicy(body) });
}

/** Redirect to a path of ours; `to` must already be percent-encoded (see pathTo). */
export function redirect(req: IncomingMessage, res: ServerResponse, to: string, status = 302, headers: Record<string, string> = {}): void {
  send(req, res, { status, type: 'text/plain; charset=utf-8', body: `See ${to}\n`, headers: { ...headers, Location: to } });
}

/** The address of decoded segments, percent-encoded: a header can carry only ASCII. */
export function pathTo(segments: readonly string[], dir: boolean): string {
  return `/${segments.map(encodeURIComponent).join('/')}${dir && segments.length ? '/' : ''}`;
}

export interface RequestPath {
  /** Decoded segments, without empty ones: "/archive/2022-04/" → ["archive", "2022-04"]. */
  segments: string[];
  /** The path ended with a slash. */
  dir: boolean;
  query: URLSearchParams;
}

/** The path of a request, or undefined when it is not one we would ever serve. */
export function requestPath(rawUrl: string | undefined): RequestPath | undefined {
  if (!rawUrl || !rawUrl.startsWith('/') || rawUrl.startsWith('//')) return undefined;
  const [rawPath = '', rawQuery = ''] = rawUrl.split(/\?(.*)/s, 2);
  // Escaped slashes, backslashes and NULs have no place in our addresses; neither do empty segments.
  if (/%(2f|5c|00)|\\|\/\//i.test(rawPath)) return undefined;
  let segments: string[];
  try {
    segments = rawPath
      .split('/')
      .slice(1)
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  const dir = segments.at(-1) === '';
  if (dir) segments.pop();
  if (segments.some((s) => s === '' || s === '.' || s === '..' || /[\u0000-\u001f/\\]/.test(s))) return undefined;
  return { segments, dir, query: new URLSearchParams(rawQuery) };
}

/** Forms are small: a name, a few addresses. Anything bigger is not from our page. */
const FORM_LIMIT = 16 * 1024;

/** The fields of a posted form (application/x-www-form-urlencoded), or why it cannot be read. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams | 'too-large' | 'not-a-form'> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return 'not-a-form';
  if (Number(req.headers['content-length'] ?? 0) > FORM_LIMIT) return 'too-large';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > FORM_LIMIT) return 'too-large';
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
