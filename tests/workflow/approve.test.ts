// Approval is given to a content hash of what subscribers get: it goes stale when one
// character of content or the sender changes, and stays fresh through YAML comments and
// indentation. Two approvers when newsletter.yaml asks for them; unapprove withdraws.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NewsletterError } from '../../src/errors.js';
import { approve, unapprove } from '../../src/workflow/approve.js';
import { importSent } from '../../src/workflow/import-sent.js';
import { auditTrail, issueStandings } from '../../src/workflow/status-report.js';
import { APRIL, draftProject, now } from './fixture.js';

let fx: Awaited<ReturnType<typeof draftProject>>;
beforeEach(async () => {
  fx = await draftProject();
});
afterEach(() => fx.close());

const standing = async () => (await issueStandings(fx.project.paths, fx.store, ['2022-04'], now()))[0]!;

describe('approve', () => {
  it('records who approved which hash, keeps the snapshot, and makes the issue approved', async () => {
    const result = await approve(fx.project.paths, fx.store, { id: '2022-04', by: 'Ann Chair', now });
    expect(result).toMatchObject({ status: 'approved', approver: 'Ann Chair', approval: { state: 'fresh', needed: 1 } });
    expect(fx.store.statuses.get('2022-04')).toBe('approved');
    const snapshot = fx.store.approvals.approvedSnapshot('2022-04', 1)!;
    expect(snapshot.hash).toBe(result.hash);
    expect(snapshot.subject).toBe('Child Safeguarding Practice Review Panel: April 2022');
    expect(snapshot.html).toContain('*|UNSUB|*'); // as Mailchimp is to be sent it
    expect(auditTrail(fx.store, '2022-04').map((e) => [e.actor, e.action, e.hash])).toEqual([
      ['Ann Chair', 'approve', result.hash],
      ['Ann Chair', 'status', result.hash],
    ]);
  });

  it('stays fresh when only YAML comments or indentation change', async () => {
    const { hash } = await approve(fx.project.paths, fx.store, { id: '2022-04', by: 'Ann Chair', now });
    const yaml = await fx.project.read(APRIL);
    // A comment, and every nested line indented two more spaces: the same YAML, written differently.
    await fx.project.write(APRIL, `# Looked over again on Friday.\n${yaml.replace(/\n( +)(?=\S)/g, '\n$1  ')}`);
    expect(await fx.project.read(APRIL)).not.toBe(yaml);
    const s = await standing();
    expect(s.hash).toBe(hash);
    expect(s.approval).toMatchObject({ state: 'fresh', approvals: [{ approver: 'Ann Chair' }] });
  });

  it.each([
    ['one character of content', APRIL, 'financial year', 'financial yeer'],
    [
      'the sender',
      'content/newsletter.yaml',
      '  name: Child Safeguarding Practice Review Panel\n',
      '  name: Child Safeguarding Practice Review Panel team\n',
    ],
    [
      'the reply-to address',
      'content/newsletter.yaml',
      'replyTo: Mailbox.NationalReviewPanel@education.gov.uk',
      'replyTo: replies@education.gov.uk',
    ],
  ])('goes stale when %s changes', async (_what, file, from, to) => {
    const { hash } = await approve(fx.project.paths, fx.store, { id: '2022-04', by: 'Ann Chair', now });
    await fx.project.edit(file, from, to);
    const s = await standing();
    expect(s.status).toBe('approved');
    expect(s.hash).not.toBe(hash);
    expect(s.approval).toMatchObject({ state: 'stale', hash, approvals: [{ approver: 'Ann Chair' }] });
    // Publishing takes only an approved snapshot; the stale one is still the one that was approved.
    expect(fx.store.approvals.approvedSnapshot('2022-04', 1)?.hash).toBe(hash);
    // Approving again approves the new content.
    await approve(fx.project.paths, fx.store, { id: '2022-04', by: 'Ann Chair', now });
    expect((await standing()).approval.state).toBe('fresh');
  });

  it('needs two different people when newsletter.yaml says approvals: 2', async () => {
    await fx.project.edit('content/newsletter.yaml', 'defaultSendTime: "09:00"', 'defaultSendTime: "09:00"\napprovals: 2');
    const first = await approve(fx.project.paths, fx.store, { id: '2022-04', by: 'Ann Chair', now });
    expect(first).toMatchObject({ status: 'draft', approval: { state: 'partial', needed: 2 } });
    const again = await approve(fx.project.paths, fx.store, { id: '2022-04', by: ' ann chair ', now });
    expect(again).toMatchObject({ status: 'draft', already: true, approval: { state: 'partial' } });
    expect(fx.store.approvals.approvedSnapshot('2022-04', 2)).toBeUndefined();
    const second = await approve(fx.project.paths, fx.store, { id: '2022-04', by: 'Bob Deputy', now });
    expect(second).toMatchObject({ status: 'approved', approval: { state: 'fresh', needed: 2 } });
    expect(fx.store.approvals.approvedSnapshot('2022-04', 2)?.hash).toBe(second.hash);
  });

  it('is refused while check has errors, and for an issue sent before the tool', async () => {
    await fx.project.edit(APRIL, 'closingDate: 2022-04-18', 'closingDate: 2022-04-01');
    const e = await approve(fx.project.paths, fx.store, { id: '2022-04', by: 'Ann Chair', now }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NewsletterError);
    expect(e).toMatchObject({
      code: 'check-failed',
      exit: 1,
      message: expect.stringMatching(/cannot be approved:\n {2}section 5 \(recruitment\)/),
    });
    expect(fx.store.approvals.live('2022-04')).toEqual([]);
    expect(auditTrail(fx.store, '2022-04')).toEqual([]);

    await fx.project.edit(APRIL, 'closingDate: 2022-04-01', 'closingDate: 2022-04-18');
    // Issue 16: `status: sent` typed into the file is not a sent record. It is a check error (so not
    // approved), the issue stays a draft, and nothing is imported behind anyone's back.
    await fx.project.edit(APRIL, 'sendAt:', 'status: sent\nsendAt:');
    await expect(approve(fx.project.paths, fx.store, { id: '2022-04', by: 'Ann Chair', now })).rejects.toMatchObject({
      code: 'check-failed',
      message: expect.stringContaining('says `status: sent`, but there is no record of 2022-04 being sent'),
    });
    expect(fx.store.statuses.get('2022-04')).toBe('draft');
    expect(auditTrail(fx.store, '2022-04')).toEqual([]);
    // Recorded on purpose, it is sent, and approval is refused for that reason.
    await importSent(fx.project.paths, fx.store, { id: '2022-04', by: 'Ann Chair', now: () => new Date('2022-04-06T09:00:00Z') });
    await expect(approve(fx.project.paths, fx.store, { id: '2022-04', by: 'Ann Chair', now })).rejects.toMatchObject({
      code: 'approval-refused',
      message: expect.stringMatching(/2022-04 has been sent/),
    });
    expect(auditTrail(fx.store, '2022-04').map((e) => [e.action, e.actor])).toEqual([['import-sent', 'Ann Chair']]);
  });
});

describe('unapprove', () => {
  it('withdraws every approval and puts the issue back to draft', async () => {
    await approve(fx.project.paths, fx.store, { id: '2022-04', by: 'Ann Chair', now });
    expect(unapprove(fx.store, { id: '2022-04', by: 'Ann Chair', now })).toEqual({ id: '2022-04', withdrawn: 1, status: 'draft' });
    expect(fx.store.statuses.get('2022-04')).toBe('draft');
    expect((await standing()).approval.state).toBe('none');
    expect(fx.store.approvals.approvedSnapshot('2022-04', 1)).toBeUndefined();
    expect(auditTrail(fx.store, '2022-04').map((e) => e.action)).toEqual(['approve', 'status', 'unapprove']);
  });

  it('refuses a scheduled issue: unschedule first', async () => {
    await approve(fx.project.paths, fx.store, { id: '2022-04', by: 'Ann Chair', now });
    fx.store.statuses.change('2022-04', 'approved', 'scheduled');
    expect(() => unapprove(fx.store, { id: '2022-04', by: 'Ann Chair', now })).toThrow(/is scheduled/);
    expect(fx.store.approvals.live('2022-04')).toHaveLength(1);
  });
});

describe('status', () => {
  it('shows the planned send time in UK time and live share links; an issue sent before the tool is imported once', async () => {
    fx.store.shareLinks.record({ id: 'live', issue: '2022-04', hash: 'h', createdAt: now(), expiresAt: new Date('2022-04-06T00:00:00Z') });
    fx.store.shareLinks.record({ id: 'old', issue: '2022-04', hash: 'h', createdAt: now(), expiresAt: new Date('2022-03-30T09:00:00Z') });
    const s = await standing();
    expect(s).toMatchObject({
      status: 'draft',
      sendAt: '2022-04-05 09:00',
      sendAtUk: '5 April 2022 at 9am (BST)',
      approval: { state: 'none' },
    });
    expect(s.shareLinks.map((l) => l.id)).toEqual(['live']);

    // Issue 16: the file's word makes nothing sent; `import-sent`, by a named person, does.
    await fx.project.edit(APRIL, 'sendAt:', 'status: sent\nsendAt:');
    expect((await standing()).status).toBe('draft');
    await expect(importSent(fx.project.paths, fx.store, { id: '2022-04', by: 'Ann Chair', now })).rejects.toMatchObject({
      code: 'import-refused',
      message: expect.stringContaining('which has not come yet'),
    });
    const after = () => new Date('2022-04-06T09:00:00Z');
    const imported = await importSent(fx.project.paths, fx.store, { id: '2022-04', by: 'Ann Chair', now: after });
    expect(imported).toMatchObject({ sentAt: new Date('2022-04-05T08:00:00Z'), record: 'content/issues/2022-04/sent/' });
    expect((await standing()).status).toBe('sent');
    await fx.project.edit(APRIL, 'status: sent\n', ''); // the file no longer says sent: the record and the store still do
    expect((await standing()).status).toBe('sent');
    await expect(importSent(fx.project.paths, fx.store, { id: '2022-04', by: 'Ann Chair', now: after })).rejects.toMatchObject({
      code: 'import-refused',
    });
    expect(auditTrail(fx.store).filter((e) => e.action === 'import-sent')).toMatchObject([
      { actor: 'Ann Chair', hash: imported.hash, details: { deliberate: true, sentAt: '2022-04-05T08:00:00.000Z' } },
    ]);
  });
});

describe('approve with acknowledged privacy findings', () => {
  it('records in the audit log which findings were let stand, and by whom', async () => {
    await fx.project.edit(APRIL, 'are available here.\n', 'are available here. The family lived near LS9 7TF.\n');
    await fx.project.edit(
      APRIL,
      'sendAt:',
      'acknowledgements:\n  - code: privacy/postcode\n    text: LS9 7TF\n    reason: the published report gives it\n    by: A. Secretariat\nsendAt:',
    );
    await approve(fx.project.paths, fx.store, { id: '2022-04', by: 'Ann Chair', now });
    const approval = auditTrail(fx.store, '2022-04').find((e) => e.action === 'approve')!;
    expect(approval.details).toMatchObject({
      acknowledged: [{ code: 'privacy/postcode', text: 'LS9 7TF', reason: 'the published report gives it', by: 'A. Secretariat' }],
    });
  });
});
