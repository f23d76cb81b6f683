// `newsletter` as its own process, from the sources: what bin/newsletter.js runs, without a build.
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
