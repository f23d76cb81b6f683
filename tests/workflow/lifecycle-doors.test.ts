// Issue 23 through the command line, as the secretariat runs it: every door asks the lifecycle
// table and prints its verdict. Defect 1: the sent April issue is refused a proof before any SMTP
// connection, and a share and an approval, with the table's sentence. Defect 2: a scheduled issue
// whose file changed is set aside as needs-attention by `newsletter status`, which says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { openStore } from '../../src/state/store.js';
import { approve } from '../../src/workflow/approve.js';
import { decide } from '../../src/lifecycle.js';
import { CHANGED_WHILE_SCHEDULED } from '../../src/workflow/scheduled-change.js';
import { captured } from '../cli/capture.js';
import { addCleanDraft } from '../helpers/preview-server.js';
import { tempProject, type TempProject } from '../helpers/project.js';
import { startSmtp, type TestSmtp } from './smtp.js';

let project: TempProject;
let smtp: TestSmtp;
let env: NodeJS.ProcessEnv;
const NOW = new Date('2022-03-30T10:00:00Z');

beforeAll(async () => {
  project = await tempProject(); // April 2022 is sent here: its sent record says so
  await addCleanDraft(project, '2022-05');
  smtp = await startSmtp();
  env = {
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}?tls.rejectUnauthorized=false`,
    PROOF_ALLOWLIST: '@example.org',
    NEWSLETTER_DB: '.newsletter/state.db',
    PREVIEW_SECRET: 'test-preview-secret-0123456789abcdef',
    PUBLIC_URL: 'https://news.example.org',
  };
});
afterAll(async () => {
  await smtp.close();
  await project.remove();
});

const run = async (...argv: string[]) => {
  const io = captured();
  const code = await main(argv, io, project.root, env, () => NOW);
  return { code, out: io.stdout, err: io.stderr };
};

const withStore = async <T>(f: (store: ReturnType<typeof openStore>) => T | Promise<T>): Promise<T> => {
  const store = openStore(`${project.root}/.newsletter/state.db`, () => NOW);
  try {
    return await f(store);
  } finally {
    store.close();
  }
};

describe('a sent issue, from the command line', () => {
  const sent = decide('proof', 'sent', undefined, '2022-04');
  if (sent.ok) throw new Error('the table lets a sent issue be proofed');

  it('refuses a proof before any SMTP connection, and records nothing', async () => {
    const r = await run('proof', '2022-04', '--to', 'ann@example.org', '--by', 'Ann Chair');
    expect(r.code).toBe(1);
    expect(r.err).toContain(sent.reason);
    expect(r.err).toContain(sent.instead);
    expect(smtp.connections).toBe(0);
    expect(smtp.received).toEqual([]);
    expect(await withStore((s) => s.audit.list('2022-04', 'proof'))).toEqual([]);
  });

  it.each([
    ['share', ['share', '2022-04']],
    ['approve', ['approve', '2022-04', '--by', 'Ann Chair']],
  ])('refuses %s with the same sentence', async (_, argv) => {
    const r = await run(...argv);
    expect(r.code).toBe(1);
    expect(r.err).toContain(sent.reason);
    expect(r.err).toContain(sent.instead);
    expect(await withStore((s) => [s.liveShareLinks('2022-04'), s.approvals.live('2022-04')])).toEqual([[], []]);
  });
});

describe('a scheduled issue whose file changed', () => {
  it('is set aside as needs-attention by `status`, which says why; approve then says what to do', async () => {
    await withStore(async (store) => {
      await approve(project.paths, store, { id: '2022-05', by: 'Ann Chair', now: () => NOW });
      store.statuses.change('2022-05', 'approved', 'scheduled');
    });
    const before = await run('status', '2022-05');
    expect(before.out).toMatch(/^2022-05 {2}scheduled /);

    await project.edit('content/issues/2022-05/issue.yaml', /^subject: .*$/m, 'subject: "Changed behind the schedule"');
    const after = await run('status', '2022-05');
    expect(after.out).toMatch(/^2022-05 {2}needs-attention /);
    expect(after.out).toContain(`  attention ${CHANGED_WHILE_SCHEDULED}`);
    expect(await withStore((s) => s.audit.list('2022-05', 'needs-attention').map((e) => e.details.reason))).toEqual([
      CHANGED_WHILE_SCHEDULED,
    ]);

    const again = await run('approve', '2022-05', '--by', 'Ann Chair');
    const verdict = decide('approve', 'needs-attention', undefined, '2022-05');
    expect(again.code).toBe(1);
    expect(again.err).toContain(verdict.ok ? 'allowed?' : verdict.reason);
  });
});
