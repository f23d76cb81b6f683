// The April 2022 issue as it stands passes every check with nothing to report, but for the
// plain-english check's hints: advice on writing an issue already sent, never counted (issue 19;
// tests/check/plain-english.test.ts pins them).
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/check/registry.js';
import { checkIssue, projectPaths } from '../../src/pipeline.js';
import { REPO } from '../helpers/project.js';
import { checkApril } from './april.js';

describe('the April 2022 issue', () => {
  it('reports clean through the pipeline: 0 errors, 0 warnings, no findings but plain-english hints', async () => {
    const { report } = await checkIssue(projectPaths(REPO), '2022-04');
    expect(report.findings.filter((f) => !(f.code.startsWith('plain-english/') && f.severity === 'hint'))).toEqual([]);
    expect([report.errors, report.warnings]).toEqual([0, 0]);
  });

  it.each(CHECKS.filter((c) => c.name !== 'plain-english').map((c) => [c.name, c] as const))(
    'passes the %s check on its own',
    async (_, check) => {
      expect((await checkApril({}, [check])).findings).toEqual([]);
    },
  );

  it('every check has its own name, and codes are "<name>/<what>"', () => {
    expect(new Set(CHECKS.map((c) => c.name)).size).toBe(CHECKS.length);
    expect(CHECKS.map((c) => c.name)).toEqual([
      'content',
      'sending',
      'privacy',
      'mjml',
      'merge-tags',
      'size',
      'images',
      'links',
      'online-links',
      'accessibility',
      'inbox',
      'compat',
      'spam',
      'plain-english',
    ]);
  });
});
