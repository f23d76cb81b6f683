// Issue 22: `newsletter report` prints Mailchimp's data; a link holding terminal escapes must not
// clear the screen or set the window title, and the CSV makes a leading tab inert for spreadsheets.
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captured } from '../cli/capture.js';
import { DUE, ISSUE, sentWorldEachTest, setFigures, TestClock } from './world.js';

const clock = new TestClock(DUE);
const the = sentWorldEachTest(clock);
const HOSTILE = 'https://example.org/\x1b[2J\x1b]0;owned\x07a\x9b2Jb\u202eevil';

const run = async (args: string[]) => {
  const io = captured();
  const code = await main(args, io, the.w.project.root, {
    NEWSLETTER_DB: the.w.dbFile,
    MAILCHIMP_API_KEY: the.standin.apiKey,
    MAILCHIMP_AUDIENCE_ID: the.standin.audienceId,
    MAILCHIMP_API_BASE: the.standin.baseUrl,
  });
  return { code, out: io.stdout, err: io.stderr };
};

describe('newsletter report with hostile Mailchimp data', () => {
  it('prints no control character or escape sequence from it; the CSV neutralises a leading tab', async () => {
    await setFigures(the.standin, the.w.campaignId, {
      emails_sent: 3,
      opens: { unique_opens: 2 },
      clicks: { unique_subscriber_clicks: 1 },
      urls_clicked: [
        { url: HOSTILE, total_clicks: 2, unique_clicks: 1 },
        { url: '\t=cmd', total_clicks: 1, unique_clicks: 1 },
      ],
    });
    const text = await run(['report', ISSUE, '--refresh']);
    expect(text.code).toBe(0);
    expect(text.out).toContain('https://example.org/ab');
    expect(text.out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(text.out).not.toContain('owned');
    const csv = await run(['report', ISSUE, '--csv']);
    expect(csv.out).toContain('"https://example.org/abevil"');
    expect(csv.out).toContain(`"'\t=cmd"`);
    expect(csv.out).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202e]|\r(?!\n)/);
  });
});
