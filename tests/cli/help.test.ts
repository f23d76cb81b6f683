// `newsletter <command> --help` prints that command's help and does nothing else — one test per
// command, each proving the work was not done — and the table of commands drives every help text.
import { existsSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandHelp, overview } from '../../src/cli/help.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/state/store.js';
import { tempProject, type TempProject } from '../helpers/project.js';
import { captured } from './capture.js';

const help = (name: string) => `${commandHelp(COMMANDS.find((c) => c.name === name)!)}\n`;

/** A port held by this test, so that nothing else can be listening on it by chance, and `serve` could not take it. */
async function heldPort(): Promise<{ port: number; connections: () => number; close: () => Promise<void> }> {
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { port, connections: () => connections, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('--help does nothing else', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await tempProject();
  });
  afterEach(() => project.remove());

  it('build --help writes no dist/ (and build without it does)', async () => {
    for (const argv of [
      ['build', '--help'],
      ['build', '2022-04', '-h'],
      ['build', '--site', '--help'],
    ]) {
      const io = captured();
      expect(await main(argv, io, project.root)).toBe(0);
      expect(io.stdout).toBe(help('build'));
      expect(io.stderr).toBe('');
    }
    expect(existsSync(path.join(project.root, 'dist'))).toBe(false);
    expect(await main(['build', '2022-04'], captured(), project.root)).toBe(0);
    expect(existsSync(path.join(project.root, 'dist/issues/2022-04/email.html'))).toBe(true);
  });

  it('check --help prints no report, even for an issue that does not exist', async () => {
    const io = captured();
    expect(await main(['check', '2031-01', '--json', '--help'], io, project.root)).toBe(0);
    expect(io.stdout).toBe(help('check'));
    expect(io.stderr).toBe('');
  });

  it('serve --help starts no server and opens no state store', async () => {
    // The port is this test's own: a server started on it would fail to listen (an error, not 0);
    // one started elsewhere would keep main from returning until Ctrl-C, and the test would time out.
    const held = await heldPort();
    try {
      const io = captured();
      expect(await main(['serve', '--port', String(held.port), '--help'], io, project.root, {})).toBe(0);
      expect(io.stdout).toBe(help('serve'));
      expect(io.stderr).toBe('');
      expect(held.connections()).toBe(0);
      expect(existsSync(path.join(project.root, '.newsletter'))).toBe(false);
    } finally {
      await held.close();
    }
  });

  it('share --revoke <id> --help withdraws nothing (and without --help it does)', async () => {
    const db = path.join(project.root, 'state.db');
    const store = openStore(db);
    const now = new Date();
    store.shareLinks.record({ id: 'link-1', issue: '2022-05', hash: 'h', createdAt: now, expiresAt: new Date(now.getTime() + 86_400_000) });
    store.close();
    const env = { NEWSLETTER_DB: db, PREVIEW_SECRET: 'a-secret-of-thirty-two-characters!!' };
    const revoked = () => {
      const s = openStore(db);
      try {
        return s.shareLinks.find('link-1')!.revokedAt !== null;
      } finally {
        s.close();
      }
    };

    const io = captured();
    expect(await main(['share', '--revoke', '2022-05', '--help'], io, project.root, env)).toBe(0);
    expect(io.stdout).toBe(help('share'));
    expect(revoked()).toBe(false);
    expect(await main(['share', '--revoke', '2022-05'], captured(), project.root, env)).toBe(0);
    expect(revoked()).toBe(true);
  });

  it('every command in the table has a --help test above', () => {
    // new, proof, approve, unapprove, status, log and import-sent: their --help tests are in tests/workflow/cli.test.ts;
    // publish and unschedule: in tests/publish/cli.test.ts; daemon: in tests/scheduler/cli.test.ts; report: in tests/report/cli.test.ts;
    // team and backup: in tests/team/cli.test.ts.
    expect(COMMANDS.map((c) => c.name)).toEqual([
      'build',
      'check',
      'serve',
      'share',
      'new',
      'proof',
      'approve',
      'unapprove',
      'publish',
      'unschedule',
      'status',
      'log',
      'report',
      'import-sent',
      'daemon',
      'team',
      'backup',
    ]);
  });
});

describe('help', () => {
  it('`newsletter help` and --help list every command with its summary, on stdout', async () => {
    for (const argv of [['help'], ['--help'], ['-h']]) {
      const io = captured();
      expect(await main(argv, io)).toBe(0);
      expect(io.stdout).toBe(`${overview(COMMANDS)}\n`);
    }
    for (const c of COMMANDS)
      expect(overview(COMMANDS)).toMatch(new RegExp(`^  ${c.name} +${c.summary.replace(/[.*+?^${}()|[\]\\`]/g, '\\$&')}$`, 'm'));
  });

  it('`newsletter help <command>` is that command’s usage, options and example', async () => {
    const io = captured();
    expect(await main(['help', 'share'], io)).toBe(0);
    expect(io.stdout).toContain('  newsletter share --revoke <id>\n');
    expect(io.stdout).toMatch(/^ {2}--expires <duration> +how long the link works/m);
    expect(io.stdout).toContain('Examples:\n  newsletter share 2022-05 --expires 14d\n');
    const unknown = captured();
    expect(await main(['help', 'publsh'], unknown)).toBe(1);
    expect(unknown.stderr).toContain('"publsh" is not a command');
  });

  it('no arguments: the overview on stderr, exit 1', async () => {
    const io = captured();
    expect(await main([], io)).toBe(1);
    expect(io.stdout).toBe('');
    expect(io.stderr).toBe(`${overview(COMMANDS)}\n`);
  });
});
