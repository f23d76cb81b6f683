// Small things seen on screen, in Chromium: the home page's starting points are apart, not one
// run of links; the plain-text pane is as wide as the text's own lines, so none wraps. And one
// error is "1 error", not "1 error(s)".
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/state/audit.js';
import { describeAuditEntry } from '../../src/workflow/audit-words.js';
import { axeViolations } from '../helpers/browser.js';
import { addDraft } from '../helpers/preview-server.js';
import { studioInBrowser } from './studio-browser.js';

const DRAFT = '2099-01';
const studio = studioInBrowser((p) => addDraft(p, DRAFT));

describe('the studio', () => {
  it('lists the home page’s starting points apart from each other', async () => {
    const page = await studio.context.newPage();
    await page.goto(`${studio.run.url}/`);
    const items = page.getByRole('list', { name: 'Start' }).getByRole('listitem');
    expect(await items.allInnerTexts()).toEqual(['New issue', 'Edit regional links', 'Edit published reviews']);
    const boxes = await Promise.all((await items.all()).map((i) => i.boundingBox()));
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.x - (boxes[i - 1]!.x + boxes[i - 1]!.width)).toBeGreaterThanOrEqual(16);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows each line of the plain text on one line of the screen', async () => {
    const page = await studio.context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${studio.run.url}/issues/${DRAFT}/?show=text`);
    const wrapped = await page.locator('pre.plain').evaluate((pre) => {
      const text = pre.firstChild as Text;
      const lines = text.data.split('\n');
      let at = 0;
      const out: string[] = [];
      for (const line of lines) {
        if (line.length > 40) {
          const range = document.createRange();
          range.setStart(text, at);
          range.setEnd(text, at + line.length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) out.push(line);
        }
        at += line.length + 1;
      }
      return { out, long: lines.filter((l) => l.length > 70).length };
    });
    expect(wrapped.long).toBeGreaterThan(0);
    expect(wrapped.out).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});

it('says "1 error", not "1 error(s)"', () => {
  const entry = {
    actor: 'A',
    action: 'proof',
    issue: '2099-01',
    hash: null,
    details: { to: ['a@example.org'], forced: true, checkErrors: 1 },
  };
  expect(describeAuditEntry(entry as unknown as AuditEntry)).toContain('despite 1 error from check');
});
