// publish, unschedule, status and proof --via mailchimp end to end through `main`, against the
// stand-in: exit codes, messages without stack traces, and the API key in no output at all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import { commandHelp } from '../../src/cli/help.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { main } from '../../src/cli/main.js';
import { captured } from '../cli/capture.js';
import type { TempProject } from '../helpers/project.js';
import { campaignsOf, draftApril, envFor, now, writes } from './fixture.js';

let standin: Standin;
let project: TempProject;
let env: NodeJS.ProcessEnv;
const outputs: string[] = [];
beforeAll(async () => {
  standin = await startStandin({ now }); // Mailchimp's clock is the commands' clock: 5 April 2022 is still to come
  project = await draftApril();
  env = { ...envFor(standin), NEWSLETTER_DB: '.newsletter/state.db', PROOF_ALLOWLIST: '@example.org' };
});
afterAll(async () => {
  await standin.stop();
  await project.remove();
});

const run = async (argv: string[], withEnv: NodeJS.ProcessEnv = env) => {
  const io = captured();
  const code = await main(argv, io, project.root, withEnv, now); // before April's sendAt: checks find it still to come
  outputs.push(io.stdout, io.stderr);
  expect(io.stderr).not.toMatch(/^\s+at /m); // no stack trace, whatever happened
  return { code, out: io.stdout, err: io.stderr };
};
const AT = '2022-04-05 10:00'; // BST, later on sendAt's day: the email's date is the day it goes

describe('the publishing commands', () => {
  it('publish --help and unschedule --help print their help and touch nothing', async () => {
    for (const name of ['publish', 'unschedule']) {
      const r = await run([name, '2022-04', '--help']);
      expect(r).toEqual({ code: 0, out: `${commandHelp(COMMANDS.find((c) => c.name === name)!)}\n`, err: '' });
    }
    expect(standin.requests).toEqual([]);
  });

  it('refuse without Mailchimp configured, or before approval, and touch nothing', async () => {
    const bare = await run(['publish', '2022-04'], { NEWSLETTER_DB: '.newsletter/state.db' });
    expect(bare).toMatchObject({ code: 1, err: expect.stringContaining('MAILCHIMP_API_KEY and MAILCHIMP_AUDIENCE_ID are not set.') });
    expect(bare.err).toContain('Account & billing → Extras → API keys');
    const unapproved = await run(['publish', '2022-04', '--at', AT]);
    expect(unapproved).toMatchObject({ code: 1, err: expect.stringContaining('2022-04 is not approved') });
    expect(unapproved.err).toContain('newsletter approve 2022-04 --by');
    expect(standin.requests).toEqual([]);
  });

  it('approve, then publish --dry-run shows the plan and changes nothing', async () => {
    expect((await run(['approve', '2022-04', '--by', 'Ann Chair'])).code).toBe(0);
    const r = await run(['publish', '2022-04', '--at', AT, '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'Mailchimp has no campaign for 2022-04 yet.\n' +
        'It goes to the audience "Child Safeguarding Practice Review Panel newsletter" (3 subscribed members).\n' +
        'Plan for 2022-04:\n  1. create the campaign "panel-newsletter:2022-04"',
    );
    expect(r.out).toContain('  4. schedule for 5 April 2022 at 10am (BST) (2022-04-05T09:00:00Z)');
    expect(r.out).toContain('Dry run: nothing was changed.');
    expect(writes(standin)).toEqual([]);
  });

  it('publish refuses a time off the quarter-hour (exit 1), then schedules (exit 0), and says so', async () => {
    const off = await run(['publish', '2022-04', '--at', '2022-04-05 10:10']);
    expect(off).toMatchObject({ code: 1, err: expect.stringContaining('use 2022-04-05 10:00 BST or 2022-04-05 10:15 BST') });
    const otherDay = await run(['publish', '2022-04', '--at', '2022-04-06 10:00']);
    expect(otherDay).toMatchObject({ code: 1, out: '' });
    expect(otherDay.err).toContain(
      'newsletter: --at: the email says 5 April 2022 but would go on 6 April 2022\n' +
        '  set sendAt: "2022-04-06 10:00" in content/issues/2022-04/issue.yaml (then check and approve again), or publish without --at\n',
    );
    expect(writes(standin)).toEqual([]);
    const r = await run(['publish', '2022-04', '--at', AT, '--by', 'Ann Chair']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('[1/4] create the campaign');
    expect(r.out).toMatch(/2022-04 is scheduled in Mailchimp for 5 April 2022 at 10am \(BST\): campaign [0-9a-f]+/);
    expect(campaignsOf(standin)).toHaveLength(1);
    // The audit log records the person given with --by, and `log` reads as sentences with the hash last.
    const records = JSON.parse((await run(['log', '2022-04', '--json'])).out) as { action: string; actor: string; hash: string }[];
    const published = records.filter((e) => e.action === 'publish-step');
    expect(published.length).toBeGreaterThan(0);
    expect(new Set(published.map((e) => e.actor))).toEqual(new Set(['Ann Chair']));
    expect((await run(['log', '2022-04'])).out).toMatch(
      /^\d{1,2} [A-Z][a-z]+ 20\d\d at \d{1,2}(?::\d\d)?[ap]m \((?:BST|GMT)\) {2}Ann Chair {2}publishing 2022-04: schedule the campaign for 5 April 2022 at 10am \(BST\) — done {2}\(content [0-9a-f]{12}\)$/m,
    );
    expect((await run(['publish', '2022-04', '--at', AT, '--by', ' '])).err).toContain('--by "Your Name"');
    expect((await run(['publish', '2022-04', '--at', AT])).out).toContain('Nothing to do');
  });

  it('status shows Mailchimp beside the store, or "Mailchimp not configured"', async () => {
    const r = await run(['status', '2022-04']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(
      /2022-04 {2}scheduled[\s\S]*mailchimp campaign [0-9a-f]+ is scheduled in Mailchimp for 5 April 2022 at 10am \(BST\), 0 emails sent/,
    );
    const json = JSON.parse((await run(['status', '2022-04', '--json'])).out) as { mailchimp: { state: string; drift: string[] } }[];
    expect(json[0]!.mailchimp).toMatchObject({ state: 'campaign', drift: [] });
    const bare = await run(['status', '2022-04'], { NEWSLETTER_DB: '.newsletter/state.db' });
    expect(bare).toMatchObject({ code: 0, out: expect.stringContaining('mailchimp Mailchimp not configured') });
  });

  it('proof --via mailchimp sends a test email of the campaign, within the allow-list and the limits', async () => {
    const before = campaignsOf(standin)[0]!.testsSent;
    const r = await run(['proof', '2022-04', '--via', 'mailchimp', '--to', 'ann@example.org', '--by', 'Ann Chair']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('  sent to  ann@example.org');
    expect(campaignsOf(standin)[0]!.testsSent).toBe(before + 1);
    expect((await run(['log', '2022-04'])).out.trimEnd().split('\n').at(-1)).toMatch(
      /^.+\((?:BST|GMT)\) {2}Ann Chair {2}sent a proof of 2022-04 to ann@example\.org as a Mailchimp test email {2}\(content [0-9a-f]{12}\)$/,
    );
    const seven = Array.from({ length: 7 }, (_, i) => `r${i}@example.org`).join(',');
    expect(await run(['proof', '2022-04', '--via', 'mailchimp', '--to', seven])).toMatchObject({
      code: 1,
      err: expect.stringContaining('at most 6'),
    });
    expect(await run(['proof', '2022-04', '--via', 'mailchimp', '--to', 'x@elsewhere.net'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('not in PROOF_ALLOWLIST'),
    });
    expect(await run(['proof', '2022-04', '--via', 'carrier-pigeon', '--to', 'ann@example.org'])).toMatchObject({ code: 1 });
  });

  it('unschedule, then a schedule Mailchimp does not confirm exits 2, and running again finishes it', async () => {
    const u = await run(['unschedule', '2022-04', '--by', 'Ann Chair']);
    expect(u).toMatchObject({ code: 0, out: expect.stringContaining('is no longer scheduled; 2022-04 is approved') });
    expect(campaignsOf(standin)[0]!.status).toBe('save');
    expect((await run(['status', '2022-04'])).out).toMatch(/mailchimp campaign [0-9a-f]+ is a draft in Mailchimp, not scheduled, 0 emails/);

    standin.faults.inject('500', { operation: 'postCampaignsIdActionsSchedule' });
    const failed = await run(['publish', '2022-04', '--at', AT]);
    expect(failed).toMatchObject({ code: 2, err: expect.stringContaining('run the same command again') });
    expect(failed.out).toMatch(/^Campaign [0-9a-f]+ is a draft in Mailchimp, not scheduled\.\nIt goes to the audience /);
    const again = await run(['publish', '2022-04', '--at', AT]);
    expect(again.code, again.err).toBe(0);
    expect(campaignsOf(standin)).toHaveLength(1);
    expect(campaignsOf(standin)[0]!.status).toBe('schedule');
  });

  it('a wrong API key exits 1 and is not shown', async () => {
    const wrong = 'fedcba9876543210fedcba9876543210-us1';
    const r = await run(['unschedule', '2022-04'], { ...env, MAILCHIMP_API_KEY: wrong });
    expect(r).toMatchObject({ code: 1, err: expect.stringContaining('API Key Invalid') });
    expect(r.err + r.out).not.toContain(wrong);
  });

  it("Mailchimp's status values appear in no sentence of any command above", () => {
    for (const text of outputs) expect(text).not.toMatch(/\b(?:is|campaign [0-9a-f]+) (?:save|schedule|canceled|canceling)\b/);
  });

  it('the API key appears in no output of any command above', () => {
    const basic = Buffer.from(`anystring:${standin.apiKey}`).toString('base64');
    expect(outputs.length).toBeGreaterThan(20);
    for (const text of outputs) {
      expect(text).not.toContain(standin.apiKey);
      expect(text).not.toContain(standin.apiKey.slice(0, 32));
      expect(text).not.toContain(basic);
    }
  });
});
