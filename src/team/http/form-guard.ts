// The team studio's form tokens, in the shape the studio's actions already ask (http/csrf.ts):
// a token bound to the signed-in person's session, under STUDIO_SESSION_KEY, and a POST accepted
// only from STUDIO_URL's origin with its session's token.
import type { IncomingMessage } from 'node:http';
import type { StudioSession, Verdict } from '../../http/csrf.js';
import type { TeamContext } from './context.js';
import { fromStudioPage, sessionOf } from './context.js';

export class TeamFormGuard {
  constructor(private readonly team: TeamContext) {}

  session(req: IncomingMessage): StudioSession {
    return { id: sessionOf(req) ?? '' };
  }

  formToken(session: string): string {
    return this.team.sessions.formToken(session);
  }

  verify(req: IncomingMessage, token: string | null): Verdict {
    if (!fromStudioPage(req, this.team.config)) return { ok: false, why: 'origin' };
    const session = sessionOf(req);
    if (!session || !this.team.sessions.tokenMatches(session, token)) return { ok: false, why: 'token' };
    return { ok: true, session };
  }
}
