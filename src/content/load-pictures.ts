// Pictures joined to loading: after content/ is read and validated, every picture it asks for is
// found and processed. A picture that cannot be used breaks its issue (a located error naming the
// file; other issues still work) or, in newsletter.yaml, everything, like any other content error.
import { fieldPath, sectionOf, type ContentError } from './errors.js';
import type { ContentSources, LoadResult } from './load.js';
import { parseYaml, type SourceFile } from './yaml.js';
import { type ImageLibrary, imageCacheIn, issueImageRefs, newsletterImageRefs, placeProblems, prepareImages } from './pictures.js';

export function imageLibrary(contentDir: string, shownRoot: string, projectRoot: string): ImageLibrary {
  return { contentDir, shownRoot, cache: imageCacheIn(projectRoot), processed: new Map() };
}

export async function withImages(loaded: LoadResult, sources: ContentSources, library: ImageLibrary): Promise<LoadResult> {
  const { content } = loaded;
  if (!content) return loaded;
  const errors: ContentError[] = [];
  if (sources.newsletter) {
    const problems = await prepareImages(library, newsletterImageRefs(content.newsletter));
    if (problems.length > 0) errors.push(...placeProblems(problems, library, sources.newsletter.file, placer(sources.newsletter)));
  }
  const broken: string[] = [];
  for (const issue of content.issues) {
    const problems = await prepareImages(library, issueImageRefs(issue));
    if (problems.length === 0) continue;
    const source = sources.issues.find((i) => i.id === issue.id)?.source;
    errors.push(
      ...placeProblems(problems, library, issue.file, source ? placer(source) : () => ({ position: { line: 1, column: 1 }, field: '' })),
    );
    broken.push(issue.id);
  }
  return {
    content: { ...content, issues: content.issues.filter((i) => !broken.includes(i.id)), images: library },
    errors: [...loaded.errors, ...errors],
    brokenIssues: [...loaded.brokenIssues, ...broken],
  };
}

/** Where a path of a file sits, in the same words as every content error. Parsed again only when a picture has a problem. */
function placer(source: SourceFile): (path: (string | number)[]) => Omit<ContentError, 'file' | 'message'> {
  const parsed = parseYaml(source);
  return (path) => {
    if (Array.isArray(parsed)) return { position: { line: 1, column: 1 }, field: '' };
    const section = sectionOf(path, parsed.data);
    return { position: parsed.positionOf(path), field: fieldPath(path, parsed.data), ...(section ? { section } : {}) };
  };
}
