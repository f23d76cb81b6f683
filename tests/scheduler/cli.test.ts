// The commands as the secretariat runs them: `publish --send-at` then `publish --now` through
// main against the stand-in (an account that cannot schedule); `newsletter daemon` as a real
// process — JSON log lines on a pipe, /healthz on loopback, `status` says it is alive, SIGTERM
// ends it with exit 0.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandHelp } from '../../src/cli/help.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { main } from '../../src/cli/main.js';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import { captured } from '../cli/capture.js';
import { makeDraft, REPO, tempProject, type TempProject } from '../helpers/project.js';

let project: TempProject;
let standin: Standin;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  project = await tempProject();
  await makeDraft(project);
  standin = await startStandin({ canSchedule: false });
  env = {
    NEWSLETTER_DB: '.newsletter/state.db',
    MAILCHIMP_API_KEY: standin.apiKey,
    MAILCHIMP_AUDIENCE_ID: standin.audienceId,
    MAILCHIMP_API_BASE: standin.baseUrl,
  };
});
afterAll(async () => {
  await standin.stop();
  await project.remove();
});

// April 2022 is a draft here; approve and check judge its sendAt (5 April 2022) on 30 March 2022.
const NOW = new Date('2022-03-30T10:00:00Z');
const run = async (...argv: string[]) => {
  const io = captured();
  const code = await main(argv, io, project.root, env, () => NOW);
  return { code, out: io.stdout, err: io.stderr };
};
const sends = () => standin.requests.filter((r) => r.operationId === 'postCampaignsIdActionsSend').length;

describe('publish --send-at and --now', () => {
  it('syncs the campaign without scheduling it, records the due time, and --now sends it once', async () => {
    expect((await run('approve', '2022-04', '--by', 'Ann Chair')).code).toBe(0);
    const due = await run('publish', '2022-04', '--send-at', '2022-04-05 09:07', '--by', 'Ann Chair');
    expect(due.err).not.toMatch(/Schedule/);
    expect(due).toMatchObject({ code: 0 });
    expect(due.out).toMatch(/2022-04 is ready in Mailchimp \(campaign \w+, content \w+\) and due at 5 April 2022 at 9:07am \(BST\)/);
    const [campaign] = [...standin.account.campaigns.values()];
    expect(campaign?.status).toBe('save');
    expect(standin.requests.some((r) => r.operationId === 'postCampaignsIdActionsSchedule')).toBe(false);
    expect((await run('status', '2022-04')).out).toMatch(
      /2022-04 {2}scheduled[\s\S]*daemon {4}not running \(never started here\) — 1 due send waiting/,
    );

    expect((await run('publish', '2022-04', '--now', '--at', '2022-04-05 09:00')).code).toBe(1); // one of them, not both
    const now = await run('publish', '2022-04', '--now', '--by', 'Ann Chair');
    expect(now).toMatchObject({ code: 0, out: '2022-04: sent now: Mailchimp is sending it.\n' });
    expect(campaign?.status).toBe('sending');
    const again = await run('publish', '2022-04', '--now', '--by', 'Ann Chair');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/due send is finished \(sent\); it is not sent again/);
    expect(sends()).toBe(1);
    expect((await run('log', '2022-04')).out).toMatch(/ {2}Ann Chair {2}confirmed that 2022-04 be sent now/);
  });

  it('daemon --help prints its help and nothing else', async () => {
    const help = await run('daemon', '--help');
    expect(help).toEqual({ code: 0, out: `${commandHelp(COMMANDS.find((c) => c.name === 'daemon')!)}\n`, err: '' });
  });
});

describe('newsletter daemon', () => {
  it('logs JSON lines, answers /healthz, shows as alive in status, and exits 0 on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), path.join(REPO, 'tests/scheduler/cli-child.ts'), 'daemon', '--health-port', '0'],
      {
        cwd: project.root,
        env: { ...process.env, ...env, NO_COLOR: '1' },
      },
    );
    child.stderr.resume();
    const lines: Record<string, unknown>[] = [];
    const seen = new Map<string, () => void>();
    createInterface({ input: child.stdout }).on('line', (l) => {
      const line = JSON.parse(l) as Record<string, unknown>; // not a terminal: every line is JSON
      lines.push(line);
      seen.get(String(line.event))?.();
    });
    const event = (name: string) =>
      new Promise<Record<string, unknown>>((resolve) => {
        const found = lines.find((l) => l.event === name);
        if (found) resolve(found);
        else seen.set(name, () => resolve(lines.find((l) => l.event === name)!));
      });
    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const started = await event('daemon.started');
      await event('daemon.ready');
      const res = await fetch(`http://127.0.0.1:${String(started.healthPort)}/healthz`);
      expect(res.status).toBe(200);
      const health = (await res.json()) as Record<string, unknown>;
      expect(health).toMatchObject({ ok: true, owner: started.owner, pending: [] });
      expect(health.lastTick).toEqual(expect.any(String));
      expect(health.lastReconcile).toEqual(expect.any(String));
      expect((await fetch(`http://127.0.0.1:${String(started.healthPort)}/`)).status).toBe(404);
      expect((await run('status', '2022-04')).out).toMatch(new RegExp(`daemon {4}alive — ${String(started.owner)}, last tick`));
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exit).toBe(0);
    expect(lines.at(-1)).toMatchObject({ event: 'daemon.stopped', level: 'info' });
    expect((await run('status', '2022-04')).out).toMatch(/daemon {4}NOT running — last seen .* \(stopped\)/);
  });
});
