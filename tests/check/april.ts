// The April 2022 issue, loaded once, to change in memory and check: the content, the templates, or
// the rendered strings. Each call works on its own copy.
import { runChecks } from '../../src/check/index.js';
import type { Check, CheckInput, CheckOptions } from '../../src/check/context.js';
import type { CheckReport, Finding } from '../../src/check/finding.js';
import type { Content, Issue } from '../../src/content/schema.js';
import { loadProject, projectPaths } from '../../src/pipeline.js';
import { renderIssue, type RenderedIssue } from '../../src/render/index.js';
import { compileTemplates, readTemplateSources, type TemplateSources } from '../../src/render/templates.js';
import { REPO } from '../helpers/project.js';

const paths = projectPaths(REPO);
const project = loadProject(paths);
const sources = readTemplateSources(paths.templates, 'templates');

export interface Changes {
  content?: (content: Content, issue: Issue) => void;
  /** Replace text in a template, e.g. ['templates/email/sections/article.mjml.hbs', '</mj-text>', '<img src="x.png"></mj-text>']. */
  template?: [file: string, from: string, to: string];
  rendered?: (rendered: RenderedIssue) => Partial<RenderedIssue>;
}

export async function aprilInput(changes: Changes = {}): Promise<CheckInput> {
  const content = structuredClone((await project).content!);
  const issue = content.issues.find((i) => i.id === '2022-04')!;
  changes.content?.(content, issue);
  const templateSources: TemplateSources = { ...(await sources) };
  if (changes.template) {
    const [file, from, to] = changes.template;
    const before = templateSources[file];
    if (!before?.includes(from)) throw new Error(`aprilInput: "${from}" is not in ${file}`);
    templateSources[file] = before.replace(from, to);
  }
  const templates = {
    email: compileTemplates('email', 'templates', templateSources),
    web: compileTemplates('web', 'templates', templateSources),
  };
  const rendered = await renderIssue(content, issue, templates);
  return { content, issue, rendered: { ...rendered, ...changes.rendered?.(rendered) } };
}

/** Check the changed April issue with the given checks (all by default). */
export async function checkApril(changes: Changes = {}, checks?: readonly Check[], options: CheckOptions = {}): Promise<CheckReport> {
  return runChecks(await aprilInput(changes), options, checks);
}

/** The findings with one code, as code/severity/section type — what a test asserts on. */
export function withCode(
  report: CheckReport,
  code: string,
): { code: string; severity: Finding['severity']; section: string | null; message: string }[] {
  return report.findings
    .filter((f) => f.code === code)
    .map((f) => ({
      code: f.code,
      severity: f.severity,
      section: f.section ? `${f.section.index}:${f.section.type}` : null,
      message: f.message,
    }));
}

export const SECTION = {
  welcome: '0:welcome',
  contents: '1:in-this-issue',
  review: '2:article',
  regional: '3:regional-links',
  recruitment: '4:recruitment',
  lcsprs: '5:article',
  published: '6:published-reviews',
  news: '7:stakeholder-news',
  say: '8:have-your-say',
} as const;

/** Add a paragraph of Markdown to the body of a section that has one (welcome, article). */
export function appendToBody(index: number, markdown: string): Changes {
  return {
    content: (_, issue) => {
      const section = issue.sections[index];
      if (!section || !('body' in section) || section.body === undefined) throw new Error(`appendToBody: section ${index} has no body`);
      section.body += `\n\n${markdown}`;
    },
  };
}
