// What the studio and the editor say when the lifecycle table refuses an action: in workflow,
// below the studio and the editor, which both say it, in the table's own words.
import { type Action, decide, type IssueStatus, verdictWords } from './lifecycle.js';

/**
 * The lifecycle table's refusal of an action in this status, as the studio says it ("This issue …"):
 * the CLI's error and hint, word for word, as two sentences. Nothing when the action may be done.
 */
export function refusedNow(action: Action, status: IssueStatus): string | undefined {
  const verdict = decide(action, status);
  return verdict.ok ? undefined : verdictWords(verdict);
}

/**
 * Why an issue being sent, or sent, is no longer approved, proofed, shared or edited: what went
 * out is its record. The table's one sentence for the issue page, the editor and the refused requests.
 */
export function issueClosed(status: 'sending' | 'sent'): string {
  return refusedNow('edit', status)!;
}
