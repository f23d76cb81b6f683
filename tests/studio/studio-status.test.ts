// The store is the only source of an issue's status in the studio and the archive. What the
// content folder records as sent (a sent record in sent/) is folded into it once, when the server
// starts and when content changes. A `status: sent` line in a file is not a record and counts for
// nothing.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { addDraft, rawRequest, type Running, runPreview } from '../helpers/preview-server.js';

const APRIL = 'content/issues/2022-04/issue.yaml';
let run: Running | undefined;
afterEach(async () => {
  await run?.stop();
  run = undefined;
});

/** The status tag of an issue's row in the studio's list. */
async function listedStatus(r: Running, id: string): Promise<string | undefined> {
  const page = await rawRequest(r.url, 'GET', '/');
  const row = page.body.split('<tr>').find((tr) => tr.includes(`<span class="muted">${id}</span>`));
  return row && /class="tag tag-([a-z-]+)"/.exec(row)?.[1];
}
const inArchive = async (r: Running, id: string) => (await rawRequest(r.url, 'GET', '/archive/')).body.includes(`href="${id}/"`);

describe('status in the studio and the archive', () => {
  it('imports April 2022 (its sent record) into the store once, at start', async () => {
    run = await runPreview('studio');
    expect(run.store.statuses.get('2022-04')).toBe('sent');
    expect(run.store.audit.list('2022-04').map((e) => [e.actor, e.action])).toEqual([['newsletter', 'import-sent']]);
    expect(await listedStatus(run, '2022-04')).toBe('sent');
    // Content changes import again, and find nothing new to record.
    await run.project.edit(APRIL, 'As we move into the new financial year', 'As we move into the new year');
    await expect
      .poll(async () => (await rawRequest(run!.url, 'GET', '/issues/2022-04/')).body, { timeout: 10_000 })
      .toContain('This issue has been sent');
    expect(run.store.audit.list('2022-04')).toHaveLength(1);
  });

  it('an issue with a sent record is sent, whatever its file says', async () => {
    run = await runPreview('studio', (p) => p.edit(APRIL, /^status: sent\n/m, ''));
    expect(run.store.statuses.get('2022-04')).toBe('sent');
    expect(await listedStatus(run, '2022-04')).toBe('sent');
    expect(await inArchive(run, '2022-04')).toBe(true);
    const page = (await rawRequest(run.url, 'GET', '/issues/2022-04/')).body;
    expect(page).not.toContain('<form');
  });

  it('after the import the file counts for nothing: the store’s status is shown, in the list and the archive', async () => {
    const changes: unknown[] = [];
    run = await runPreview('studio', (p) => addDraft(p, '2099-01'), { onChange: (issues) => changes.push(issues) });
    run.store.statuses.change('2099-01', 'draft', 'approved');
    await run.project.edit('content/issues/2099-01/issue.yaml', /^status: draft$/m, 'status: sent');
    // onChange is told once the change is taken in, the import included.
    await expect.poll(() => changes, { timeout: 10_000 }).toContainEqual(['2099-01']);
    expect(run.server.workspace.issue('2099-01')?.status).toBe('sent');
    expect(run.store.statuses.get('2099-01')).toBe('approved');
    expect(await listedStatus(run, '2099-01')).toBe('approved');
    expect(await inArchive(run, '2099-01')).toBe(false);
    expect((await rawRequest(run.url, 'GET', '/feed.xml')).body).not.toContain('2099-01');
  });

  it('an issue written as sent after the server started stays a draft: only a sent record makes it sent', async () => {
    const changes: unknown[] = [];
    run = await runPreview('studio', undefined, { onChange: (issues) => changes.push(issues) });
    await addDraft(run.project, '2021-12', 'Sent before the tool: December 2021');
    await expect.poll(() => run!.server.workspace.issue('2021-12')?.status, { timeout: 10_000 }).toBe('draft');
    const before = changes.length;
    await run.project.edit('content/issues/2021-12/issue.yaml', /^status: draft$/m, 'status: sent');
    // Issue 16: the file's word is not a record (`newsletter import-sent` makes one, on purpose).
    // onChange is told after the records are folded in, so the store has had its chance.
    await expect.poll(() => run!.server.workspace.issue('2021-12')?.status, { timeout: 10_000 }).toBe('sent');
    await expect.poll(() => changes.length, { timeout: 10_000 }).toBeGreaterThan(before);
    expect(run.store.statuses.get('2021-12')).toBe('draft');
    expect(await listedStatus(run, '2021-12')).toBe('draft');
    expect(await inArchive(run, '2021-12')).toBe(false);
    expect((await rawRequest(run.url, 'GET', '/archive/2021-12/')).status).toBe(404);
    expect((await rawRequest(run.url, 'GET', '/feed.xml')).body).not.toContain('2021-12');
    // A sent record of April removed from the folder changes nothing: the store keeps its word.
    await rm(path.join(run.project.root, 'content/issues/2022-04/sent'), { recursive: true });
    await run.project.edit(APRIL, /^status: sent\n/m, '');
    // Two changes (the folder removed, the file edited) may be taken in one at a time: the file's
    // word is waited for, not the first change heard.
    await expect.poll(() => changes, { timeout: 10_000 }).toContainEqual(['2022-04']);
    await expect.poll(() => run!.server.workspace.issue('2022-04')?.status, { timeout: 10_000 }).toBe('draft');
    expect(await listedStatus(run, '2022-04')).toBe('sent');
  });

  it('the studio’s check report judges the send time by the server’s clock', async () => {
    run = await runPreview('studio', (p) => addDraft(p, '2099-01'));
    const passed = 'sendAt, 12 January 2099 at 9am (GMT), has passed';
    expect((await rawRequest(run.url, 'GET', '/issues/2099-01/')).body).not.toContain(passed);
    run.clock.now = new Date('2099-01-13T09:00:00Z');
    expect((await rawRequest(run.url, 'GET', '/issues/2099-01/')).body).toContain(passed);
  });
});
