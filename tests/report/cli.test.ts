// `newsletter report` through `main`: its help, refusals without a stack trace, --refresh taking a
// reading from the stand-in now (and "not ready yet" when Mailchimp has none), and "not tracked"
// instead of zeros when opens were off.
import { describe, expect, it } from 'vitest';
import { commandHelp } from '../../src/cli/help.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { main } from '../../src/cli/main.js';
import { captured } from '../cli/capture.js';
import { DUE, HOUR, ISSUE, RECRUITMENT_URL, sentWorldEachTest, setFigures, TestClock } from './world.js';

const clock = new TestClock(DUE);
const the = sentWorldEachTest(clock);

const run = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
  const io = captured();
  const code = await main(args, io, the.w.project.root, {
    NEWSLETTER_DB: the.w.dbFile,
    MAILCHIMP_API_KEY: the.standin.apiKey,
    MAILCHIMP_AUDIENCE_ID: the.standin.audienceId,
    MAILCHIMP_API_BASE: the.standin.baseUrl,
    ...env,
  });
  expect(io.stderr).not.toMatch(/^\s+at /m);
  return { code, out: io.stdout, err: io.stderr };
};

describe('newsletter report', () => {
  it('--help prints its help and asks Mailchimp nothing', async () => {
    const { standin } = the;
    const before = standin.requests.length;
    const r = await run(['report', ISSUE, '--refresh', '--help']);
    expect(r).toEqual({ code: 0, out: `${commandHelp(COMMANDS.find((c) => c.name === 'report')!)}\n`, err: '' });
    expect(standin.requests.length).toBe(before);
  });

  it('refuses an issue that was not sent with the tool, and --json with --csv', async () => {
    const draft = await run(['report', '2099-12']);
    expect(draft.code).toBe(1);
    expect(draft.err).toContain('issue 2099-12 has no report: it has not been sent through Mailchimp with this tool');
    expect((await run(['report', ISSUE, '--json', '--csv'])).err).toContain('give --json or --csv, not both');
  });

  it('--refresh says "not ready yet" while Mailchimp has no report, then takes a reading on request', async () => {
    const { standin, w } = the;
    const early = await run(['report', ISSUE, '--refresh']);
    expect(early.code).toBe(0);
    expect(early.err).toContain('not ready yet');
    expect(early.out).toContain('Not ready yet.');
    expect(early.out).toContain('Mailchimp has no report on this issue yet');

    await setFigures(standin, w.campaignId, {
      emails_sent: 3,
      opens: { unique_opens: 2 },
      clicks: { unique_subscriber_clicks: 1 },
      urls_clicked: [{ url: RECRUITMENT_URL, total_clicks: 2, unique_clicks: 1 }],
    });
    const now = await run(['report', ISSUE, '--refresh', '--json']);
    expect(now.code).toBe(0);
    expect(JSON.parse(now.out)).toMatchObject({ state: 'ready', latest: { slot: 'asked', emailsSent: 3, clicks: { unique: 1 } } });
    // A reading on request does not take the daemon's place: its +1 hour reading is still to come.
    expect(w.store.reports.slotsRead(ISSUE).size).toBe(0);
    clock.set(new Date(DUE.getTime() + HOUR + 60_000));
    expect((await w.daemon.daemon.readReports()).get(ISSUE)).toBe('read');
    // (The command reads at the real time, the daemon at the test's clock: compare without order.)
    expect(
      w.store.reports
        .list(ISSUE)
        .map((r) => r.slot)
        .sort(),
    ).toEqual(['asked', 'hour']);
  });

  it('with opens not tracked, says so instead of showing zeros', async () => {
    const { standin, w } = the;
    standin.account.campaign(w.campaignId).tracking.opens = false;
    await setFigures(standin, w.campaignId, { emails_sent: 3, clicks: { unique_subscriber_clicks: 1 } });
    const r = await run(['report', ISSUE, '--refresh']);
    expect(r.out).toContain('opened          not tracked');
    expect(r.out).toContain('Note: Opens were not tracked for this issue');
    expect(r.out).not.toContain('Apple Mail');
    const json = JSON.parse((await run(['report', ISSUE, '--json'])).out) as { latest: { opens: unknown } };
    expect(json.latest.opens).toBeNull();
  });
});
