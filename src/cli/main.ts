// `newsletter <command>`: parse the words, run the command, turn failures into messages and exit codes.
import { parseArgs } from 'node:util';
import { projectPaths } from '../pipeline.js';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { serveCommand } from './commands/serve.js';
import { shareCommand } from './commands/share.js';
import { EXIT, reportError } from './errors.js';
import { type Io, processIo, UsageError } from './io.js';

const HELP = `newsletter — compose, check, preview and send the Panel's newsletter

  newsletter build [<id>...] [--site]  render email HTML, text and web version into dist/;
                                    --site: the public archive and feed into dist/site/
  newsletter check <id> [--json] [--online]
                                    run every check; exit 1 when any error;
                                    --online: also request every link
  newsletter serve [--port 4000] [--public]
                                    the preview studio with live reload (what \`npm start\` runs);
                                    --public: only the archive, the feed and share pages
  newsletter share <id> [--expires 7d]  print a signed preview link to a draft for partners
  newsletter share --revoke <id>    withdraw every link to that issue

Exit codes: 0 success, 1 the content or request is wrong, 2 the tool or a service failed.`;

const OPTIONS = {
  json: { type: 'boolean' },
  online: { type: 'boolean' },
  site: { type: 'boolean' },
  port: { type: 'string' },
  public: { type: 'boolean' },
  expires: { type: 'string' },
  revoke: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function main(argv: string[], io: Io = processIo, root = process.cwd()): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (!command || command === 'help' || command === '--help' || command === '-h') {
      io.out(HELP);
      return command ? EXIT.ok : EXIT.wrong;
    }
    const { values, positionals } = parseOptions(rest);
    const paths = projectPaths(root);
    switch (command) {
      case 'build':
        return await buildCommand(paths, { ids: positionals, site: Boolean(values.site) }, io);
      case 'check':
        return await checkCommand(paths, { ids: positionals, json: Boolean(values.json), online: Boolean(values.online) }, io);
      case 'serve':
        return await serveCommand(paths, { port: values.port, public: Boolean(values.public) }, io);
      case 'share':
        return await shareCommand(paths, { ids: positionals, expires: values.expires, revoke: Boolean(values.revoke) }, io);
      default:
        throw new UsageError(`"${command}" is not a command — run \`newsletter help\` to see them`);
    }
  } catch (e) {
    return reportError(e, io);
  }
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(`${(e as Error).message.replace(/\. To specify.*$/s, '')} — run \`newsletter help\``);
  }
}
