// The team on the host (`newsletter team`), the store's backup, and `serve --team` refusing to
// start half configured — each through `main`, as an admin runs them.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { commandHelp } from '../../src/cli/help.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { tempProject, type TempProject } from '../helpers/project.js';
import { captured } from '../cli/capture.js';

let project: TempProject;
const env: NodeJS.ProcessEnv = { NEWSLETTER_DB: '.newsletter/state.db' };
beforeAll(async () => {
  project = await tempProject();
});
afterAll(() => project.remove());

const run = async (argv: string[], extra: NodeJS.ProcessEnv = {}) => {
  const io = captured();
  const code = await main(argv, io, project.root, { ...env, ...extra }, () => new Date('2024-05-01T09:00:00Z'));
  return { code, out: io.stdout, err: io.stderr };
};

describe('--help does nothing else', () => {
  it.each([
    ['team', 'add', 'someone@example.gov.uk', '--role', 'admin', '--help'],
    ['backup', 'never.db', '--help'],
  ])('%s', async (...argv) => {
    const r = await run(argv);
    expect(r.code).toBe(0);
    expect(r.out.trimEnd()).toBe(commandHelp(COMMANDS.find((c) => c.name === argv[0])!).trimEnd());
    expect(existsSync(path.join(project.root, 'never.db'))).toBe(false);
    expect((await run(['team', 'list'])).out).not.toContain('someone@');
  });
});

describe('newsletter team', () => {
  it('adds the first admin, lists the team, and changes a role', async () => {
    expect((await run(['team', 'list'])).out).toContain('No one is on the team yet');
    const add = await run(['team', 'add', 'Priya.Shah@Example.gov.uk', '--role', 'admin', '--name', 'Priya Shah']);
    expect(add).toMatchObject({ code: 0 });
    expect(add.out).toContain('Priya Shah <priya.shah@example.gov.uk> is on the team as admin.');
    await run(['team', 'add', 'sam@example.gov.uk', '--role', 'writer', '--name', 'Sam Writer']);
    expect((await run(['team', 'add', 'sam@example.gov.uk', '--role', 'approver'])).out).toContain(
      'Sam Writer <sam@example.gov.uk> is now approver.',
    );
    const list = (await run(['team', 'list'])).out;
    expect(list.indexOf('priya.shah@example.gov.uk')).toBeLessThan(list.indexOf('sam@example.gov.uk'));
    expect(list).toMatch(/approver\s+sam@example\.gov\.uk\s+Sam Writer/);
  });

  it('refuses a bad address, a bad role, and removing or demoting the last admin; each change is in the log', async () => {
    expect(await run(['team', 'add', 'not an address', '--role', 'writer'])).toMatchObject({ code: 1 });
    const role = await run(['team', 'add', 'x@example.gov.uk', '--role', 'owner']);
    expect(role.err).toContain('"owner" is not a role — choose one of writer, approver, publisher, admin');
    const last = await run(['team', 'remove', 'priya.shah@example.gov.uk']);
    expect(last.code).toBe(1);
    expect(last.err).toContain("is the team's only admin and cannot be removed");
    expect((await run(['team', 'add', 'priya.shah@example.gov.uk', '--role', 'writer'])).err).toContain(
      'only admin and cannot be made a writer',
    );
    expect(await run(['team', 'remove', 'sam@example.gov.uk'])).toMatchObject({ code: 0 });
    expect((await run(['team', 'remove', 'sam@example.gov.uk'])).err).toContain('sam@example.gov.uk is not on the team');
    const log = (await run(['log'])).out;
    expect(log).toContain('added Priya Shah <priya.shah@example.gov.uk> to the team as admin');
    expect(log).toContain('changed sam@example.gov.uk on the team to Sam Writer, approver');
    expect(log).toContain('removed Sam Writer <sam@example.gov.uk> (approver) from the team');
    expect(log).not.toContain('x@example.gov.uk');
  });
});

describe('newsletter backup', () => {
  it('copies the store while it is open, readable by the owner only, and never over an earlier backup', async () => {
    const r = await run(['backup', 'copy.db']);
    expect(r.code).toBe(0);
    const copy = path.join(project.root, 'copy.db');
    expect(statSync(copy).mode & 0o777).toBe(0o600);
    const db = new Database(copy, { readonly: true });
    expect(db.prepare('SELECT email, role FROM team_member').all()).toEqual([{ email: 'priya.shah@example.gov.uk', role: 'admin' }]);
    db.close();
    expect((await run(['backup', 'copy.db'])).err).toContain('copy.db exists already');
    expect((await run(['backup', 'nowhere/copy.db'])).err).toContain('does not exist');
    expect(existsSync(path.join(project.root, 'nowhere'))).toBe(false);
  });
});

describe('serve --team refuses to start half configured', () => {
  const key = 'k3y-0123456789-abcdefghijklmnopqrstuvwxyz';
  const cases: [string, NodeJS.ProcessEnv, string][] = [
    ['no STUDIO_URL', { STUDIO_SESSION_KEY: key, SIGN_IN_EMAIL: 'on', SMTP_URL: 'smtp://127.0.0.1:1' }, 'set STUDIO_URL'],
    [
      'plain http elsewhere than loopback',
      { STUDIO_URL: 'http://studio.example.gov.uk', STUDIO_SESSION_KEY: key, SIGN_IN_EMAIL: 'on', SMTP_URL: 'smtp://127.0.0.1:1' },
      'is plain http',
    ],
    [
      'no session key',
      { STUDIO_URL: 'https://studio.example.gov.uk', SIGN_IN_EMAIL: 'on', SMTP_URL: 'smtp://127.0.0.1:1' },
      'set STUDIO_SESSION_KEY',
    ],
    [
      'a weak session key',
      {
        STUDIO_URL: 'https://studio.example.gov.uk',
        STUDIO_SESSION_KEY: 'a'.repeat(40),
        SIGN_IN_EMAIL: 'on',
        SMTP_URL: 'smtp://127.0.0.1:1',
      },
      'STUDIO_SESSION_KEY is too weak',
    ],
    [
      'no way to sign in',
      { STUDIO_URL: 'https://studio.example.gov.uk', STUDIO_SESSION_KEY: key },
      'sign-in is not configured: set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET',
    ],
    [
      'half the OIDC settings',
      { STUDIO_URL: 'https://studio.example.gov.uk', STUDIO_SESSION_KEY: key, OIDC_ISSUER: 'https://login.example.com' },
      'OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are not set',
    ],
    [
      'email links without SMTP_URL',
      { STUDIO_URL: 'https://studio.example.gov.uk', STUDIO_SESSION_KEY: key, SIGN_IN_EMAIL: 'on' },
      'set SMTP_URL too',
    ],
    [
      'an untrusted proxy setting',
      {
        STUDIO_URL: 'https://studio.example.gov.uk',
        STUDIO_SESSION_KEY: key,
        SIGN_IN_EMAIL: 'on',
        SMTP_URL: 'smtp://127.0.0.1:1',
        TRUSTED_PROXY: 'proxy.local',
      },
      'TRUSTED_PROXY holds "proxy.local"',
    ],
  ];
  it('--public and --team together are refused: the public server never serves the studio', async () => {
    const r = await run(['serve', '--team', '--public', '--port', '0'], { STUDIO_URL: 'https://studio.example.gov.uk' });
    expect(r.code).toBe(1);
    expect(r.err).toContain('choose one: --public serves readers, --team serves the studio to the team');
  });

  it.each(cases)('%s', async (_name, settings, said) => {
    const r = await run(['serve', '--team', '--port', '0'], settings);
    expect(r.code).toBe(1);
    expect(r.err).toContain(said);
    expect(r.err).toContain('Hosting the studio for the team');
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});
