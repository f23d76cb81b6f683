// Has a sent issue's file moved on since it was sent? Sent issues keep showing their snapshot;
// this only lets build (and check) say that issue.yaml no longer matches what was sent.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { ContentPaths, SentRecord } from './sent.js';
import { issueFile } from '../files/project-paths.js';

/**
 * A digest of what an issue file says: its data, without comments, layout or `status` (which
 * moves to the state store). The same file always gives the same digest, whatever the schema
 * later adds as defaults, so "edited since it was sent" means a person changed it.
 */
export function issueDigest(yamlText: string): string {
  const data = parse(yamlText, { maxAliasCount: 100 }) as unknown;
  if (data && typeof data === 'object' && !Array.isArray(data)) delete (data as Record<string, unknown>).status;
  return sha256(canonicalJson(data));
}

/** Whether issue.yaml still says what it said when the issue was sent. */
export async function sentFileState(paths: ContentPaths, sent: SentRecord): Promise<'same' | 'changed' | 'missing'> {
  let text: string;
  try {
    text = await readFile(issueFile(paths, sent.snapshot.issueId), 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
  try {
    return issueDigest(text) === sent.issueDigest ? 'same' : 'changed';
  } catch {
    return 'changed'; // no longer even valid YAML
  }
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
