// Live reload draws the email first: the page swap after a change does not wait for the checks
// of the new render; it says they are running, and the page is told again when they are done.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDraft, rawRequest, type Running, runPreview } from '../helpers/preview-server.js';

let run: Running;
beforeEach(async () => {
  run = await runPreview('studio', (p) => addDraft(p));
});
afterEach(() => run.stop());

const page = (headers: Record<string, string> = {}) => rawRequest(run.url, 'GET', '/issues/2099-01/', headers);
const SWAP = { 'x-studio-swap': '1' };

describe('a live-reload swap', () => {
  it('gets the new render with its checks still running, then the findings once they are done', async () => {
    const file = `${run.project.root}/content/issues/2099-01/issue.yaml`;
    await run.project.edit('content/issues/2099-01/issue.yaml', 'As we move into the new financial year', 'As spring arrives');
    await run.server.workspace.refresh([file]);

    const first = await page(SWAP);
    expect(first.status).toBe(200);
    expect(first.body).toMatch(/<div id="checks" data-render="[^"]*:checking">/);
    expect(first.body).toContain('Checking this version');

    await expect.poll(async () => (await page(SWAP)).body, { timeout: 20_000 }).not.toContain('Checking this version');
    expect((await page(SWAP)).body).toContain('Not ready to send');
  });

  it('a page opened afresh waits for the checks and shows their verdict', async () => {
    const opened = await page();
    expect(opened.body).not.toContain('Checking this version');
    expect(opened.body).toMatch(/(Ready|Not ready) to send/);
  });
});
