// `newsletter` in a child process, run from source, so a test can kill it mid-publish. Its clock is
// fixture.ts's NOW (a week before April's send), as the test's own commands' is; the fixture itself
// is not imported, to keep the child light.
import { main } from '../../src/cli/main.js';

const NOW = new Date('2022-03-30T10:00:00Z');
process.exitCode = await main(process.argv.slice(2), undefined, undefined, undefined, () => NOW);
