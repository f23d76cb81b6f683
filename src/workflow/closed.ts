// What is refused now, in the lifecycle table's words: in workflow, below the studio and the
// editor, which both say it.
import { type Action, decide, type IssueStatus, verdictWords } from '../lifecycle.js';

/**
 * The lifecycle table's refusal of an action in this status, as the studio says it ("This issue …"):
 * the CLI's error and hint, word for word. Nothing when the action may be done.
 */
export function refusedNow(action: Action, status: IssueStatus): string | undefined {
  const verdict = decide(action, status);
  return verdict.ok ? undefined : verdictWords(verdict);
}

/** Why an issue being sent, or sent, is no longer approved, proofed, shared or edited: the table's one sentence for them all. */
export function issueClosed(status: 'sending' | 'sent'): string {
  return refusedNow('edit', status)!;
}
