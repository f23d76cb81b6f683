// The fixture content folder as in-memory sources, for tests that break one file at a time.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentSources } from '../../src/content/load.js';
import { REPO } from './project.js';

// A frozen copy, so line numbers in expected errors do not move when real issues are edited.
const FIXTURE = path.join(REPO, 'tests/fixtures/content');
const read = (rel: string) => readFileSync(path.join(FIXTURE, rel), 'utf8');

export type SourceName = 'newsletter' | 'regions' | 'reviews' | 'issue';

export function realSources(): ContentSources {
  return {
    root: 'content',
    newsletter: { file: 'content/newsletter.yaml', text: read('newsletter.yaml') },
    regions: { file: 'content/regions.yaml', text: read('regions.yaml') },
    reviews: { file: 'content/reviews.yaml', text: read('reviews.yaml') },
    issues: [{ id: '2022-04', source: { file: 'content/issues/2022-04/issue.yaml', text: read('issues/2022-04/issue.yaml') } }],
  };
}

/** The real sources with one replacement made in one file; throws if the text is not there. */
export function sourcesWith(name: SourceName, from: string, to: string): ContentSources {
  const sources = realSources();
  const target = name === 'issue' ? sources.issues[0]!.source : sources[name]!;
  if (!target.text.includes(from)) throw new Error(`${JSON.stringify(from)} is not in ${target.file}`);
  target.text = target.text.replace(from, to);
  return sources;
}
