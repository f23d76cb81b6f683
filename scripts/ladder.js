// The ladder of src/: each rung imports only from the rungs below it, never from its own rung's
// other folders or from above. eslint.config.js runs `ladder/no-upward-import` on src/, so an arrow
// running up fails `npm run lint`; README.md ("Layout") and DECISIONS.md say why each folder sits
// where it does. A folder (or a file directly in src/) that is on no rung fails lint too: place it.
import path from 'node:path';

/** Bottom first. A name ending in .ts is a file directly in src/; any other name is a folder. */
export const RUNGS = [
  // Base: the error catalogue, memo, the order of machine-written strings, the code's version (for caches on disk), atomic file writes, the UK clock.
  ['errors.ts', 'memo.ts', 'order.ts', 'code-version.ts'],
  // images: pictures made ready for email with sharp, cached by hash (bytes in, bytes out).
  ['files', 'time', 'lifecycle.ts', 'images'],
  // The content pipeline, pure: YAML → issue → email → sent record → findings; pipeline.ts runs it.
  ['content'],
  ['render'],
  ['archive'],
  ['check'],
  // Every check on a render with what it reads from disk: the studio's check worker loads only this.
  ['check-rendered.ts'],
  ['pipeline.ts'],
  // The outside world (Mailchimp, SMTP), then the state store.
  ['mailchimp', 'distribute'],
  ['state'],
  // Parts for pages: the shared frame and markup, the loaded project; then HTTP plumbing.
  ['page', 'workspace'],
  ['http'],
  // What people do to an issue: the lifecycle and its use cases, then what reports and the daemon do.
  ['workflow'],
  ['share', 'publish'],
  ['report'],
  ['scheduler'],
  // Team mode: people, roles, sessions and sign-in, and the gate every studio route passes.
  ['team'],
  // The pages, each folder using those below it.
  ['site'],
  ['editor'],
  ['studio'],
  // The wiring that knows every page and every command.
  ['server'],
  ['cli'],
];

const RUNG_OF = new Map(RUNGS.flatMap((names, i) => names.map((name) => [name, i])));

/** The ladder's name for a path inside src/: its first folder, or the file's own name (as .ts, which '../x.js' imports). */
function unitOf(relative) {
  const [first, ...rest] = relative.split(/[\\/]/);
  return rest.length === 0 ? first.replace(/\.js$/, '.ts') : first;
}

/** Where a file sits: its unit and rung, or undefined outside src/. */
function place(srcRoot, file) {
  const relative = path.relative(srcRoot, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  const unit = unitOf(relative);
  return { unit, rung: RUNG_OF.get(unit) };
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'A folder of src/ imports only from the rungs below it (scripts/ladder.js)' },
    schema: [{ type: 'object', properties: { src: { type: 'string' } }, additionalProperties: false }],
    messages: {
      upward:
        "{{from}} is on rung {{fromRung}} of the ladder and '{{spec}}' reaches {{to}}, on rung {{toRung}}: a folder imports only from the rungs below it. Move what both need down, or pass it in from above (scripts/ladder.js lists the rungs).",
      sideways:
        "{{from}} and {{to}} share rung {{fromRung}} of the ladder, so neither imports the other ('{{spec}}'). Move what both need down a rung (scripts/ladder.js lists the rungs).",
      unplaced:
        'src/{{unit}} is on no rung of the ladder: add it to RUNGS in scripts/ladder.js, above every folder it imports and below every folder that imports it.',
    },
  },
  create(context) {
    const srcRoot = path.resolve(context.cwd, context.options[0]?.src ?? 'src');
    const file = context.physicalFilename;
    const here = place(srcRoot, file);
    if (!here) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const there = place(srcRoot, path.resolve(path.dirname(file), spec));
      if (!there || there.unit === here.unit) return;
      if (there.rung === undefined) return context.report({ node, messageId: 'unplaced', data: { unit: there.unit } });
      const data = { from: `src/${here.unit}`, to: `src/${there.unit}`, fromRung: here.rung + 1, toRung: there.rung + 1, spec };
      if (there.rung > here.rung) context.report({ node, messageId: 'upward', data });
      else if (there.rung === here.rung) context.report({ node, messageId: 'sideways', data });
    };
    const fromSource = (node) => node.source && check(node.source, node.source.value);
    return {
      Program(node) {
        if (here.rung === undefined) context.report({ node, messageId: 'unplaced', data: { unit: here.unit } });
      },
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
      // `import('../x.js').Type` in a type position.
      TSImportType: (node) => {
        const literal = node.argument?.literal ?? node.argument;
        if (literal?.type === 'Literal') check(literal, literal.value);
      },
    };
  },
};

export const ladder = { meta: { name: 'ladder' }, rules: { 'no-upward-import': rule } };
