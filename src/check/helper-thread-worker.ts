// The check's helper thread (helper-thread.ts starts it): compiles the project's templates as it
// starts when asked to, then scores paragraphs, scans fields and works out the plain-English
// findings as asked, answering each request by its number. Bundled alone into lib/check-helper.cjs.
import { parentPort, workerData } from 'node:worker_threads';
import { projectPaths } from '../files/project-paths.js';
import {
  type PrecompiledTemplates,
  precompiledCode,
  readTemplateSources,
  type TemplateKind,
  templateFiles,
  type TemplateSources,
} from '../render/templates.js';
import { plainEnglishIn } from './plain-english/index.js';
import { scored, sentenceNotes } from './plain-english/readability.js';
import type { AllowList } from './privacy/allow-list.js';
import { scanField } from './privacy/scan.js';
import type { HelperAnswer, HelperRequest, HelperStart } from './helper-thread.js';

const post = (a: HelperAnswer) => parentPort!.postMessage(a);
const lists = new Map<number, AllowList>();

parentPort!.on('message', (r: HelperRequest) => {
  const answer = (a: { notes?: unknown; detections?: unknown; findings?: unknown; error?: string }) =>
    post({ id: r.id, ...a } as HelperAnswer);
  const failed = (e: unknown) => answer({ error: e instanceof Error ? e.message : String(e) });
  // Scored through the memory, where plainEnglishIn finds them when it is asked for the findings.
  if ('score' in r) return void sentenceNotes(r.score).then((notes) => answer({ notes }), failed);
  if ('plainEnglish' in r) {
    const { names, issue, sent, known } = r.plainEnglish;
    scored.recall(known);
    return void plainEnglishIn(names, issue, sent).then((findings) => answer({ findings }), failed);
  }
  if (r.allow) lists.set(r.list, r.allow);
  const allow = lists.get(r.list);
  if (!allow) return failed(new Error(`no allow-list ${r.list} was sent`));
  void scanField(r.scan, allow).then((detections) => answer({ detections }), failed);
});

// The templates, as loadTemplates (pipeline.ts) reads and names them; it takes this code only if
// compiled from the texts it read itself. One that fails here is compiled there, and its error told.
const { templatesOf } = (workerData ?? {}) as HelperStart;
const compiled = (kind: TemplateKind, sources: TemplateSources): PrecompiledTemplates | undefined => {
  try {
    const { files, key } = templateFiles(kind, 'templates', sources);
    return { key, code: precompiledCode(files, sources) };
  } catch {
    return undefined;
  }
};
if (templatesOf !== undefined)
  void readTemplateSources(projectPaths(templatesOf).templates, 'templates').then(
    (sources) => (['email', 'web'] as const).forEach((kind) => post({ templates: kind, compiled: compiled(kind, sources) })),
    () => (['email', 'web'] as const).forEach((kind) => post({ templates: kind })),
  );
