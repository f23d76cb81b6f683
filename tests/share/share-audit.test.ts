// Issue 22: making and withdrawing share links, from the CLI and from the studio, are in the
// audit log like proofs and approvals: who, which issue, which content, which link.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { captured } from '../cli/capture.js';
import { addCleanDraft, rawRequest, type Running, runPreview, SECRET, studioSession } from '../helpers/preview-server.js';

const DRAFT = '2022-05';
let run: Running;
beforeAll(async () => {
  run = await runPreview('studio', (p) => addCleanDraft(p, DRAFT));
});
afterAll(() => run?.stop());

const cli = async (argv: string[]) => {
  const io = captured();
  const code = await main(argv, io, run.project.root, { NEWSLETTER_DB: run.dbFile, PREVIEW_SECRET: SECRET, PUBLIC_URL: run.url });
  return { code, out: io.stdout, err: io.stderr };
};
const trail = () => run.store.audit.list(DRAFT).filter((e) => e.action === 'share' || e.action === 'unshare');

it('a link made in the studio and one made with the CLI are recorded, and so is withdrawing them', async () => {
  const { cookie, token } = await studioSession(run.url, DRAFT);
  const form = new URLSearchParams({ csrf: token, expires: '7d', by: 'Ann Chair' }).toString();
  const headers = { origin: run.url, cookie, 'content-type': 'application/x-www-form-urlencoded' };
  expect((await rawRequest(run.url, 'POST', `/issues/${DRAFT}/share`, headers, form)).status).toBe(303);
  expect((await cli(['share', DRAFT, '--expires', '2d', '--by', 'Bob Editor'])).code).toBe(0);
  expect((await cli(['share', '--revoke', DRAFT, '--by', 'Cat Admin'])).code).toBe(0);
  const links = run.store.liveShareLinks(DRAFT);
  expect(links).toEqual([]);
  const entries = trail();
  expect(entries.map((e) => [e.action, e.actor])).toEqual([
    ['share', 'Ann Chair'],
    ['share', 'Bob Editor'],
    ['unshare', 'Cat Admin'],
  ]);
  expect(entries[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(entries[0]!.details).toMatchObject({ link: expect.any(String), expiresAt: expect.any(String) });
  expect(entries[2]!.details).toEqual({ withdrawn: 2 });
  const log = await cli(['log', DRAFT]);
  expect(log.out).toContain(`Bob Editor  made a preview link to ${DRAFT}, valid until`);
  expect(log.out).toContain(`Cat Admin  withdrew 2 preview links to ${DRAFT}`);
});
