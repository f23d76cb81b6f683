// Which role may do what: the one place the team studio asks "may this person do this?".
// The lifecycle table (src/workflow/lifecycle.ts, `decide(action, status, role)`) is to hold the
// whole rule, status and role together; until it does, this function is the role half of it, and
// is the only thing to rewire when it lands. Each role can do all the one before it can.
import type { IssueStatus } from '../state/status.js';
import { ROLES, type Role } from '../state/team.js';

export type TeamAction =
  | 'new'
  | 'edit'
  | 'check'
  | 'share'
  | 'proof'
  | 'approve'
  | 'unapprove'
  | 'publish'
  | 'unschedule'
  | 'send-now'
  | 'import-sent'
  | 'report'
  | 'team';

/** The least role that may do each action. */
const LEAST: Record<TeamAction, Role> = {
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

const WORDS: Record<TeamAction, string> = {
  new: 'start a new issue',
  edit: 'edit an issue',
  check: 'check an issue',
  share: 'share a draft',
  proof: 'send a proof',
  approve: 'approve an issue',
  unapprove: 'withdraw an approval',
  publish: 'publish or schedule an issue',
  unschedule: 'unschedule an issue',
  'send-now': 'send a due issue now',
  'import-sent': 'record an issue as sent before the tool',
  report: 'refresh a report',
  team: 'change the team',
};

export type Decision = { ok: true } | { ok: false; reason: string; instead: string };

/** May someone with this role do this action (no role: the one-person studio or the CLI on the host)? */
export function mayDo(action: TeamAction, _status: IssueStatus | undefined, role?: Role): Decision {
  if (role === undefined) return { ok: true };
  const least = LEAST[action];
  if (ROLES.indexOf(role) >= ROLES.indexOf(least)) return { ok: true };
  const needed = ROLES.slice(ROLES.indexOf(least)).join(' or ');
  return {
    ok: false,
    reason: `You are a ${role} on this team, and only a ${needed} can ${WORDS[action]}.`,
    instead: 'Nothing was done or recorded. Ask an admin of the team if your role should change.',
  };
}
