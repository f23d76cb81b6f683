// lib/newsletter.cjs, the CLI bundled with its dependencies (what bin/ runs for every command but
// help and the version), must behave exactly as the sources do: same email, same check report,
// the minifier's CSS included (htmlnano finds cssnano inside the bundle), and its code cache written.
// The bundle that `npm test` built in pretest is the one tried, but for the test of build:ts itself,
// which builds in a folder of its own (tests/helpers/build-elsewhere.ts).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { baselineKey } from '../../src/check/compat/baseline.js';
import { CANIEMAIL } from '../../src/check/compat/data.js';
import { main } from '../../src/cli/main.js';
import { type Build, buildElsewhere } from '../helpers/build-elsewhere.js';
import { renderFrom } from '../helpers/render.js';
import { makeDraft, REPO, tempProject, type TempProject } from '../helpers/project.js';
import { captured } from './capture.js';
import { startSmtp } from '../workflow/smtp.js';

const run = promisify(execFile);
const BIN = path.join(REPO, 'bin/newsletter.cjs');
const BUNDLE = path.join(REPO, 'lib/newsletter.cjs');

describe('build:ts, in a folder of its own', () => {
  let build: Build;
  let project: TempProject;
  beforeAll(async () => {
    [build, project] = await Promise.all([buildElsewhere(), tempProject()]);
  }, 300_000);
  afterAll(async () => {
    await build?.remove();
    await project?.remove();
  });

  it('writes bundles newer than the compiled files, all ASCII, which bin/ runs with a code cache beside each that the next run takes', async () => {
    const bundle = path.join(build.lib, 'newsletter.cjs');
    const checkBundle = path.join(build.lib, 'newsletter-check.cjs');
    const sides = ['compromise.cjs', 'libphonenumber-js+min.cjs'].map((name) => path.join(build.lib, 'side', name));
    for (const file of [bundle, checkBundle, ...sides]) {
      expect(statSync(file).mtimeMs, file).toBeGreaterThanOrEqual(statSync(path.join(build.lib, '.tsbuildinfo')).mtimeMs);
      expect(
        readFileSync(file).every((b) => b < 0x80),
        file,
      ).toBe(true);
      expect(existsSync(`${file}.cache`), file).toBe(false);
    }
    const { stdout } = await run(process.execPath, [build.bin, 'share', '--revoke', '2022-05'], {
      cwd: project.root,
      env: { ...process.env, NEWSLETTER_DB: path.join(project.root, 'state.db'), PREVIEW_SECRET: 'a-secret-of-thirty-two-characters!!' },
    });
    expect(stdout).toBe('There were no live links to 2022-05.\n');
    expect(existsSync(`${bundle}.cache`)).toBe(true);
    expect(existsSync(`${checkBundle}.cache`)).toBe(false);
    // `check` runs its own bundle and writes its own cache, under V8's usual flags though it starts
    // without the optimising compiler; the next check takes it as it is (a cache V8 refused would be
    // written again, as a new file), and the other bundle's is left alone.
    const check = () =>
      run(process.execPath, [build.bin, 'check', '2022-04', '--json'], {
        cwd: project.root,
        env: { ...process.env, NEWSLETTER_SPAMASSASSIN: 'off' },
      }).catch((e: { code?: number }) => (e.code === 1 ? undefined : Promise.reject(e as Error)));
    const byShare = statSync(`${bundle}.cache`);
    await check();
    const written = statSync(`${checkBundle}.cache`);
    await check();
    const after = statSync(`${checkBundle}.cache`);
    expect([after.ino, after.mtimeMs]).toEqual([written.ino, written.mtimeMs]);
    const kept = statSync(`${bundle}.cache`);
    expect([kept.ino, kept.mtimeMs]).toEqual([byShare.ino, byShare.mtimeMs]);
  });
});

describe('the bundled CLI', () => {
  let project: TempProject;
  beforeEach(async () => {
    project = await tempProject();
  });
  afterEach(() => project.remove());

  it('build writes the same email as the sources render, minified CSS and all', async () => {
    await makeDraft(project); // a sent issue is built from its record; a draft from the sources
    await run(process.execPath, [BIN, 'build', '2022-04'], { cwd: project.root });
    const html = readFileSync(path.join(project.root, 'dist/issues/2022-04/email.html'), 'utf8');
    const rendered = await renderFrom(project.paths);
    expect(html).toBe(rendered.html);
    expect(html).toMatch(/#outlook\sa\{padding:0\}/); // cssnano ran: no spaces left in the CSS (lines are wrapped at spaces)
  });

  it('an <svg> in a template is minified by svgo, which Node loads when first asked: the same email as the sources', async () => {
    await makeDraft(project);
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10">  <!-- a mark -->  <rect x="0" y="0" width="10" height="10" fill="#1d70b8"/></svg>';
    const body = '  <mj-body background-color="#f3f2f1" width="600px" css-class="page">\n';
    await project.edit('templates/email/layout.mjml.hbs', body, `${body}    <mj-raw>${svg}</mj-raw>\n`);
    await run(process.execPath, [BIN, 'build', '2022-04'], { cwd: project.root });
    const html = readFileSync(path.join(project.root, 'dist/issues/2022-04/email.html'), 'utf8');
    expect(html).toBe((await renderFrom(project.paths)).html);
    expect(html).toContain('<rect');
    expect(html).not.toContain('a mark'); // svgo ran: the comment inside the <svg> is gone
  });

  it('sends a proof with Nodemailer, which the bundle leaves to Node', async () => {
    await makeDraft(project);
    const smtp = await startSmtp({ noStartTls: true });
    try {
      const env = {
        ...process.env,
        NEWSLETTER_SPAMASSASSIN: 'off',
        NEWSLETTER_DB: path.join(project.root, 'state.db'),
        SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        PROOF_ALLOWLIST: '@example.org',
      };
      await run(process.execPath, [BIN, 'proof', '2022-04', '--to', 'editor@example.org', '--force', '--by', 'Test'], {
        cwd: project.root,
        env,
      });
      expect(smtp.received.map((r) => r.envelopeTo)).toEqual([['editor@example.org']]);
      expect(readFileSync(BUNDLE, 'latin1')).not.toMatch(/nodemailer\/lib\/smtp-connection/);
    } finally {
      await smtp.close();
    }
  });

  it('leaves cheerio’s HTTP client, byte decoding and parse5 outside, required from the cheerio that asks', () => {
    const text = readFileSync(BUNDLE, 'latin1');
    // undici's error codes, iconv-lite's refusal and parse5's tokenizer are not compiled at every start…
    for (const code of ['UND_ERR_', 'Encoding not recognized', 'eof-in-doctype']) expect(text).not.toContain(code);
    // …and each cheerio reaches its own copies from where the bundle lies, should it ever ask.
    const places = [...text.matchAll(/createRequire\(require\("node:path"\)\.join\(__dirname,"([^"]+)"\)\)/g)].map((m) => m[1]!);
    const wanted: Record<string, [string, string][]> = {
      'index.js': [
        ['undici', 'request'],
        ['encoding-sniffer', 'decodeBuffer'],
        ['parse5-htmlparser2-tree-adapter', 'adapter'],
        ['parse5-parser-stream', 'ParserStream'],
      ],
      'load-parse.js': [['./parsers/parse5-adapter.js', 'parseWithParse5']],
    };
    expect(places.map((p) => path.basename(p)).sort()).toEqual(['index.js', 'index.js', 'load-parse.js', 'load-parse.js']);
    for (const place of places) {
      const own = createRequire(path.join(path.dirname(BUNDLE), place));
      for (const [id, name] of wanted[path.basename(place)]!)
        expect((own(id) as Record<string, unknown>)[name], `${place}: ${id}`).toBeDefined();
    }
  });

  it("leaves htmlnano's configuration search and juice's fetching to Node, found from the bundles' folder", () => {
    // cosmiconfig's and js-yaml's words, and web-resource-inliner's: compiled by no command…
    const words = ['Could not find any folders to iterate through', 'code point within a string may not be gr', '" returned http "'];
    for (const bundle of [BUNDLE, path.join(REPO, 'lib/newsletter-check.cjs')])
      for (const w of words) expect(readFileSync(bundle, 'latin1'), `${path.basename(bundle)}: ${w}`).not.toContain(w);
    // …and there for the bundle's require, should htmlnano or juice ever ask.
    const own = createRequire(BUNDLE);
    expect((own('cosmiconfig') as { cosmiconfigSync: unknown }).cosmiconfigSync).toBeTypeOf('function');
    expect((own('web-resource-inliner') as { html: unknown }).html).toBeTypeOf('function');
  });

  it("Node's own modules keep their code cache, though a command starts with TurboFan off", async () => {
    const env = { ...process.env, NEWSLETTER_SPAMASSASSIN: 'off', NODE_DEBUG_NATIVE: 'CODE_CACHE' };
    // The check's helper thread loads Node's modules for itself, once the flags are changed, and
    // Node's messages do not say which thread: a check with the text notes of an earlier one starts none.
    await run(process.execPath, [BIN, 'check', '2022-04'], { cwd: project.root, env: { ...env, NODE_DEBUG_NATIVE: '' } }).catch(
      () => undefined,
    );
    expect(existsSync(path.join(project.root, '.cache/checks/text-notes.json'))).toBe(true);
    const { stderr } = await run(process.execPath, [BIN, 'check', '2022-04'], { cwd: project.root, env }).catch(
      (e: { stderr: string; code: number }) => e,
    );
    // Node says so for each of its modules compiled with V8's flags changed: their cache is refused.
    const refused = [...stderr.matchAll(/Code cache of (\S+) \(\w+\) is rejected/g)].map((m) => m[1]);
    expect(stderr).toMatch(/Code cache of \S+ .* (accepted|rejected)/);
    for (const id of ['crypto', 'fs/promises', 'os', 'child_process', 'internal/util/parse_args/parse_args', 'internal/util/comparisons'])
      expect(refused).not.toContain(id);
  });

  it("gives `check` a bundle of its own, without the other commands' work, and leaves the side packages to lib/side/", async () => {
    const all = readFileSync(BUNDLE, 'latin1');
    const check = readFileSync(path.join(REPO, 'lib/newsletter-check.cjs'), 'latin1');
    // The studio's words, and node-cron's (the daemon's ticker): in the bundle of every other command only.
    for (const words of ['Preview studio: ', 'is a invalid expression for minute'])
      expect([all.includes(words), check.includes(words)], words).toEqual([true, false]);
    expect(check.length).toBeLessThan(all.length * 0.9);
    // compromise's and libphonenumber-js's own words are in lib/side/ alone.
    for (const [words, side] of [
      ['compromise', 'compromise.cjs'],
      ['libphonenumber', 'libphonenumber-js+min.cjs'],
    ] as const) {
      expect(readFileSync(path.join(REPO, 'lib/side', side), 'latin1')).toContain(words);
      expect(check).not.toMatch(new RegExp(`"${words}[^"]*\\.js"`));
    }
    // What bin/ runs for `check` is that bundle: a report, as from the sources (below), and no studio.
    const { stdout } = await run(process.execPath, [BIN, 'check', '2022-04', '--json'], {
      cwd: project.root,
      env: { ...process.env, PATH: '/nonexistent' },
    }).catch((e: { stdout: string }) => e);
    expect(JSON.parse(stdout)).toMatchObject({ issue: '2022-04' });
  });

  it('carries one copy of each package version, whether it is imported or required and wherever npm put it', () => {
    const text = readFileSync(BUNDLE, 'latin1');
    // entities' HTML decoding table, one per version. 7.0.1 is installed for htmlparser2 and for juice,
    // and htmlparser2 has both builds; 4.5.0 at the top and for juice's htmlparser2, both builds too.
    const tables = {
      '7.0.1': readFileSync(
        path.join(REPO, 'node_modules/htmlparser2/node_modules/entities/dist/commonjs/generated/decode-data-html.js'),
        'utf8',
      ),
      '4.5.0': readFileSync(path.join(REPO, 'node_modules/entities/lib/generated/decode-data-html.js'), 'utf8'),
    };
    const opening = (source: string) => /(?:decodeBase64\)\("|Uint16Array\(\s*\/\/ prettier-ignore\s*")(.{12})/.exec(source)![1]!;
    for (const [version, source] of Object.entries(tables)) {
      const start = opening(source).toLowerCase();
      expect(text.toLowerCase().split(start).length - 1, `entities ${version}`).toBe(1);
    }
    // Versions that differ stay apart: posthtml-parser's entities 3 has a table of its own.
    expect(text).toContain('14866,60,237,340');
  });

  it('carries JSON files as JSON.parse of their text, which V8 reads faster than the same data as code', () => {
    const check = readFileSync(path.join(REPO, 'lib/newsletter-check.cjs'), 'latin1');
    // caniemail's data: its first client's name appears once, inside the string given to JSON.parse
    // (written out as an object literal, the module would begin with the object itself).
    const at = check.indexOf('"name": "Outlook (Windows desktop)"');
    expect(at).toBeGreaterThan(0);
    expect(check.indexOf('Outlook (Windows desktop)', at + 30)).toBe(-1);
    expect(check.slice(check.lastIndexOf('exports=', at), at)).toMatch(/^exports=JSON\.parse\(`\{\n\s*"source": \{ "package": "caniemail"/);
  });

  it("turns zod's compiled parsers off in `check`'s bundle only", () => {
    const check = readFileSync(path.join(REPO, 'lib/newsletter-check.cjs'), 'latin1');
    expect(check).toMatch(/;\w+\.config\(\{jitless:!0\}\);/);
    expect(check).not.toContain('__ZOD_JITLESS__');
    // The other commands' bundle asks, and its answer is no: the studio parses the same schemas again and again.
    expect(readFileSync(BUNDLE, 'latin1')).toMatch(/typeof __ZOD_JITLESS__<"u"&&__ZOD_JITLESS__===!0&&\w+\.config\(\{jitless:!0\}\)/);
  });

  it('gives MJML lodash one function at a time, not the whole of it', () => {
    // lodash whole builds its three hundred functions as it loads; its templateSettings is one of them.
    expect(readFileSync(BUNDLE, 'latin1')).not.toContain('templateSettings');
  });

  it("carries MJML's compatibility baseline, worked out when it was built, for the MJML it bundles", () => {
    expect(readFileSync(BUNDLE, 'latin1')).toContain(`key:"${baselineKey(CANIEMAIL.features)}"`);
  });

  it('check --json gives the same report as the sources', async () => {
    await project.edit('content/issues/2022-04/issue.yaml', 'closingDate: 2022-04-18', 'closingDate: 2022-04-01');
    const env = { ...process.env, PATH: '/nonexistent' }; // no SpamAssassin either way
    const bundled = await run(process.execPath, [BIN, 'check', '2022-04', '--json'], { cwd: project.root, env }).catch(
      (e: { stdout: string; code: number }) => e,
    );
    const io = captured();
    expect(await main(['check', '2022-04', '--json'], io, project.root, env)).toBe(1);
    expect(bundled.stdout).toBe(io.stdout);
  });

  it('a content error reads the same as from the sources, in English (the bundle carries zod’s English messages only)', async () => {
    await project.edit('content/issues/2022-04/issue.yaml', /^subject: .*$/m, 'subject: [not, a, subject]');
    const env = { ...process.env, PATH: '/nonexistent' };
    const bundled = await run(process.execPath, [BIN, 'check', '2022-04', '--json'], { cwd: project.root, env }).catch(
      (e: { stdout: string; code: number }) => e,
    );
    const io = captured();
    expect(await main(['check', '2022-04', '--json'], io, project.root, env)).toBe(1);
    expect(bundled.stdout).toBe(io.stdout);
    expect(JSON.parse(bundled.stdout)).toMatchObject({ findings: [{ code: 'schema/invalid', message: expect.stringMatching(/subject/) }] });
    expect(readFileSync(BUNDLE, 'latin1')).not.toContain('Ongeldige invoer'); // zod's Dutch, for one
  });
});
