// Errors: one catalogue, each raised error a NewsletterError with its exit code; the README lists
// every code; a setup mistake is the person's to fix (exit 1, how), only the unexpected is exit 2.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentInvalid } from '../../src/content/errors.js';
import { reportError } from '../../src/cli/errors.js';
import { UsageError } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { ERRORS, NewsletterError } from '../../src/errors.js';
import { NotAProject, UnknownIssue } from '../../src/pipeline.js';
import { PreviewConfigError } from '../../src/http/config.js';
import { TemplateError } from '../../src/render/templates.js';
import { StatusChanged, TransitionNotAllowed } from '../../src/state/status.js';
import { REPO, tempProject, type TempProject } from '../helpers/project.js';
import { captured } from './capture.js';

describe('the error catalogue', () => {
  it('the README lists every code with its title, exit code and hint', async () => {
    const readme = await readFile(path.join(REPO, 'README.md'), 'utf8');
    const reference = readme.slice(readme.indexOf('## Error reference'));
    for (const [code, e] of Object.entries(ERRORS))
      expect(reference, `README.md "## Error reference" lacks the row for ${code}`).toContain(
        `| \`${code}\` | ${e.title} | ${e.exit} | ${e.hint.replace(/\|/g, '\\|')} |`,
      );
  });

  it('every error class is a NewsletterError with its code', () => {
    const raised: [NewsletterError, string][] = [
      [new ContentInvalid([]), 'content-invalid'],
      [new NotAProject('/x'), 'not-a-project'],
      [new UnknownIssue('2031-01', []), 'unknown-issue'],
      [new TemplateError('f', 1, 1, 'd'), 'template-invalid'],
      [new UsageError('u'), 'usage'],
      [new TransitionNotAllowed('2022-04', 'sent', 'draft'), 'transition-not-allowed'],
      [new StatusChanged('2022-04', 'draft', 'approved'), 'status-changed'],
      [new PreviewConfigError('p'), 'preview-config'],
    ];
    for (const [error, code] of raised) {
      expect(error).toBeInstanceOf(NewsletterError);
      expect([error.code, error.exit]).toEqual([code, 1]);
    }
  });

  it('reportError: a NewsletterError exits with its own code, its own hint printed; anything else is the tool failing (2)', () => {
    const remote = captured();
    expect(reportError(new NewsletterError('tool-failed', 'Mailchimp did not answer', { hint: 'try again in a minute' }), remote)).toBe(2);
    expect(remote.stderr).toBe('newsletter: Mailchimp did not answer\n  try again in a minute\n');
    const wrong = captured();
    expect(reportError(new TransitionNotAllowed('2022-04', 'sent', 'draft'), wrong)).toBe(1);
    expect(wrong.stderr).toBe('newsletter: issue 2022-04 cannot go from sent to draft — sent is final\n');
    const bug = captured();
    expect(reportError(new TypeError('x is undefined'), bug)).toBe(2);
    expect(bug.stderr).toContain('newsletter: the tool failed: x is undefined');
  });
});

describe('a state store that cannot be opened', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await tempProject();
  });
  afterEach(() => project.remove());

  it('NEWSLETTER_DB inside a file: exit 1, which file is in the way, how to fix it', async () => {
    await writeFile(path.join(project.root, 'notes.txt'), 'not a folder');
    const io = captured();
    const env = { NEWSLETTER_DB: 'notes.txt/state.db', PREVIEW_SECRET: 'a-secret-of-thirty-two-characters!!' };
    expect(await main(['share', '--revoke', '2022-05'], io, project.root, env)).toBe(1);
    expect(io.stderr).toBe(
      `newsletter: the state store NEWSLETTER_DB (notes.txt/state.db) cannot be opened: ${path.join(project.root, 'notes.txt')} is a file, not a folder\n` +
        '  set NEWSLETTER_DB to a file in a folder you can write to, e.g. NEWSLETTER_DB=.newsletter/state.db, or unset it to use that default\n',
    );
  });

  it('NEWSLETTER_DB naming a folder: exit 1 too', async () => {
    await mkdir(path.join(project.root, 'db'));
    const io = captured();
    expect(await main(['serve', '--port', '0'], io, project.root, { NEWSLETTER_DB: 'db' })).toBe(1);
    expect(io.stderr).toContain(`cannot be opened: ${path.join(project.root, 'db')} is a folder, not a database file`);
  });
});
