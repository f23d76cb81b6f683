// The one lifecycle table: an issue's statuses, the changes allowed between them, and for every
// action (the CLI's commands, the studio's buttons, the editor's save, the daemon's sends) whether
// it may be done now, by whom, and — when not — why, in plain words, and what to do instead.
// Every door asks `decide`; the CLI and the studio only print its verdict. Pure.
import { type ErrorCode, NewsletterError } from './errors.js';

export const ISSUE_STATUSES = ['draft', 'approved', 'scheduled', 'sending', 'sent', 'cancelled', 'needs-attention'] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];

/**
 * Which status may follow which. Approval can be withdrawn and a schedule cancelled; a send is
 * never undone. `needs-attention` is where an issue is parked when what will be sent may differ
 * from what was approved (a campaign that drifted, a send not confirmed, a scheduled issue whose
 * file changed); a person moves it on.
 */
export const TRANSITIONS: Readonly<Record<IssueStatus, readonly IssueStatus[]>> = {
  draft: ['approved', 'cancelled'],
  approved: ['draft', 'scheduled', 'sending', 'cancelled'],
  scheduled: ['approved', 'sending', 'sent', 'needs-attention', 'cancelled'],
  sending: ['sent', 'needs-attention'],
  sent: [],
  cancelled: ['draft'],
  'needs-attention': ['draft', 'approved', 'scheduled', 'sent', 'cancelled'],
};

export function canChange(from: IssueStatus, to: IssueStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The changes that take an issue to sent, as the table allows them: straight there, or through sending. */
export function stepsToSent(from: IssueStatus): IssueStatus[] {
  if (canChange(from, 'sent')) return ['sent'];
  return canChange(from, 'sending') ? ['sending', 'sent'] : [];
}

export const ACTIONS = [
  'new',
  'edit',
  'check',
  'share',
  'proof',
  'approve',
  'unapprove',
  'publish',
  'unschedule',
  'send-now',
  'import-sent',
  'report',
  'team',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Each role can do all that the one before it can. */
export const ROLES = ['writer', 'approver', 'publisher', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The least role that may do each action. */
export const MIN_ROLE: Readonly<Record<Action, Role>> = {
  new: 'writer',
  edit: 'writer',
  check: 'writer',
  share: 'writer',
  proof: 'writer',
  approve: 'approver',
  unapprove: 'approver',
  publish: 'publisher',
  unschedule: 'publisher',
  'send-now': 'publisher',
  'import-sent': 'publisher',
  report: 'publisher',
  team: 'admin',
};

export function roleMay(role: Role, action: Action): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(MIN_ROLE[action]);
}

export type Verdict = { ok: true } | { ok: false; reason: string; instead: string };

/** What each action is called in a sentence ("… cannot be proofed"). */
const DONE: Readonly<Record<Action, string>> = {
  new: 'made',
  edit: 'edited',
  check: 'checked',
  share: 'shared',
  proof: 'proofed',
  approve: 'approved',
  unapprove: 'unapproved',
  publish: 'published',
  unschedule: 'unscheduled',
  'send-now': 'sent now',
  'import-sent': 'recorded as sent before the tool',
  report: 'reported on',
  team: 'changed',
};

/** The statuses each issue action may be done in; actions not listed here do not depend on status. */
const ALLOWED_IN: Partial<Readonly<Record<Action, readonly IssueStatus[]>>> = {
  edit: ['draft', 'approved', 'cancelled'],
  share: ['draft', 'approved', 'scheduled', 'cancelled', 'needs-attention'],
  proof: ['draft', 'approved', 'scheduled', 'cancelled', 'needs-attention'],
  approve: ['draft', 'approved'],
  unapprove: ['draft', 'approved'],
  publish: ['approved', 'scheduled'],
  unschedule: ['draft', 'approved', 'scheduled', 'cancelled', 'needs-attention'],
  'send-now': ['approved', 'scheduled', 'needs-attention'],
  'import-sent': ['draft'],
  report: ['sent'],
};

const article = (role: Role) => (role === 'approver' || role === 'admin' ? 'an' : 'a');

/**
 * May `action` be done to an issue in `status`, by someone with `role`? No role means the
 * one-person studio or the CLI on the host: only the status is judged. `issue` (an id) lets the
 * words name the command to run instead.
 */
export function decide(action: Action, status: IssueStatus, role?: Role, issue?: string): Verdict {
  if (role !== undefined && !roleMay(role, action)) {
    const needed = MIN_ROLE[action];
    return {
      ok: false,
      reason: `Only ${article(needed)} ${needed} or above may do this: you are ${article(role)} ${role}, so it cannot be ${DONE[action]} by you`,
      instead: `Ask ${article(needed)} ${needed} on the team to do it, or an admin to give you that role`,
    };
  }
  const allowed = ALLOWED_IN[action];
  if (!allowed || allowed.includes(status)) return { ok: true };
  return refusal(action, status, issue);
}

function refusal(action: Action, status: IssueStatus, issue: string | undefined): Refusal {
  const it = issue ?? 'This issue';
  const cmd = (words: string, more = '') => `\`newsletter ${words}${issue ? ` ${issue}` : ''}${more}\``;
  const done = DONE[action];
  const no = (reason: string, instead: string): Refusal => ({ ok: false, reason, instead });
  if (action === 'import-sent')
    return status === 'sent'
      ? no(`${it} is already recorded as sent; nothing was changed`, `See it with ${cmd('status')}`)
      : no(
          `${it} has been through this tool (it is ${status}), so it was not sent before it — nothing was recorded`,
          `An issue the tool sends is recorded when Mailchimp reports it sent; see ${cmd('status')}`,
        );
  if (action === 'report')
    return no(`${it} has not been sent, so there is no report of it yet`, `Its report is there once it has gone out`);
  switch (status) {
    case 'sent':
      return no(
        `${it} has been sent`,
        `Its public page${issue ? `, /archive/${issue}/,` : ''} is what subscribers received; it is not approved, proofed, shared or edited again`,
      );
    case 'sending':
      return no(
        `${it} is being sent now`,
        `It cannot be approved, proofed, shared or edited while it goes out; see ${cmd('status')} once it has gone`,
      );
    case 'scheduled':
      if (action === 'edit')
        return no(
          `${it} is scheduled: Mailchimp will send the approved version, so it cannot be edited now`,
          `Unschedule to edit: run ${cmd('unschedule')}, then edit it, approve it again and publish it again`,
        );
      return no(`${it} is scheduled, so it cannot be ${done}`, `Run ${cmd('unschedule')} first to change what is sent`);
    case 'needs-attention':
      return no(
        `${it} needs attention: what will be sent may differ from what was approved, so it cannot be ${done} until a person has looked`,
        `See why with ${cmd('status')} and ${cmd('log')}; to change it, run ${cmd('unschedule')}, then edit it and approve it again`,
      );
    case 'cancelled':
      return no(`${it} is cancelled, so it cannot be ${done}`, `Edit it to bring it back as a draft, then approve it again`);
    default:
      // A draft; an approved issue refuses only a report and an import, said above.
      return no(`${it} is not approved, so it cannot be ${done}`, `Check it, then approve it with ${cmd('approve', ' --by "Your Name"')}`);
  }
}

type Refusal = Verdict & { ok: false };

/** A refusal as a person reads it in the studio: two sentences, the CLI's error and hint word for word. */
export function verdictWords(v: Refusal): string {
  return `${v.reason}. ${v.instead}.`;
}

/** The refusal as the error a use case throws (its code says which door refused); nothing when allowed. */
export function refuseUnless(code: ErrorCode, action: Action, status: IssueStatus, issue: string, role?: Role): void {
  const verdict = decide(action, status, role, issue);
  if (!verdict.ok) throw new NewsletterError(code, verdict.reason, { hint: verdict.instead });
}
