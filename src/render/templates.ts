// Handlebars templates in strict mode: a missing value is an error naming the template, the
// place in it and the field — never an empty string in an email.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { type CompiledTemplateStore, compiledCode, storeCompiledCode } from './template-cache.js';
import type { SectionType } from '../content/schema.js';
import { SECTION_TYPE_NAMES as SECTION_TYPES } from '../content/section-types.js';
import { NewsletterError } from '../errors.js';
import { memoByText } from '../memo.js';
import type { IssueView, SectionView } from './model.js';

export type TemplateKind = 'email' | 'web';
export const TEMPLATE_EXT: Record<TemplateKind, string> = { email: '.mjml.hbs', web: '.html.hbs' };

interface Compiled {
  file: string;
  run: HandlebarsTemplateDelegate;
}

export interface TemplateSet {
  kind: TemplateKind;
  layout: Compiled;
  sections: Map<SectionType, Compiled>;
}

/** A template could not be used: its file, the place, and what is wrong. */
export class TemplateError extends NewsletterError {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
  ) {
    super('template-invalid', `${file}:${line}:${column} ${detail}`);
    this.name = 'TemplateError';
  }
}

export type TemplateSources = Record<string, string>;

const compiled = memoByText<TemplateSet>(16);
const COMPILE_OPTIONS = { strict: true, preventIndent: true } as const;

/** Handlebars' code for one kind's templates, compiled elsewhere (the check's helper thread) from sources under `key`. */
export interface PrecompiledTemplates {
  key: string;
  code: string[];
}

/**
 * Compile one kind's templates from sources keyed by path (e.g. "templates/email/layout.mjml.hbs").
 * With a store, the compiled code of the same sources is taken from it rather than compiled again;
 * so is code compiled elsewhere (`ready`) from the same sources.
 */
export function compileTemplates(
  kind: TemplateKind,
  root: string,
  sources: TemplateSources,
  store?: CompiledTemplateStore,
  ready?: PrecompiledTemplates,
): TemplateSet {
  const dir = `${root}/${kind}`;
  const own = Object.entries(sources)
    .filter(([file]) => file.startsWith(`${dir}/`))
    .sort();
  return compiled(JSON.stringify([kind, root, own]), () => {
    const { files, key } = templateFiles(kind, root, sources);
    const specs =
      (store && compiledCode(store, kind, key, files.length)) ??
      storeCompiledCode(
        store,
        kind,
        key,
        ready?.key === key && ready.code.length === files.length ? ready.code : precompiledCode(files, sources),
      );
    const hbs = Handlebars.create();
    const set = new Map(files.map((file, i) => [file, { file, run: hbs.template(specs[i] as TemplateSpecification) }]));
    const sections = new Map(SECTION_TYPES.map((type) => [type, set.get(`${dir}/sections/${type}${TEMPLATE_EXT[kind]}`)!]));
    return { kind, layout: set.get(`${dir}/layout${TEMPLATE_EXT[kind]}`)!, sections };
  });
}

/** One kind's template files, in the order their code is kept, and the key of everything that code depends on. */
export function templateFiles(kind: TemplateKind, root: string, sources: TemplateSources): { files: string[]; key: string } {
  const dir = `${root}/${kind}`;
  const files = [...SECTION_TYPES.map((type) => `${dir}/sections/${type}${TEMPLATE_EXT[kind]}`), `${dir}/layout${TEMPLATE_EXT[kind]}`];
  // Everything the compiled code depends on: Handlebars' version, the options, each template's text.
  return { files, key: JSON.stringify([Handlebars.VERSION, COMPILE_OPTIONS, files.map((f) => sources[f])]) };
}

/** Handlebars' compiled code for each file, as JavaScript source; a file missing or wrong is a TemplateError naming it. */
export function precompiledCode(files: string[], sources: TemplateSources): string[] {
  const hbs = Handlebars.create();
  return files.map((file) => {
    if (sources[file] === undefined) throw new TemplateError(file, 1, 1, `the template is missing — create ${file}`);
    try {
      // Syntax errors now, naming the file, rather than at first use.
      return hbs.precompile(hbs.parse(sources[file]!), { ...COMPILE_OPTIONS }) as string;
    } catch (e) {
      throw asTemplateError(file, e);
    }
  });
}

export interface RenderedTemplate {
  output: string;
  /** 1-based line range of each section in the output, to pin findings to sections. */
  sectionLines: { index: number; start: number; end: number }[];
}

export function renderTemplates(set: TemplateSet, view: IssueView, extra: Record<string, unknown> = {}): RenderedTemplate {
  const parts = view.sections.map((section) => run(set.sections.get(section.type)!, { ...section, issue: view }));
  const marker = '\u0000SECTIONS\u0000';
  const page = run(set.layout, { ...view, ...extra, sections: marker });
  const at = page.indexOf(marker);
  if (at < 0) throw new TemplateError(set.layout.file, 1, 1, 'the layout must place the sections with {{{sections}}}');
  let line = page.slice(0, at).split('\n').length;
  const sectionLines = parts.map((p, index) => {
    const start = line;
    line += p.split('\n').length - 1 + 1;
    return { index, start, end: line - 1 };
  });
  return { output: page.slice(0, at) + parts.join('\n') + page.slice(at + marker.length), sectionLines };
}

function run(template: Compiled, context: SectionView | Record<string, unknown>): string {
  try {
    return template.run(context);
  } catch (e) {
    throw asTemplateError(template.file, e);
  }
}

function asTemplateError(file: string, e: unknown): TemplateError {
  if (e instanceof TemplateError) return e;
  const err = e as { message?: string; lineNumber?: number; column?: number };
  const message = String(err.message ?? e);
  const missing = /^"([^"]+)" not defined in/.exec(message);
  const where = /- (\d+):(\d+)$/.exec(message) ?? /line (\d+)/.exec(message);
  const line = err.lineNumber ?? (where ? Number(where[1]) : 1);
  const column = (err.column ?? (where?.[2] ? Number(where[2]) : 0)) + 1;
  if (missing)
    return new TemplateError(
      file,
      line,
      column,
      `the template uses "${missing[1]}", but this issue has no such value — fix the name in the template, or add the field to the content`,
    );
  return new TemplateError(file, line, column, `${message.split('\n')[0]} — check the Handlebars syntax here`);
}

/** Read every template under a folder into sources keyed by "<shownRoot>/<relative path>". */
export async function readTemplateSources(dir: string, shownRoot = path.relative(process.cwd(), dir) || '.'): Promise<TemplateSources> {
  // A score of small files: reading them in one go is several times faster than a promise each.
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile() && e.name.endsWith('.hbs')).map((e) => path.join(e.parentPath, e.name));
  return Object.fromEntries(files.map((f) => [`${shownRoot}/${path.relative(dir, f).split(path.sep).join('/')}`, readFileSync(f, 'utf8')]));
}
