// `newsletter backup <file>`: a copy of the state store, made safely while the studio and the
// daemon use it (SQLite's online backup), for the host's backups.
import type { Command } from '../command.js';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'copy the state store (statuses, approvals, team, audit log) to a file, safely while it is in use',
  usage: ['backup <file>'],
  options: {},
  example: ['newsletter backup /var/backups/newsletter/state-$(date +%F).db'],
  async run(context) {
    const [{ UsageError }, { withStateStore }, { existsSync }, path] = await Promise.all([
      import('../io.js'),
      import('../store.js'),
      import('node:fs'),
      import('node:path'),
    ]);
    const [file, ...extra] = context.positionals;
    if (!file || extra.length) throw new UsageError('give the file to write the copy to: newsletter backup <file>');
    const to = path.resolve(context.root, file);
    if (existsSync(to)) throw new UsageError(`${file} exists already — give a new file name, so no earlier backup is overwritten`);
    if (!existsSync(path.dirname(to))) throw new UsageError(`the folder ${path.dirname(file)} does not exist — make it first`);
    return withStateStore(context, async (store) => {
      if (path.resolve(store.file) === to) throw new UsageError('that is the store itself — give another file');
      await store.backup(to);
      context.io.out(
        `Copied the state store to ${file}. Keep it with the content folder's git history; restore by putting it back as NEWSLETTER_DB.`,
      );
      return 0;
    });
  },
};
