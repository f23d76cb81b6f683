// Issue 23, defect 2: a scheduled issue is never silently different from what will be sent. Its
// editor is closed with "Unschedule to edit" and its save refused by the server; the issue page
// offers no Edit link and says why; and when its file changes anyway (an outside edit), the studio
// parks it as needs-attention at once — before anyone opens a page — and says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusedNow } from '../../src/workflow/closed.js';
import { approve } from '../../src/workflow/approve.js';
import { CHANGED_WHILE_SCHEDULED } from '../../src/workflow/scheduled-change.js';
import { addCleanDraft, addDraft, rawRequest, type Running, runPreview } from '../helpers/preview-server.js';

const SCHEDULED = '2022-05';
const FILE = `content/issues/${SCHEDULED}/issue.yaml`;
let run: Running;

beforeAll(async () => {
  run = await runPreview('studio', async (p) => {
    await addCleanDraft(p, SCHEDULED);
    await addDraft(p, '2099-01');
  });
  await approve(run.project.paths, run.store, { id: SCHEDULED, by: 'Ann Chair', now: () => new Date('2022-03-30T10:00:00Z') });
  run.store.statuses.change(SCHEDULED, 'approved', 'scheduled');
});
afterAll(() => run.stop());

const unscheduleToEdit = refusedNow('edit', 'scheduled')!;

describe('a scheduled issue', () => {
  it('has its editor closed: "Unschedule to edit", no form', async () => {
    expect(unscheduleToEdit).toMatch(/^This issue is scheduled: Mailchimp will send the approved version.*Unschedule to edit/);
    const editor = await rawRequest(run.url, 'GET', `/issues/${SCHEDULED}/edit/`);
    expect(editor.status).toBe(200);
    expect(editor.body).toContain('Unschedule to edit: run');
    expect(editor.body).not.toMatch(/<form|<textarea|id="save"/);
  });

  it('has its save refused by the server with the same words, and the file is left alone', async () => {
    const before = await run.project.read(FILE);
    const draftEditor = await rawRequest(run.url, 'GET', '/issues/2099-01/edit/');
    const key = /<meta name="studio-token" content="([^"]+)">/.exec(draftEditor.body)![1]!;
    const body = JSON.stringify({
      file: `issues/${SCHEDULED}/issue.yaml`,
      hash: 'x',
      ops: [{ op: 'set', path: ['preheader'], value: 'Changed' }],
    });
    const headers = { origin: run.url, 'x-studio-token': key, 'content-type': 'application/json' };
    const save = await rawRequest(run.url, 'POST', '/api/edit/save', headers, body);
    expect([save.status, JSON.parse(save.body)]).toEqual([409, { error: unscheduleToEdit }]);
    expect(await run.project.read(FILE)).toBe(before);
    expect(run.store.statuses.get(SCHEDULED)).toBe('scheduled');
  });

  it('shows no Edit link and no Approve form on its page, and says why', async () => {
    const page = await rawRequest(run.url, 'GET', `/issues/${SCHEDULED}/`);
    expect(page.body).not.toContain(`href="/issues/${SCHEDULED}/edit/"`);
    expect(page.body).toContain('<p id="edit-closed" class="hint">This issue is scheduled: Mailchimp will send the approved version');
    expect(page.body).not.toContain('Approve this version');
    expect(page.body).toContain('This issue is scheduled, so it cannot be approved.');
    // A proof and a share link of what is scheduled are still offered.
    expect(page.body).toContain('Send proof');
    expect(page.body).toContain('Make a share link');
  });

  it('is set aside as needs-attention at once when its file changes outside the studio, and the page says why', async () => {
    await run.project.edit(FILE, /^subject: .*$/m, 'subject: "Changed behind the schedule"');
    // No page is opened: the studio's watcher parks it.
    await expect.poll(() => run.store.statuses.get(SCHEDULED), { timeout: 15_000 }).toBe('needs-attention');
    expect(run.store.audit.list(SCHEDULED, 'needs-attention').map((e) => e.details.reason)).toEqual([CHANGED_WHILE_SCHEDULED]);
    const page = await rawRequest(run.url, 'GET', `/issues/${SCHEDULED}/`);
    expect(page.body).toContain('tag-needs-attention');
    expect(page.body).toContain(`<dt>Needs attention</dt><dd>Its file changed after it was scheduled`);
    expect(page.body).toContain('Mailchimp would send that approved version, not what the file says now.');
    expect(page.body).toContain('This issue needs attention');
    expect(run.errors).toEqual([]);
  });
});
