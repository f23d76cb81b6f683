// Issue 27: the studio folds the content folder's sent records into the store again only when a
// change may have touched one, so saving one issue's file does not read every sent issue; a
// record written while it runs (by another process) is still taken in.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freezeIssue } from '../../src/workflow/record-sent.js';
import { mayChangeSentRecords } from '../../src/workflow/sent-status.js';
import { addDraft, type Running, runPreview } from '../helpers/preview-server.js';

let run: Running;
beforeAll(async () => {
  run = await runPreview('studio', (p) => addDraft(p, '2099-01'));
});
afterAll(() => run?.stop());

describe('which changes may touch a sent record', () => {
  const at = (...rel: string[]) => path.join(run.project.root, ...rel);
  it('not an issue file, its pictures, or a template', () => {
    expect(mayChangeSentRecords(run.project.paths, [at('content/issues/2099-01/issue.yaml')])).toBe(false);
    expect(mayChangeSentRecords(run.project.paths, [at('content/issues/2099-01/images/photo.jpg')])).toBe(false);
    expect(mayChangeSentRecords(run.project.paths, [at('templates/email/layout.mjml.hbs')])).toBe(false);
  });

  it('a sent folder, an issue folder itself, or anything else in content/', () => {
    expect(
      mayChangeSentRecords(run.project.paths, [at('content/issues/2099-01/issue.yaml'), at('content/issues/2022-04/sent/snapshot.json')]),
    ).toBe(true);
    expect(mayChangeSentRecords(run.project.paths, [at('content/issues/2099-02')])).toBe(true);
    expect(mayChangeSentRecords(run.project.paths, [at('content/issues')])).toBe(true);
    expect(mayChangeSentRecords(run.project.paths, [at('content/newsletter.yaml')])).toBe(true);
  });

  it('a record written while the studio runs makes the issue sent', async () => {
    expect(run.store.statuses.get('2099-01')).toBe('draft');
    await freezeIssue(run.project.paths, '2099-01', { publicUrl: 'https://newsletter.example.org', now: new Date('2099-01-12T09:00:00Z') });
    await expect.poll(() => run.store.statuses.get('2099-01'), { timeout: 20_000 }).toBe('sent');
  });
});
