// What every route handler is given, in a file of its own so that the handlers (studio, editor,
// site) and the table that lists them (routes.ts) import it without importing one another.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EditorState } from '../editor/http/guard.js';
import type { Store } from '../state/store.js';
import type { ActionResults, ActionSettings } from '../studio/actions.js';
import type { Workspace } from '../studio/workspace.js';
import type { StudioSessions } from './csrf.js';
import type { TeamContext } from '../team/http/context.js';
import { pagePolicy } from './csp.js';
import { HTML, type RequestPath, send } from './http.js';
import type { EventHub } from './live.js';

export interface RouteContext {
  ws: Workspace;
  store: Store;
  secret: string;
  mode: 'studio' | 'public';
  hub: EventHub;
  now: () => Date;
  /** The studio's sessions and form tokens (see csrf.ts), and results waiting to be shown. */
  sessions: Pick<StudioSessions, 'session' | 'formToken' | 'verify'>;
  results: ActionResults;
  settings: ActionSettings;
  /** The editor's key, files and draft renders (editor/http/guard.ts). */
  editor: EditorState;
  /** Team mode (`serve --team`, src/team): sign-in, sessions, roles. Absent in the one-person studio. */
  team?: TeamContext;
}

export type Handler = (
  c: RouteContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: string[],
  p: RequestPath,
) => Promise<void> | void;

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
