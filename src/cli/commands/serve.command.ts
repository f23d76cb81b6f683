// `newsletter serve`: what it takes and says in its help; the work is in serve.ts, loaded when it runs.
import { type Command, flag, text } from '../command.js';

export const serve: Command = {
  name: 'serve',
  summary: 'the preview studio with live reload (what `npm start` runs)',
  usage: ['serve [--port 4000] [--public | --team]'],
  options: {
    port: { type: 'string', value: '<number>', description: 'the port to listen on (default: PORT, or 4000; 0 for any free port)' },
    public: { type: 'boolean', description: 'serve only the archive, the feed and share pages (behind a reverse proxy)' },
    team: {
      type: 'boolean',
      description: 'the studio for the whole team, behind sign-in (STUDIO_URL, OIDC_* or SIGN_IN_EMAIL; see the README)',
    },
  },
  example: ['newsletter serve --port 4001   # then open http://127.0.0.1:4001/'],
  async run(context) {
    const [{ serveCommand }, { projectPaths }] = await Promise.all([import('./serve.js'), import('../../pipeline.js')]);
    const args = { port: text(context, 'port'), public: flag(context, 'public'), team: flag(context, 'team'), now: context.now };
    return serveCommand(projectPaths(context.root), args, context.io, context.env);
  },
};
