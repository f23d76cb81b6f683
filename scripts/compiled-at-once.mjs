// Part of `npm run bundle` (scripts/bundle.mjs), apart so that tests/cli/compiled-at-once.test.ts can try it.
//
// V8 compiles a function when it is first called, after a quick pass over it when the file is
// compiled: the body of every module a check starts would be read twice, on the main thread. A
// function written in parentheses, V8's sign of one called at once, is compiled with the file
// instead, on V8's background threads as well. So each module's body, which esbuild writes as an
// arrow given to its __esm or __commonJS helper, is written as a parenthesised function, unless it
// uses `this` or `arguments` of its own (an arrow's are its surroundings'). A cold check takes about
// a twelfth less time; a warm one, from the code cache, the same. Minified bundles only: a readable
// one (NEWSLETTER_BUNDLE_READABLE) has esbuild's other shape of module, as written.
import { parse } from 'acorn';

/** The bundle's text with each module's body a parenthesised function; a shape not expected fails the build. */
export function compiledAtOnce(text) {
  // esbuild writes each helper only when some module needs it.
  const helpers = new Set(
    [
      /(?:var |,)([\w$]+)=\([\w$]+,[\w$]+,([\w$]+)\)=>\(\)=>\{if\(\2\)throw \2\[0\];try\{return /, // __esm
      /(?:var |,)([\w$]+)=\([\w$]+,([\w$]+)\)=>\(\)=>\{try\{return \2\|\|[\w$]+\(\(\2=\{exports:\{\}\}\)\.exports,\2\),\2\.exports\}/, // __commonJS
    ].map((pattern) => pattern.exec(text)?.[1]),
  );
  helpers.delete(undefined);
  if (helpers.size === 0)
    throw new Error('esbuild no longer writes its __esm and __commonJS helpers as expected: update scripts/compiled-at-once.mjs');
  const edits = [];
  const ownThis = (node) => {
    if (!node || typeof node.type !== 'string') return false;
    if (node.type === 'ThisExpression' || node.type === 'MetaProperty' || (node.type === 'Identifier' && node.name === 'arguments'))
      return true;
    // A function or class of its own has its own `this` and `arguments` (an arrow has not).
    if (/^(FunctionExpression|FunctionDeclaration|ClassDeclaration|ClassExpression)$/.test(node.type)) return false;
    return Object.values(node).some((v) => (Array.isArray(v) ? v.some(ownThis) : ownThis(v)));
  };
  const visit = (node) => {
    if (!node || typeof node.type !== 'string') return;
    const [fn] = node.arguments ?? [];
    if (
      node.type === 'CallExpression' &&
      helpers.has(node.callee.name) &&
      node.arguments.length === 1 &&
      fn.type === 'ArrowFunctionExpression' &&
      fn.body.type === 'BlockStatement' &&
      !fn.async &&
      !ownThis(fn.body)
    ) {
      const params = fn.params.map((param) => text.slice(param.start, param.end)).join(',');
      edits.push({ start: fn.start, end: fn.end, text: `(function(${params})${text.slice(fn.body.start, fn.body.end)})` });
    }
    for (const value of Object.values(node))
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value.type === 'string') visit(value);
  };
  visit(parse(text, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true }));
  if (edits.length === 0) throw new Error('no module bodies found to compile at once: update scripts/compiled-at-once.mjs');
  // esbuild puts every module at the top level, so no edit lies inside another.
  let out = '';
  let at = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    if (edit.start < at) throw new Error('module bodies inside module bodies: update scripts/compiled-at-once.mjs');
    out += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + text.slice(at);
}
