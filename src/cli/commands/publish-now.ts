// `newsletter publish <id> --now`: a person fires a due send at once; the work is in
// scheduler/send-now.ts, which the studio's "Send now" uses too.
import { userInfo } from 'node:os';
import { projectPaths } from '../../pipeline.js';
import { createLogger } from '../../scheduler/log.js';
import { SEND_NOW_SAID, sendDueNow } from '../../scheduler/send-now.js';
import { validActor } from '../../workflow/current.js';
import { type CommandContext, text } from '../command.js';
import { openStateStore } from '../store.js';

export async function confirmDueSend(context: CommandContext, id: string): Promise<number> {
  const by = validActor(text(context, 'by') ?? userInfo().username, 'sends it');
  const clock = context.now;
  const store = openStateStore(context.root, context.env, clock);
  try {
    const log = createLogger((line) => context.io.err(line), { tty: true, clock });
    const result = await sendDueNow({ store, paths: projectPaths(context.root), env: context.env, by, log, clock }, id);
    context.io.out(`${id}: ${SEND_NOW_SAID[result]}.`);
    return result === 'sent' || result === 'found-sending' ? 0 : result === 'held' || result === 'dropped' ? 1 : 2;
  } finally {
    store.close();
  }
}
