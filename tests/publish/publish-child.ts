// `newsletter` in a child process, run from source, so a test can kill it mid-publish.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
