// What the server gives every route handler. The handlers sit below src/server/ on the ladder
// (studio, editor, site), so none imports this: each declares the part it uses, and routes.ts,
// which lists them, lets the compiler check that this context has every part each one asks for.
import type { EditorState } from '../editor/http/guard.js';
import type { Store } from '../state/store.js';
import type { ActionResults, ActionSettings } from '../studio/actions.js';
import type { StepResults } from '../studio/steps.js';
import type { PersonOf } from '../http/person.js';
import type { Workspace } from '../workspace/workspace.js';
import type { StudioSessions } from '../http/csrf.js';
import type { RouteHandler } from '../http/http.js';
import type { EventHub } from '../http/live.js';
import type { TeamContext } from '../team/http/context.js';

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
  /** The publishing steps' results waiting to be shown (studio/steps.ts). */
  stepResults: StepResults;
  /** Who is acting on a request (http/person.ts); unset, the person running the studio. */
  personOf?: PersonOf;
  /** Team mode (`serve --team`, src/team): sign-in, sessions, roles. Absent in the one-person studio. */
  team?: TeamContext;
}

export type Handler = RouteHandler<RouteContext>;
