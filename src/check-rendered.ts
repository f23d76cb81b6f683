// Every check on a render, with what the checks read from disk (the issue file for positions, the
// weight of local images, whether a sent record exists). Apart from pipeline.ts so that the
// studio's check worker loads the checks alone: pipeline.ts also brings content loading, MJML
// and sharp, which the worker never uses and which weighed about 75 MB in it.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readSentRecord } from './archive/sent.js';
import type { CheckOptions } from './check/context.js';
import { localImageSources, parseEmail } from './check/email-dom.js';
import type { CheckReport } from './check/finding.js';
import { runChecks } from './check/index.js';
import type { Content, Issue } from './content/schema.js';
import type { ProjectPaths } from './files/project-paths.js';
import { IMAGE_PATH } from './render/image-path.js';
import type { RenderedIssue } from './render/index.js';

/** Every check on a render, as `check` and the preview's panel both show it. */
export async function checkRendered(
  paths: ProjectPaths,
  content: Content,
  issue: Issue,
  rendered: RenderedIssue,
  options: CheckOptions = {},
): Promise<CheckReport> {
  const email = parseEmail(rendered.html);
  const localImages = await weighImages(path.join(paths.root, path.dirname(issue.file)), paths.content, localImageSources(email), content);
  const source = await readFile(path.join(paths.root, issue.file), 'utf8').then(
    (text) => ({ file: issue.file, text }),
    () => undefined,
  );
  const sent = options.sent ?? (await wasSent(paths, issue.id));
  return runChecks({ content, issue, rendered, email, source }, { ...options, localImages, sent });
}

/** Whether the issue has a sent record. A damaged one is still a record: the issue was sent (readers refuse to show the damage). */
export function wasSent(paths: ProjectPaths, id: string): Promise<boolean> {
  return readSentRecord(paths, id).then(Boolean, () => true);
}

/** Bytes of each image file beside the issue; null for one that is not there. */
async function weighImages(dir: string, content: string, sources: string[], loaded: Content): Promise<Record<string, number | null>> {
  const sizes: Record<string, number | null> = {};
  const processed = new Map([...(loaded.images?.processed.values() ?? [])].map((p) => [IMAGE_PATH + p.name, p.bytes]));
  for (const src of sources) {
    // A picture from the issue file, as processed (src/images): what subscribers download.
    const bytes = processed.get(src);
    if (bytes !== undefined) {
      sizes[src] = bytes;
      continue;
    }
    const file = path.resolve(dir, decodeURIComponent(src.split(/[?#]/)[0]!));
    // Only files inside content/ are looked at: "../../" must not reach the rest of the machine.
    if (path.relative(content, file).startsWith('..')) {
      sizes[src] = null;
      continue;
    }
    sizes[src] = await stat(file).then(
      (s) => (s.isFile() ? s.size : null),
      () => null,
    );
  }
  return sizes;
}
