// scripts/compiled-at-once.mjs: each module's body in the bundle becomes a parenthesised function,
// which V8 compiles with the file rather than when first called, and nothing else changes.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledAtOnce } from '../../scripts/compiled-at-once.mjs';
import { REPO } from '../helpers/project.js';

// esbuild's helpers as it writes them minified: __esm, then __commonJS.
const HELPERS =
  'var S=(e,t,r)=>()=>{if(r)throw r[0];try{return e&&(t=e(e=0)),t}catch(n){throw r=[n],n}};' +
  'var y=(e,t)=>()=>{try{return t||e((t={exports:{}}).exports,t),t.exports}catch(r){throw t=0,r}};';

/** Run a CommonJS text, as bin/ runs a bundle, and give its exports. */
function run(text: string): unknown {
  const module = { exports: {} as unknown };
  new vm.Script(`(function (exports, require, module) {${text}\n})`).runInThisContext()(module.exports, require, module);
  return module.exports;
}

describe('compiledAtOnce', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(path.join(tmpdir(), 'newsletter-at-once-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('writes every module body of a minified esbuild bundle as a parenthesised function, which runs the same', async () => {
    // An ES module required by a CommonJS one: esbuild wraps each with a helper (__esm, __commonJS).
    await writeFile(
      path.join(dir, 'counter.cjs'),
      "const { words } = require('./words.mjs');\nlet n = 0;\nmodule.exports = { next: () => ++n, words };\n",
    );
    await writeFile(path.join(dir, 'words.mjs'), 'export const words = (s) => s.split(/\\s+/).filter(Boolean);\n');
    await writeFile(
      path.join(dir, 'entry.mjs'),
      "import counter from './counter.cjs';\nconst { words } = counter;\n" +
        "export const main = (s) => words(s).map((w) => `${counter.next()}:${w}`).join(' ');\n",
    );
    const bundled = await build({
      entryPoints: [path.join(dir, 'entry.mjs')],
      bundle: true,
      format: 'cjs',
      platform: 'node',
      minify: true,
      write: false,
    });
    const text = bundled.outputFiles[0]!.text;
    const eager = compiledAtOnce(text);
    expect(eager).not.toBe(text);
    expect(eager.match(/\(\(function\(/g)?.length).toBe(2); // the CommonJS module and the ES module
    expect((run(eager) as { main: (s: string) => string }).main('a  b c')).toBe(
      (run(text) as { main: (s: string) => string }).main('a  b c'),
    );
  });

  it('leaves as an arrow a body that uses `this` or `arguments`, which a function would take as its own', () => {
    const text =
      HELPERS +
      'var a=y((e,t)=>{t.exports=1});' +
      'var b=y((e,t)=>{t.exports=this});' +
      'var c=S(()=>{x=(()=>arguments)()});' +
      'var d=S(()=>{x=function(){return this}});';
    const out = compiledAtOnce(text);
    expect(out).toContain('var a=y((function(e,t){t.exports=1}));');
    expect(out).toContain('var b=y((e,t)=>{t.exports=this});');
    expect(out).toContain('var c=S(()=>{x=(()=>arguments)()});');
    // A function of its own inside has its own `this`: the body is still written as a function.
    expect(out).toContain('var d=S((function(){x=function(){return this}}));');
  });

  it('fails the build when esbuild writes its helpers otherwise', () => {
    expect(() => compiledAtOnce('var y=(e,t)=>()=>{return t};var a=y((e,t)=>{t.exports=1});')).toThrow(
      /update scripts\/compiled-at-once\.mjs/,
    );
  });

  it("has been applied to check's bundle, where it was measured, and not to the other commands'", () => {
    const count = (bundle: string) => readFileSync(path.join(REPO, bundle), 'latin1').match(/\(\(function\(/g)?.length ?? 0;
    expect(count('lib/newsletter-check.cjs')).toBeGreaterThan(500);
    expect(count('lib/newsletter.cjs')).toBeLessThan(50);
  });
});
