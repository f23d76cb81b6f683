// The bench's archive at scale (issue 27): a throwaway project with `issues` issues and a
// 500-entry reviews registry, shaped like the real archive — monthly issues, most of them sent
// and recorded (sent/ snapshots, frozen by the same code as scripts/freeze-sent.ts), a few
// drafts ahead. April 2022 is always there, as it is in content/, so every figure measures the
// same issue whatever the size of the archive. Used by the bench only.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REGION_NAMES } from '../src/content/regions.js';
import { freezeIssue } from '../src/workflow/record-sent.js';
import { projectPaths } from '../src/pipeline.js';
import { ROOT } from './bench-support.js';

export const REVIEWS = 500;
const KEPT = '2022-04';
const THEMES = ['neglect', 'domestic abuse', 'multi-agency practice', 'peer-on-peer abuse', 'online harm', 'sudden infant death'];

function monthId(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** Months before April 2022, newest first, then months after now for drafts. */
function issueIds(count: number): { sent: string[]; drafts: string[] } {
  const drafts = Math.floor((count - 1) / 12);
  const sent: string[] = [];
  for (let i = 1; sent.length < count - 1 - drafts; i++) {
    const m = 4 - i;
    const year = 2022 + Math.floor((m - 1) / 12);
    sent.push(monthId(year, ((((m - 1) % 12) + 12) % 12) + 1));
  }
  return { sent, drafts: Array.from({ length: drafts }, (_, i) => monthId(2027 + Math.floor(i / 12), (i % 12) + 1)) };
}

function reviewsYaml(count: number): string {
  const lines = ['# Generated for the bench: a registry the size of several years of published reviews.', 'reviews:'];
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.UTC(2014, 0, 1) + Math.floor((i * 4700) / count) * 86_400_000).toISOString().slice(0, 10);
    const region = REGION_NAMES[i % REGION_NAMES.length]!;
    lines.push(
      `  - title: "Bench review ${i + 1}: a local child safeguarding practice review"`,
      `    kind: ${i % 25 === 0 ? 'national' : 'local'}`,
      `    partnership: ${region} Safeguarding Children Partnership ${(i % 7) + 1}`,
      `    region: ${region}`,
      `    published: ${day}`,
      `    url: https://example.org/reviews/${i + 1}/`,
      `    themes: [${THEMES[i % THEMES.length]}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** April's issue.yaml made into another month's issue. */
function issueYaml(april: string, id: string, status: 'sent' | 'draft'): string {
  const [year, month] = id.split('-');
  const label = new Date(Date.UTC(Number(year), Number(month) - 1, 1)).toLocaleString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return april
    .replace(/^subject: .*$/m, `subject: "Child Safeguarding Practice Review Panel: ${label}"`)
    .replace(/^sendAt: .*$/m, `sendAt: "${id}-05 09:00"`)
    .replace(/^status: .*$/m, `status: ${status}`);
}

export interface BenchProject {
  root: string;
  issues: number;
  drafts: string[];
  remove(): Promise<void>;
}

/** A project of `count` issues (1 is April alone) with the 500-entry registry, in a temporary folder. */
export async function benchProject(count: number): Promise<BenchProject> {
  const root = await mkdtemp(path.join(tmpdir(), `newsletter-bench-${count}-`));
  await cp(path.join(ROOT, 'content'), path.join(root, 'content'), { recursive: true });
  await cp(path.join(ROOT, 'templates'), path.join(root, 'templates'), { recursive: true });
  await writeFile(path.join(root, 'content/reviews.yaml'), reviewsYaml(REVIEWS));
  const april = await readFile(path.join(root, 'content/issues', KEPT, 'issue.yaml'), 'utf8');
  const { sent, drafts } = issueIds(count);
  for (const [ids, status] of [
    [sent, 'sent'],
    [drafts, 'draft'],
  ] as const) {
    for (const id of ids) {
      await mkdir(path.join(root, 'content/issues', id), { recursive: true });
      await writeFile(path.join(root, 'content/issues', id, 'issue.yaml'), issueYaml(april, id, status));
    }
  }
  const paths = projectPaths(root);
  for (const id of sent)
    await freezeIssue(paths, id, { publicUrl: 'https://newsletter.example.org', now: new Date('2026-01-01T00:00:00Z') });
  return { root, issues: count, drafts, remove: () => rm(root, { recursive: true, force: true }) };
}

// `node --import tsx scripts/bench-fixture.ts 49 /tmp/somewhere`: make one to look at or profile.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(ROOT, 'scripts/bench-fixture.ts')) {
  const made = await benchProject(Number(process.argv[2] ?? 49));
  console.log(made.root);
}
