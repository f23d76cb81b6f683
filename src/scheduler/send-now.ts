// A person fires a due send at once (`newsletter publish <id> --now`, and the studio's "Send now"):
// typically one the daemon held because it was too late. It takes the same lease the daemon
// takes, so the two never both send; Mailchimp is read before anything is sent.
import { MailchimpClient, mailchimpConfigFromEnv } from '../mailchimp/index.js';
import type { ProjectPaths } from '../pipeline.js';
import type { Store } from '../state/store.js';
import { leaseOwner } from './clock.js';
import { schedulerConfigFromEnv } from './config.js';
import { sendNow } from './commands.js';
import type { FireResult } from './due-send.js';
import type { Logger } from './log.js';

/** What became of it, in the words both doors print after "<id>: ". */
export const SEND_NOW_SAID: Readonly<Record<FireResult, string>> = {
  sent: 'sent now: Mailchimp is sending it',
  'found-sending': 'already sending in Mailchimp — recorded, not sent again',
  held: 'NOT sent — it needs attention (see above and `newsletter log`)',
  dropped: 'NOT sent — the issue is no longer scheduled',
  released: 'NOT sent — Mailchimp could not be reached; try again',
  uncertain: 'perhaps sent — Mailchimp did not answer; the daemon reads it back when the claim runs out. Do not send it again by hand',
};

export interface SendDueNowArgs {
  store: Store;
  paths: ProjectPaths;
  env: NodeJS.ProcessEnv;
  /** Who confirms it, for the audit log. */
  by: string;
  log: Logger;
  clock?: () => Date;
}

export async function sendDueNow(args: SendDueNowArgs, id: string): Promise<FireResult> {
  const config = schedulerConfigFromEnv(args.env);
  const mailchimp = MailchimpClient.fromConfig(mailchimpConfigFromEnv(args.env));
  return sendNow(
    {
      store: args.store,
      paths: args.paths,
      clock: args.clock ?? (() => new Date()),
      owner: leaseOwner(),
      actor: args.by,
      config,
      mailchimp: () => mailchimp,
      transport: () => {
        throw new Error('a due send sent now sends no email of its own');
      },
      log: args.log,
      stopping: () => false,
    },
    id,
  );
}
