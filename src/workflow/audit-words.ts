// The audit trail in plain words, as `newsletter log` prints it: when (UK time), who, and what
// they did, in a sentence; the content hash, for those who compare, comes last and short.
// `log --json` keeps the full record for machines. Pure.
import { campaignStatusWords } from '../mailchimp/status-words.js';
import { ukInstant } from '../time/uk.js';
import type { AuditEntry } from '../state/audit.js';
import type { ChainCheck } from '../state/audit-chain.js';

type Details = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
const at = (v: unknown) => (typeof v === 'string' && !Number.isNaN(Date.parse(v)) ? ukInstant(new Date(v)) : '');
const campaign = (d: Details) => (d.campaignId ? ` (campaign ${str(d.campaignId)})` : '');

/** What a publish step did, in the words the publish plan uses. */
const STEP: Record<string, string> = {
  'create-campaign': 'create the campaign',
  unschedule: 'unschedule the campaign',
  'update-settings': "update the campaign's settings",
  'set-content': 'set the content',
  'read-checklist': "read Mailchimp's send checklist",
  schedule: 'schedule the campaign',
};
const PHASE: Record<string, string> = { started: 'started', done: 'done', failed: 'FAILED' };

const WHAT: Record<string, (issue: string, d: Details) => string> = {
  proof: (issue, d) => {
    const delivered = list(d.delivered);
    const refused = Array.isArray(d.refused) ? d.refused.length : 0;
    const outcome = d.failed ? `; it FAILED: ${str(d.failed)}` : refused ? `; ${delivered.length} delivered, ${refused} refused` : '';
    const forced = d.forced ? ` despite ${Number(d.checkErrors)} error${Number(d.checkErrors) === 1 ? '' : 's'} from check (--force)` : '';
    return `sent a proof of ${issue} to ${list(d.to).join(', ')}${d.via === 'mailchimp' ? ' as a Mailchimp test email' : d.via ? ` through ${str(d.via)}` : ''}${forced}${outcome}`;
  },
  approve: (issue, d) => {
    const acks = Array.isArray(d.acknowledged) ? d.acknowledged.length : 0;
    return `approved ${issue}${acks ? `, letting stand ${acks} acknowledged finding${acks === 1 ? '' : 's'}` : ''}`;
  },
  unapprove: (issue) => `withdrew the approval of ${issue}`,
  share: (issue, d) => `made a preview link to ${issue}${d.expiresAt ? `, valid until ${at(d.expiresAt)}` : ''}`,
  unshare: (issue, d) => `withdrew ${Number(d.withdrawn)} preview link${d.withdrawn === 1 ? '' : 's'} to ${issue}`,
  status: (issue, d) => `moved ${issue} from ${str(d.from)} to ${str(d.to)}`,
  'publish-step': (issue, d) =>
    `publishing ${issue}: ${STEP[str(d.step)] ?? str(d.step)}${d.at ? ` for ${at(d.at)}` : ''} — ${PHASE[str(d.phase)] ?? str(d.phase)}${d.error ? `: ${str(d.error)}` : ''}`,
  unschedule: (issue, d) =>
    d.unscheduledInMailchimp
      ? `unscheduled ${issue} in Mailchimp${campaign(d)}`
      : `unscheduled ${issue} (it was not scheduled in Mailchimp)`,
  'due-send': (issue, d) => `gave ${issue} to the daemon to send at ${at(d.dueAt)}${campaign(d)}`,
  'send-confirmed': (issue) => `confirmed that ${issue} be sent now, though its time had passed`,
  'send-started': (issue, d) => `asked Mailchimp to send ${issue}${campaign(d)}`,
  send: (issue, d) => `sending ${issue}: ${str(d.outcome)}${campaign(d)}`,
  sending: (issue, d) => `saw ${issue} ${campaignStatusWords('sending', at(d.sendTime))}${campaign(d)}`,
  sent: (issue, d) =>
    `recorded ${issue} as sent${d.sentAt ? ` on ${at(d.sentAt)}` : ''}${typeof d.emailsSent === 'number' ? `, ${d.emailsSent} emails` : ''}`,
  'import-sent': (issue) => `recorded ${issue} as sent before the tool was used`,
  'campaign-found': (issue, d) => `found ${issue}'s campaign ${str(d.campaignId)} in Mailchimp by its title`,
  'needs-attention': (issue, d) => `set ${issue} aside for a person to look at: ${str(d.reason)}`,
  'audit-guards-restored': (_issue, d) =>
    `found the audit log's guards (${list(d.triggers).join(', ')}) dropped or changed outside newsletter, and put them back`,
  // Team mode (src/team): saves in the studio, shares, sign-in and the team.
  save: (issue, d) => `saved ${issue === 'every issue' ? str(d.file) : issue}: ${list(d.fields).join('; ') || 'no field changed'}`,
  'sign-in': (_issue, d) => `signed in to the team studio (${str(d.issuer)})`,
  'sign-in-refused': (_issue, d) => `was refused sign-in: ${str(d.why)}`,
  'team-add': (_issue, d) => `added ${str(d.name)} <${str(d.email)}> to the team as ${str(d.role)}`,
  'team-change': (_issue, d) => `changed ${str(d.email)} on the team to ${str(d.name)}, ${str(d.role)}`,
  'team-remove': (_issue, d) => `removed ${str(d.name)} <${str(d.email)}> (${str(d.role)}) from the team`,
};

/** One line of `newsletter log`: "5 April 2022 at 9:03am (BST)  Ann Chair  approved 2022-04  (content 1a2b3c4d5e6f)". */
export function describeAuditEntry(e: AuditEntry): string {
  const issue = e.issue ?? 'every issue';
  const what = WHAT[e.action]?.(issue, e.details) ?? `${e.action} ${issue}${otherDetails(e.details)}`;
  return [ukInstant(e.at), e.actor, what, ...(e.hash ? [`(content ${e.hash.slice(0, 12)})`] : [])].join('  ');
}

function otherDetails(d: Details): string {
  const parts = Object.entries(d).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/** What `log --verify`, `status`, the studio and /healthz say of the chain of seals. */
export function auditChainWords(c: ChainCheck): string {
  if (c.intact)
    return `The audit log is whole: ${c.entries} entr${c.entries === 1 ? 'y' : 'ies'}, each sealed to the one before${c.entries ? `; the last seal is ${c.head}` : ''}.`;
  return `The audit log was changed outside newsletter: ${c.problem}. Entries from entry ${c.seq} on cannot be trusted — compare with a backup of the store.`;
}
