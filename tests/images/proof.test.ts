// A proof carries its pictures inside the message (multipart/related, cid:), so a reviewer sees
// them with nothing made public; the bytes are the processed files, stripped of metadata.
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { smtpTransport } from '../../src/distribute/smtp.js';
import { openStore, type Store } from '../../src/state/store.js';
import { proof } from '../../src/workflow/proof.js';
import type { TempProject } from '../helpers/project.js';
import { startSmtp, type TestSmtp } from '../workflow/smtp.js';
import { aprilWithPictures } from './fixtures.js';

const now = () => new Date('2022-03-30T10:00:00Z');
let project: TempProject;
let store: Store;
let smtp: TestSmtp;
beforeAll(async () => {
  project = await aprilWithPictures();
  store = openStore(path.join(project.root, '.newsletter', 'state.db'), now);
  smtp = await startSmtp();
});
afterAll(async () => {
  await smtp.close();
  store.close();
  await project.remove();
});

test('the proof shows the logo and the photo as inline parts named by cid:, and no /images/ address', async () => {
  await proof(project.paths, store, {
    id: '2022-04',
    to: ['reviewer@example.org'],
    by: 'Ann Reviewer',
    // The photo's privacy finding is not acknowledged in this fixture: the proof is sent anyway.
    force: true,
    now,
    env: { SMTP_URL: `smtp://127.0.0.1:${smtp.port}?tls.rejectUnauthorized=false`, PROOF_ALLOWLIST: '@example.org' },
    transport: (u) => smtpTransport(u, { timeoutMs: 2000 }),
  });
  const mail = smtp.received.at(-1)!.mail;
  const html = String(mail.html);
  expect(html).not.toContain('/images/');
  // mailparser puts each inline part in place of the cid: that names it, so every picture found its part.
  const srcs = [...html.matchAll(/<img\b[^>]*\ssrc="([^"]{0,30})/g)].map((m) => m[1]!);
  expect(srcs).toEqual(
    ['data:image/png;base64,', 'data:image/jpeg;base64,'].map((s) => expect.stringMatching(new RegExp(`^${s.replace('+', '\\+')}`))),
  );
  const parts = mail.attachments.filter((a) => a.related);
  expect(parts.map((a) => a.cid).sort()).toEqual(parts.map((a) => a.filename).sort());
  expect(parts).toHaveLength(2);
  for (const part of parts) {
    const meta = await sharp(part.content).metadata();
    expect(meta.exif).toBeUndefined();
    expect(part.contentType).toBe(meta.format === 'jpeg' ? 'image/jpeg' : 'image/png');
  }
});
