// The sending check: a draft whose send time has passed is an error, judged by the clock the caller
// passes in; a sent issue's time is history; `status: sent` without a sent record is an error.
import { describe, expect, it } from 'vitest';
import { sendingCheck } from '../../src/check/checks/sending.js';
import { checkIssue } from '../../src/pipeline.js';
import { makeDraft, tempProject } from '../helpers/project.js';
import { checkApril } from './april.js';

const check = [sendingCheck];
const draft = { content: (_: unknown, issue: { status: string }) => void (issue.status = 'draft') };
const DEC_2026 = new Date('2026-12-02T12:00:00Z');

describe('sending check', () => {
  it('sendAt 2022-05-05 on 2 December 2026 is an error with the fix', async () => {
    const may = {
      content: (_: unknown, issue: { status: string; sendAt: string }) =>
        void Object.assign(issue, { status: 'draft', sendAt: '2022-05-05 09:00' }),
    };
    const report = await checkApril(may, check, { now: DEC_2026, sent: false });
    expect(report.errors).toBe(1);
    expect(report.findings[0]).toMatchObject({
      code: 'sending/time-passed',
      severity: 'error',
      file: 'content/issues/2022-04/issue.yaml',
      field: 'sendAt',
      message: 'sendAt, 5 May 2022 at 9am (BST), has passed (it is 2 December 2026 at 12pm (GMT) now), so the issue cannot go then',
      fix: 'set sendAt in content/issues/2022-04/issue.yaml to when it will go (the email prints its date), then approve the issue',
    });
  });

  it('the same draft before its send time, a sent issue after it, and a time moved by --at are not errors', async () => {
    expect((await checkApril(draft, check, { now: new Date('2022-04-05T07:59:00Z'), sent: false })).findings).toEqual([]);
    expect((await checkApril({}, check, { now: DEC_2026, sent: true })).findings).toEqual([]);
    const moved = { now: new Date('2022-04-05T08:30:00Z'), sendAt: new Date('2022-04-05T10:00:00Z'), sent: false };
    expect((await checkApril(draft, check, moved)).findings).toEqual([]);
    // Missed by half an hour on the day: --at is offered too.
    const missed = await checkApril(draft, check, { now: new Date('2022-04-05T08:30:00Z'), sent: false });
    expect(missed.findings[0]?.fix).toMatch(/^publish later today with --at "2022-04-05 HH:MM", or set sendAt/);
  });

  it('`status: sent` without a sent record is an error saying how to record it on purpose', async () => {
    const report = await checkApril({}, check, { sent: false });
    expect(report.findings).toMatchObject([
      {
        code: 'sending/no-sent-record',
        severity: 'error',
        field: 'status',
        message: expect.stringContaining('says `status: sent`, but there is no record of 2022-04 being sent'),
        fix: expect.stringContaining('newsletter import-sent 2022-04 --by "Your Name"'),
      },
    ]);
  });

  it('checkIssue looks for the sent record itself: April with its record passes, without it does not', async () => {
    const project = await tempProject();
    try {
      const codes = async () => (await checkIssue(project.paths, '2022-04', { now: DEC_2026 })).report.findings.map((f) => f.code);
      expect(await codes()).not.toContain('sending/no-sent-record');
      expect(await codes()).not.toContain('sending/time-passed');
      await makeDraft(project);
      await project.edit('content/issues/2022-04/issue.yaml', 'sendAt:', 'status: sent\nsendAt:');
      expect(await codes()).toEqual(expect.arrayContaining(['sending/no-sent-record', 'sending/time-passed']));
    } finally {
      await project.remove();
    }
  });
});
