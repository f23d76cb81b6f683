// `newsletter import-sent <id> --by "Name"`: record an issue that went out before this tool. It is
// the only way an issue becomes sent without Mailchimp saying so, and it is done by a named
// person, on purpose: the sent record (content/issues/<id>/sent/) is written from today's render,
// dated at its sendAt, and the store and the audit log say who recorded it.
import { readSentRecord } from '../archive/sent.js';
import { recordSent } from './record-sent.js';
import { NewsletterError } from '../errors.js';
import type { ProjectPaths } from '../pipeline.js';
import { londonToUtc, ukInstant, withSendTime } from '../time/uk.js';
import type { Store } from '../state/store.js';
import { currentIssue, refuseOnErrors, validActor } from './current.js';
import { refuseUnless } from '../lifecycle.js';
import { readStatuses, recordDir } from './sent-status.js';

export interface ImportSentArgs {
  id: string;
  by: string;
  now: () => Date;
}

export interface ImportSentResult {
  id: string;
  sentAt: Date;
  hash: string;
  record: string;
}

export async function importSent(paths: ProjectPaths, store: Store, args: ImportSentArgs): Promise<ImportSentResult> {
  const by = validActor(args.by, 'records the issue as sent');
  const now = args.now();
  const status = (await readStatuses(store, paths)).get(args.id);
  refuseUnless('import-refused', 'import-sent', (await readSentRecord(paths, args.id)) ? 'sent' : status, args.id);
  // A draft the store has seen before (approved once, then withdrawn) went through the tool too.
  if (store.statuses.known(args.id))
    throw new NewsletterError(
      'import-refused',
      `${args.id} has been through this tool (it is ${status}), so it was not sent before it — nothing was recorded`,
      { hint: `an issue sent by the tool is recorded when Mailchimp reports it sent; see \`newsletter status ${args.id}\`` },
    );
  // Judged as the sent issue it will be: its send time is history, not a time to come.
  const { content, issue, snapshot, report } = await currentIssue(paths, args.id, now, { sent: true });
  const sentAt = londonToUtc(withSendTime(issue.sendAt, content.newsletter.defaultSendTime));
  if (sentAt.getTime() > now.getTime())
    throw new NewsletterError(
      'import-refused',
      `${args.id} is to be sent on ${ukInstant(sentAt)} (sendAt in ${issue.file}), which has not come yet — an issue recorded as sent before the tool went out at its sendAt`,
      { hint: `correct sendAt to when it went out, or approve and publish it instead` },
    );
  refuseOnErrors(report, 'recorded as sent');
  await recordSent(paths, snapshot, sentAt);
  const record = recordDir(paths, args.id);
  store.tx(() => {
    // The store has never seen this issue (refused above otherwise); another process may have folded the record in meanwhile.
    store.statuses.importSent(args.id);
    const details = { from: record, sentAt: sentAt.toISOString(), deliberate: true };
    store.audit.append({ actor: by, action: 'import-sent', issue: args.id, hash: snapshot.hash, details });
  });
  return { id: args.id, sentAt, hash: snapshot.hash, record };
}
