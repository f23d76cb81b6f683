// `newsletter` as its own process, from the sources: what bin/newsletter.cjs runs, without a build.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
