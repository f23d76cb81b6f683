// `report --refresh` and the studio's "Refresh the report": read Mailchimp's report on a sent
// issue now and keep the reading. Refused, in the same words at both doors, for an issue the
// lifecycle table has no report for, and for one sent before the tool (no campaign to read).
import { refuseUnless } from '../lifecycle.js';
import { MailchimpClient } from '../mailchimp/index.js';
import type { ProjectPaths } from '../pipeline.js';
import { requireMailchimp } from '../publish/remote.js';
import type { Store } from '../state/store.js';
import { readStatuses } from '../workflow/sent-status.js';
import { type ReadingOutcome, takeReading } from './fetch.js';
import { notSent, sentIssueOf } from './load.js';

export interface RefreshArgs {
  id: string;
  env: NodeJS.ProcessEnv;
  now: Date;
  progress: (line: string) => void;
}

export async function refreshReport(paths: ProjectPaths, store: Store, args: RefreshArgs): Promise<ReadingOutcome> {
  refuseUnless('report-not-sent', 'report', (await readStatuses(store, paths)).get(args.id), args.id);
  const sent = await sentIssueOf(paths, store, args.id);
  if (!sent) throw notSent(args.id);
  const client = MailchimpClient.fromConfig(requireMailchimp(args.env), { log: args.progress });
  args.progress(`Reading Mailchimp's report on campaign ${sent.campaignId}…`);
  return takeReading(client, store, { issueId: args.id, campaignId: sent.campaignId, slot: 'asked', now: args.now });
}
