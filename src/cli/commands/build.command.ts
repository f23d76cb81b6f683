// `newsletter build`: what it takes and says in its help; the work is in build.ts, loaded when it runs.
import { type Command, flag } from '../command.js';

export const build: Command = {
  name: 'build',
  summary: 'render email HTML, plain text and web version into dist/',
  usage: ['build [<id>...] [--site]'],
  options: {
    site: { type: 'boolean', description: 'also write the public archive of sent issues and its feed into dist/site/' },
  },
  example: [
    'newsletter build 2022-04        # one issue into dist/issues/2022-04/',
    'newsletter build --site        # every issue, the index and the archive',
  ],
  async run(context) {
    const [{ buildCommand }, { projectPaths }] = await Promise.all([import('./build.js'), import('../../files/project-paths.js')]);
    return buildCommand(projectPaths(context.root), { ids: context.positionals, site: flag(context, 'site') }, context.io);
  },
};
