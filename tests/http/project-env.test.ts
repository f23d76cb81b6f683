// The running studio reads .env again for each action: a PROOF_ALLOWLIST added to it counts
// without a restart, and the environment still wins over the file, as at startup.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { proofRecipients } from '../../src/distribute/allowlist.js';
import { projectEnv } from '../../src/http/project-env.js';

it('reads .env again each time, the environment winning over it', async () => {
  const root = await mkdtemp(path.join(tmpdir(), 'newsletter-env-'));
  try {
    await writeFile(path.join(root, '.env'), 'SMTP_URL=smtp://127.0.0.1:2525\n');
    // At startup bin/newsletter.cjs put .env's values into the environment; the shell set SENDER.
    const env = projectEnv(root, { SMTP_URL: 'smtp://127.0.0.1:2525', SENDER: 'shell' });
    expect(env().PROOF_ALLOWLIST).toBeUndefined();
    await writeFile(path.join(root, '.env'), 'SMTP_URL=smtp://127.0.0.1:2626\nPROOF_ALLOWLIST=@example.org\nSENDER=file\n');
    expect(env()).toMatchObject({ SMTP_URL: 'smtp://127.0.0.1:2626', PROOF_ALLOWLIST: '@example.org', SENDER: 'shell' });
    expect(proofRecipients(['a@example.org'], env().PROOF_ALLOWLIST)).toEqual(['a@example.org']);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

it('says where PROOF_ALLOWLIST is set, and that no restart is needed', () => {
  try {
    proofRecipients(['a@example.org'], '');
    throw new Error('not refused');
  } catch (e) {
    expect((e as { hint?: string }).hint).toMatch(/^add a line to the \.env file in the project folder .* no restart needed$/);
  }
});
