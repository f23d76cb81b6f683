// A team studio for tests: `serve --team` on 127.0.0.1 (port 0, STUDIO_URL made from the address
// it listens on), email sign-in links through the project's real SMTP test server, and a team in
// its store. `signIn(email)` goes the whole way a person does: ask for a link, take it from the
// mail received, confirm it, keep the session cookie.
import { smtpTransport } from '../../src/distribute/smtp.js';
import type { PreviewOptions } from '../../src/server/server.js';
import { type TeamConfig, teamConfig } from '../../src/team/config.js';
import { SessionKeeper } from '../../src/team/sessions.js';
import { putMember } from '../../src/team/members.js';
import { addCleanDraft, rawRequest, type RawReply, type Running, runPreview } from '../helpers/preview-server.js';
import type { TempProject } from '../helpers/project.js';
import { startSmtp, type TestSmtp } from '../workflow/smtp.js';

export const SESSION_KEY = 'team-session-key-0123456789-abcdefghijklmnop';

export interface TeamStudio extends Running {
  smtp: TestSmtp;
  /** The studio's origin, as its pages post from it. */
  origin: string;
  signIn(email: string): Promise<string>;
  /** A session as signing in makes one, without the mail (the sign-in links' rate limit stays for their own tests). */
  sessionFor(email: string, issuer?: string): string;
  /** The sign-in link last mailed to an address. */
  linkFor(email: string): string;
  /** A POST as a studio page sends it: same origin, the session's cookie and form token. */
  post(cookie: string, path: string, fields: Record<string, string>, headers?: Record<string, string>): Promise<RawReply>;
  formToken(cookie: string, page?: string): Promise<string>;
  get(path: string, cookie?: string): Promise<RawReply>;
}

export const TEAM = [
  { email: 'ada@example.gov.uk', name: 'Ada Admin', role: 'admin' },
  { email: 'priya@example.gov.uk', name: 'Priya Shah', role: 'approver' },
  { email: 'omar@example.gov.uk', name: 'Omar Khan', role: 'approver' },
  { email: 'wren@example.gov.uk', name: 'Wren Writer', role: 'writer' },
];

export async function startTeamStudio(
  extraEnv: NodeJS.ProcessEnv = {},
  prepare?: (p: TempProject) => Promise<void>,
  extra: Partial<PreviewOptions> = {},
): Promise<TeamStudio> {
  const smtp = await startSmtp();
  const smtpUrl = `smtp://127.0.0.1:${smtp.port}?tls.rejectUnauthorized=false`;
  let config: TeamConfig | undefined;
  const env = { STUDIO_SESSION_KEY: SESSION_KEY, SIGN_IN_EMAIL: 'on', SMTP_URL: smtpUrl, ...extraEnv };
  const { team: teamExtra, ...rest } = extra;
  const running = await runPreview(
    'studio',
    async (p) => {
      await addCleanDraft(p);
      await prepare?.(p);
    },
    {
      env,
      transport: (u) => smtpTransport(u, { timeoutMs: 5000 }),
      team: { config: (listening) => (config = teamConfig({ STUDIO_URL: listening, ...env })), oidcFetch: teamExtra?.oidcFetch },
      ...rest,
    },
  );
  for (const m of TEAM) putMember(running.store, m, { hostUser: 'test' });
  const origin = running.url;
  const get = (path: string, cookie?: string) => rawRequest(origin, 'GET', path, cookie ? { cookie } : {});
  const post = (cookie: string, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
    rawRequest(
      origin,
      'POST',
      path,
      { 'content-type': 'application/x-www-form-urlencoded', origin, ...(cookie ? { cookie } : {}), ...headers },
      new URLSearchParams(fields).toString(),
    );
  const linkFor = (email: string) => {
    const mail = [...smtp.received].reverse().find((r) => r.envelopeTo.includes(email));
    const link = mail && /https?:\/\/\S+\/auth\/link\?token=[A-Za-z0-9_-]{43}/.exec(mail.mail.text ?? '')?.[0];
    if (!link) throw new Error(`no sign-in link was mailed to ${email}`);
    return link;
  };
  const studio: TeamStudio = {
    ...running,
    smtp,
    origin,
    get,
    post,
    linkFor,
    async signIn(email) {
      const before = smtp.received.length;
      const asked = await post('', '/auth/email', { email, return: '/' });
      if (asked.status !== 303) throw new Error(`asking for a link answered ${asked.status}`);
      await waitFor(() => smtp.received.length > before);
      const token = new URL(linkFor(email)).searchParams.get('token')!;
      const done = await post('', '/auth/link', { token });
      const cookie = [done.headers['set-cookie'] ?? []].flat()[0]?.split(';')[0];
      if (done.status !== 303 || !cookie) throw new Error(`signing in answered ${done.status}: ${done.body.slice(0, 300)}`);
      return cookie;
    },
    sessionFor(email, issuer = origin) {
      const keeper = new SessionKeeper(config!, running.store);
      const m = running.store.team.get(email);
      return keeper.start({ email, name: m?.name ?? email, issuer, subject: email }, running.clock.now).setCookie.split(';')[0]!;
    },
    async formToken(cookie, page = '/') {
      const got = await get(page, cookie);
      const token = /name="csrf" value="([^"]+)"/.exec(got.body)?.[1];
      if (!token) throw new Error(`no form token on ${page} (status ${got.status})`);
      return token;
    },
    async stop() {
      await running.stop();
      await smtp.close();
    },
  };
  return studio;
}

export async function waitFor(ok: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > until) throw new Error('waited too long');
    await new Promise((r) => setTimeout(r, 20));
  }
}
