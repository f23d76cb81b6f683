// Which role may do what, as the team studio's gate asks it: the lifecycle table's `decide`
// (src/lifecycle.ts), which judges the role first and then the status. The gate knows the status
// only for an issue's own routes; elsewhere (the team, a new issue, the shared lists) only the
// role is judged here, and the handler asks the table about the status as it always does.
import { type Action, decide, type IssueStatus, type Role, roleMay, type Verdict } from '../lifecycle.js';

export type TeamAction = Action;

export function mayDo(action: Action, status: IssueStatus | undefined, role?: Role): Verdict {
  if (status !== undefined) return decide(action, status, role);
  if (role === undefined || roleMay(role, action)) return { ok: true };
  // decide judges the role before the status, so any status gives the role's refusal.
  return decide(action, 'draft', role);
}
