// `status` on a sent issue: a proof of exactly the content that went out is "the content that was
// sent", not "earlier content"; a proof of other content still is earlier content.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readSentSnapshot } from '../../src/archive/sent.js';
import { openStore, type Store } from '../../src/state/store.js';
import { issueStandings, proofContent } from '../../src/workflow/status-report.js';
import { type TempProject, tempProject } from '../helpers/project.js';

let project: TempProject;
let store: Store;
let stateDir: string;
beforeAll(async () => {
  project = await tempProject();
  stateDir = await mkdtemp(path.join(tmpdir(), 'newsletter-state-'));
  store = openStore(path.join(stateDir, 'state.db'), () => new Date('2022-04-04T10:00:00Z'));
});
afterAll(async () => {
  store?.close();
  await project?.remove();
  await rm(stateDir, { recursive: true, force: true });
});

it('names the proof of the sent content as such, and any other as earlier content', async () => {
  const sent = (await readSentSnapshot(project.paths, '2022-04'))!.snapshot.hash;
  const proof = (hash: string) =>
    store.audit.append({
      actor: 'A. Secretariat',
      action: 'proof',
      issue: '2022-04',
      hash,
      details: { to: ['a@example.org'], delivered: ['a@example.org'] },
    });
  proof('0'.repeat(64));
  proof(sent);
  const [april] = await issueStandings(project.paths, store, ['2022-04'], new Date('2024-05-01T09:00:00Z'));
  expect(april!.status).toBe('sent');
  expect(april!.sentHash).toBe(sent);
  expect(april!.proofs.map((p) => proofContent(april!, p))).toEqual([' (earlier content)', ' (the content that was sent)']);
});
