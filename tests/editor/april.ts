// The April 2022 issue, and a copy of it with two news items and comments, for edit tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO } from '../helpers/project.js';

export const APRIL_FILE = 'content/issues/2022-04/issue.yaml';
export const APRIL = readFileSync(path.join(REPO, APRIL_FILE), 'utf8');

/** Two news items, a comment above each (the first belongs to the list in `yaml`), a blank line between. */
export const TWO_NEWS = APRIL.replace(
  '    items:\n      - body: |\n',
  '    items:\n      # Sent by the SFPC programme team.\n      - body: |\n',
).replace(
  '        linkText: For further details or to book a space, visit the Strengthening Families, Protecting Children programme page\n',
  [
    '        linkText: For further details or to book a space, visit the Strengthening Families, Protecting Children programme page',
    '',
    '      # From the NSPCC, March 2022.',
    '      - title: NSPCC conference',
    '        body: |',
    '          The NSPCC How Safe conference takes place online.',
    '        url: https://learning.nspcc.org.uk/',
    '        linkText: NSPCC Learning',
    '',
  ].join('\n'),
);
if (TWO_NEWS === APRIL) throw new Error('the April issue no longer has the news item these tests expect');
