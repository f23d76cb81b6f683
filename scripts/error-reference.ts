// Rewrites the table under "## Error reference" in README.md from the catalogue in src/errors.ts,
// so the README never drifts from the codes the tool raises. `npm run error-reference`.
import { readFileSync, writeFileSync } from 'node:fs';
import { ERRORS } from '../src/errors.js';

const HEADER = '| code | what happened | exit | what to do |\n|---|---|---|---|\n';
const rows = Object.entries(ERRORS)
  .map(([code, e]) => `| \`${code}\` | ${e.title} | ${e.exit} | ${e.hint.replace(/\|/g, '\\|')} |`)
  .join('\n');

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf(HEADER, readme.indexOf('## Error reference'));
if (start < 0) throw new Error('README.md has no "## Error reference" table to rewrite');
const end = readme.indexOf('\n\n', start + HEADER.length);
writeFileSync('README.md', `${readme.slice(0, start)}${HEADER}${rows}${end < 0 ? '\n' : readme.slice(end)}`);
console.log(`README.md: ${Object.keys(ERRORS).length} error codes listed`);
