// `newsletter publish <id> --now`: a person fires a due send at once — typically one the daemon
// held because it was too late. It takes the same lease the daemon takes, so the two never both
// send; Mailchimp is read before anything is sent.
import { userInfo } from 'node:os';
import { MailchimpClient, mailchimpConfigFromEnv } from '../../mailchimp/index.js';
import { projectPaths } from '../../pipeline.js';
import { leaseOwner } from '../../scheduler/clock.js';
import { schedulerConfigFromEnv } from '../../scheduler/config.js';
import { sendNow } from '../../scheduler/commands.js';
import { createLogger } from '../../scheduler/log.js';
import { validActor } from '../../workflow/current.js';
import { type CommandContext, text } from '../command.js';
import { openStateStore } from '../store.js';

const SAID = {
  sent: 'sent now: Mailchimp is sending it',
  'found-sending': 'already sending in Mailchimp — recorded, not sent again',
  held: 'NOT sent — it needs attention (see above and `newsletter log`)',
  dropped: 'NOT sent — the issue is no longer scheduled',
  released: 'NOT sent — Mailchimp could not be reached; try again',
  uncertain: 'perhaps sent — Mailchimp did not answer; the daemon reads it back when the claim runs out. Do not send it again by hand',
} as const;

export async function confirmDueSend(context: CommandContext, id: string): Promise<number> {
  const by = validActor(text(context, 'by') ?? userInfo().username, 'sends it');
  const config = schedulerConfigFromEnv(context.env);
  const mailchimp = MailchimpClient.fromConfig(mailchimpConfigFromEnv(context.env));
  const clock = context.now;
  const store = openStateStore(context.root, context.env, clock);
  try {
    const result = await sendNow(
      {
        store,
        paths: projectPaths(context.root),
        clock,
        owner: leaseOwner(),
        actor: by,
        config,
        mailchimp: () => mailchimp,
        transport: () => {
          throw new Error('publish --now sends no email of its own');
        },
        log: createLogger((line) => context.io.err(line), { tty: true, clock }),
        stopping: () => false,
      },
      id,
    );
    context.io.out(`${id}: ${SAID[result]}.`);
    return result === 'sent' || result === 'found-sending' ? 0 : result === 'held' || result === 'dropped' ? 1 : 2;
  } finally {
    store.close();
  }
}
