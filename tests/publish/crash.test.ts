// A publish killed between "campaign created" (Mailchimp has it) and "id stored" (the store never
// heard): the child process is SIGKILLed from inside the stand-in, right after the campaign is
// made and before the answer leaves. Running publish again finds the campaign by its title key:
// still one campaign, scheduled once.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/state/store.js';
import { captured } from '../cli/capture.js';
import type { TempProject } from '../helpers/project.js';
import { campaignsOf, draftApril, envFor, now } from './fixture.js';

const CHILD = fileURLToPath(new URL('./publish-child.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');
const AT = '2022-04-05 10:00'; // BST: 09:00Z, later on sendAt's day: the email's date is the day it goes

let standin: Standin;
let project: TempProject;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  standin = await startStandin({ now }); // the commands' clock too (publish-child.ts): 5 April 2022 is still to come
  project = await draftApril();
  env = { ...envFor(standin), NEWSLETTER_DB: '.newsletter/state.db' };
  expect(await main(['approve', '2022-04', '--by', 'Ann Chair'], captured(), project.root, env, now)).toBe(0);
});
afterAll(async () => {
  await standin.stop();
  await project.remove();
});

it('a publish killed right after Mailchimp made the campaign is recovered by the title key', async () => {
  const running: { child?: ChildProcess } = {};
  const create = standin.account.create.bind(standin.account);
  standin.account.create = (body) => {
    const made = create(body);
    running.child?.kill('SIGKILL'); // before the answer is written: the child never learns the id
    return made;
  };
  const child = spawn(process.execPath, ['--import', TSX, CHILD, 'publish', '2022-04', '--at', AT, '--by', 'Ann Chair'], {
    cwd: project.root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.child = child;
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, s) => resolve(s)));
  standin.account.create = create;
  expect(signal, stderr).toBe('SIGKILL');

  expect(campaignsOf(standin)).toHaveLength(1);
  const store = openStore(path.join(project.root, '.newsletter/state.db'));
  try {
    expect(store.campaigns.get('2022-04')?.campaignId ?? null).toBeNull();
    const steps = store.audit.list('2022-04', 'publish-step').map((e) => `${String(e.details.step)} ${String(e.details.phase)}`);
    expect(steps).toEqual(['create-campaign started']);
  } finally {
    store.close();
  }

  const io = captured();
  expect(await main(['publish', '2022-04', '--at', AT, '--by', 'Ann Chair'], io, project.root, env, now)).toBe(0);
  expect(io.stdout).not.toContain('create the campaign');
  const [campaign, ...more] = campaignsOf(standin);
  expect(more).toEqual([]);
  expect(campaign).toMatchObject({ status: 'schedule', send_time: '2022-04-05T09:00:00+00:00' });
  expect(standin.requests.filter((r) => r.operationId === 'postCampaigns')).toHaveLength(1);
  const after = openStore(path.join(project.root, '.newsletter/state.db'));
  try {
    expect(after.campaigns.get('2022-04')?.campaignId).toBe(campaign!.id);
    expect(after.statuses.get('2022-04')).toBe('scheduled');
    expect(after.audit.list('2022-04', 'campaign-found')).toHaveLength(1);
  } finally {
    after.close();
  }
});
