// The check's helper thread (src/check/helper-thread.ts): the bundled `check` of a project's first
// run reads the issue's words and compiles the templates on it, and finds exactly what a check
// without it finds; later runs, with the text notes, start none; a helper that fails, or code
// compiled from other templates, changes nothing but where the work is done.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startHelper } from '../../src/check/helper-thread.js';
import { scanField, scanned, scanText } from '../../src/check/privacy/scan.js';
import { buildAllowList } from '../../src/check/privacy/allow-list.js';
import type { Finding } from '../../src/check/finding.js';
import { plainEnglish, plainEnglishAhead, plainEnglishIn, proseParagraphs } from '../../src/check/plain-english/index.js';
import { contentNames } from '../../src/check/plain-english/names.js';
import { SECTION_TYPE_NAMES } from '../../src/content/section-types.js';
import { scoreParagraph, scored, type SentenceNote, sentenceNotes } from '../../src/check/plain-english/readability.js';
import { TextMemory } from '../../src/check/text-memory.js';
import { readAhead } from '../../src/check/read-ahead.js';
import type { Io } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { findIssue, loadProject, loadTemplates, renderIssue, usableContent } from '../../src/pipeline.js';
import { compileTemplates, readTemplateSources, TemplateError, templateFiles } from '../../src/render/templates.js';
import { REPO, tempProject, type TempProject } from '../helpers/project.js';

const run = promisify(execFile);
const BIN = path.join(REPO, 'bin/newsletter.cjs');
const HELPER = pathToFileURL(path.join(REPO, 'lib/check-helper.cjs'));
// Node says when a worker is made (NODE_DEBUG=worker): the helper is the only one a check makes.
const env = { ...process.env, NEWSLETTER_SPAMASSASSIN: 'off', NODE_DEBUG: 'worker' };
const PRIVATE = 'Call Jo Smith on 07700 900123, or write to 12 Acacia Avenue, Leeds LS1 4AP.';

function captured(): Io & { stdout: string } {
  const io = { stdout: '', tty: false, out: (t: string) => void (io.stdout += `${t}\n`), err: () => undefined };
  return io;
}

describe('the bundled check with its helper thread', () => {
  let project: TempProject;
  // Exit 1 is a report with errors in it: the report is what is compared.
  const bundled = () =>
    run(process.execPath, [BIN, 'check', '2022-04', '--json'], { cwd: project.root, env, timeout: 30_000 }).then(
      (r) => r,
      (e: { code?: number; stdout?: string; stderr?: string }) =>
        e.code === 1 && e.stdout ? { stdout: e.stdout, stderr: e.stderr ?? '' } : Promise.reject(e as Error),
    );
  // The same check in this process, from src/ (which has no helper), on a copy of the project: the
  // notes it keeps are of another code version, which the bundle would not take.
  const oneThread = async () => {
    const copy = await tempProject();
    try {
      await copy.write('content/issues/2022-04/issue.yaml', await project.read('content/issues/2022-04/issue.yaml'));
      const io = captured();
      await main(['check', '2022-04', '--json'], io, copy.root, env);
      return io.stdout.trim();
    } finally {
      await copy.remove();
    }
  };
  const helpers = (stderr: string) => [...stderr.matchAll(/create new worker (\S+)/g)].map((m) => path.basename(m[1]!));
  beforeEach(async () => {
    project = await tempProject();
    // Something for every detector to find, and a long sentence, in a paragraph of its own.
    await project.edit('content/issues/2022-04/issue.yaml', /^(\s+body: [|>]-?\n)/m, `$1      ${PRIVATE}\n\n`);
  });
  afterEach(() => project.remove());

  it('finds exactly what the check on one thread finds, and later runs start no helper', async () => {
    const first = await bundled();
    expect(helpers(first.stderr)).toEqual(['check-helper.cjs']);
    expect(first.stdout.trim()).toBe(await oneThread());
    expect(first.stdout).toContain('privacy/phone');
    expect(first.stdout).toContain('privacy/postcode');

    // With the notes of the first run there is nothing to read: no thread, the same report.
    const second = await bundled();
    expect(helpers(second.stderr)).toEqual([]);
    expect(second.stdout).toBe(first.stdout);
  });

  it('starts one when an issue has much unread text though the project has notes, and none for one edited paragraph', async () => {
    await bundled();
    await project.edit(
      'content/issues/2022-04/issue.yaml',
      /As we move into the new financial year/,
      'As we now move into the new financial year',
    );
    expect(helpers((await bundled()).stderr)).toEqual([]);
    // Every paragraph changed (the notes are of other text): the command starts the helper itself.
    const text = await project.read('content/issues/2022-04/issue.yaml');
    await project.write('content/issues/2022-04/issue.yaml', text.replace(/\bthe\b/g, 'the very'));
    const third = await bundled();
    expect(helpers(third.stderr)).toEqual(['check-helper.cjs']);
    expect(third.stdout.trim()).toBe(await oneThread());
  });
});

describe('the helper thread', () => {
  let project: TempProject;
  beforeAll(async () => {
    project = await tempProject();
  });
  afterAll(() => project.remove());

  it('answers as the functions it runs, and compiles the templates as loadTemplates does', async () => {
    const helper = startHelper(HELPER, { templatesOf: project.root })!;
    try {
      const content = usableContent(await loadProject(project.paths), ['2022-04']);
      const allow = buildAllowList(content);
      const prose =
        'The review was written by the Panel, which was asked by the minister to look at what was done over many years across the region.';
      expect(await helper.score(prose)).toEqual(await scoreParagraph(prose));
      expect(await helper.scan(PRIVATE, allow)).toEqual(await scanField(PRIVATE, allow));
      // The allow-list is sent once and named after: a second field under it is scanned with it.
      expect(await helper.scan('Sam, aged 7, of Leeds', allow)).toEqual(await scanField('Sam, aged 7, of Leeds', allow));

      // The plain-English findings, with one paragraph's notes handed over as an earlier run's.
      // A preheader no run has read, so this process's memory does not know it either.
      const issue = { ...findIssue(content, '2022-04'), preheader: 'A preheader written for the helper thread test alone.' };
      const names = contentNames(content);
      const first = proseParagraphs(issue).find((p) => p.includes('helper thread test'))!;
      const seeded: SentenceNote[] = [{ kind: 'passive', start: 0, end: 3, words: 0 }];
      const hashed = new TextMemory<SentenceNote[]>(10);
      hashed.recall([]);
      await hashed.of(first, async () => seeded);
      const known = hashed.toKeep();
      const there = await helper.plainEnglish(names, issue, false, known);
      scored.recall(known);
      expect(there).toEqual(await plainEnglishIn(names, issue, false));
      // The passive "found" in the preheader is the handed-over note's: it has no passive voice.
      expect(there.find((f) => f.field === 'preheader' && f.code === 'plain-english/passive')?.span).toMatchObject({ start: 0, end: 3 });

      const sources = await readTemplateSources(project.paths.templates, 'templates');
      for (const kind of ['email', 'web'] as const) {
        const compiled = await helper.templates(kind);
        expect(compiled?.key).toBe(templateFiles(kind, 'templates', sources).key);
        expect(compiled?.code).toHaveLength(templateFiles(kind, 'templates', sources).files.length);
      }
    } finally {
      helper.close();
    }
    await expect(helper.score('After it is closed.')).rejects.toThrow(/closed/);
  });

  it('a thread that fails leaves the work to this one, with the same results', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'newsletter-helper-'));
    try {
      const broken = path.join(dir, 'check-helper.cjs');
      writeFileSync(broken, "throw new Error('broken on purpose');\n");
      const content = usableContent(await loadProject(project.paths), ['2022-04']);
      const issue = findIssue(content, '2022-04');
      const helper = readAhead(content, issue, false, () => startHelper(pathToFileURL(broken), { templatesOf: project.root }), 1);
      expect(helper).toBeDefined();
      const prose =
        'A paragraph nobody has read before, written for this test alone, in which the Panel was told nothing that was new to it.';
      scored.recall([]);
      scanned.recall([]);
      expect(await sentenceNotes(prose, helper!.score)).toEqual(await scoreParagraph(prose));
      const allow = buildAllowList(content);
      expect(await scanText(`${PRIVATE} (again)`, allow, helper!.scan)).toEqual(await scanField(`${PRIVATE} (again)`, allow));
      // Templates it never compiled are compiled here.
      const templates = await loadTemplates(project.paths, helper);
      expect(templates.email.layout.file).toBe('templates/email/layout.mjml.hbs');
      helper!.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('templates from the helper thread', () => {
  it("the web version's set is awaited by the render, and an error in it is the same TemplateError", async () => {
    const project = await tempProject();
    try {
      await project.edit('templates/web/layout.html.hbs', /\{\{\{sections\}\}\}/, '{{{sections}}} {{#if}}');
      const helper = startHelper(HELPER, { templatesOf: project.root })!;
      const templates = await loadTemplates(project.paths, helper);
      helper.close();
      expect(templates.web).toBeInstanceOf(Promise);
      const content = usableContent(await loadProject(project.paths), ['2022-04']);
      const failure = await renderIssue(content, findIssue(content, '2022-04'), templates).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(TemplateError);
      expect(String((failure as Error).message)).toMatch(/^templates\/web\/layout\.html\.hbs:\d+:\d+ /);
    } finally {
      await project.remove();
    }
  });
});

describe('plain English worked out ahead', () => {
  it('is taken for the same issue, content and sent; otherwise, or when it failed, worked out here', async () => {
    const project = await tempProject();
    try {
      const content = usableContent(await loadProject(project.paths), ['2022-04']);
      const issue = findIssue(content, '2022-04');
      const here = await plainEnglish(content, issue, false);
      const marked = [{ code: 'plain-english/elsewhere', severity: 'hint', section: null, message: 'm', fix: 'f' }] as Finding[];
      plainEnglishAhead(issue, content, false, Promise.resolve(marked));
      expect(await plainEnglish(content, issue, false)).toEqual(marked);
      expect(await plainEnglish(content, issue, true)).not.toEqual(marked);
      // Worked out from other content (a registry read again, say), though its names are the same.
      plainEnglishAhead(issue, { ...content }, false, Promise.resolve(marked));
      expect(await plainEnglish(content, issue, false)).toEqual(here);
      plainEnglishAhead(issue, content, false, Promise.reject(new Error('the helper stopped')));
      expect(await plainEnglish(content, issue, false)).toEqual(here);
      plainEnglishAhead(structuredClone(issue), content, false, Promise.resolve(marked));
      expect(await plainEnglish(content, issue, false)).toEqual(here);
    } finally {
      await project.remove();
    }
  });
});

describe('compileTemplates with code compiled elsewhere', () => {
  const sources = {
    'templates/email/layout.mjml.hbs': '<mjml>{{{sections}}}</mjml>',
    ...Object.fromEntries(SECTION_TYPE_NAMES.map((t) => [`templates/email/sections/${t}.mjml.hbs`, `<p>${t}</p>`])),
  };
  const { key, files } = templateFiles('email', 'templates', sources);
  // Code for other templates: every file says "elsewhere".
  const elsewhere = files.map(() => '{"compiler":[8,">= 4.3.0"],"main":function(){return "elsewhere";},"useData":true}');

  it('takes it when compiled from the same texts, and compiles them itself otherwise', () => {
    const taken = compileTemplates('email', 'templates', sources, undefined, { key, code: elsewhere });
    expect(taken.layout.run({})).toBe('elsewhere');
    const other = { ...sources, 'templates/email/layout.mjml.hbs': '<mjml>{{{sections}}} </mjml>' };
    const refused = compileTemplates('email', 'templates', other, undefined, { key, code: elsewhere });
    expect(refused.layout.run({ sections: 'S' })).toBe('<mjml>S </mjml>');
    // The same texts under another folder (so not compiled already), with code for one file too few.
    const moved = Object.fromEntries(Object.entries(sources).map(([file, text]) => [file.replace(/^templates\//, 'moved/'), text]));
    expect(templateFiles('email', 'moved', moved).key).toBe(key);
    const short = compileTemplates('email', 'moved', moved, undefined, { key, code: elsewhere.slice(1) });
    expect(short.layout.run({ sections: 'S' })).toBe('<mjml>S</mjml>');
  });
});
