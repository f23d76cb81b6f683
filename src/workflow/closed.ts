// What is said of an issue that is being sent, or was: in workflow, below the studio and the
// editor, which both say it.

/**
 * Why an issue being sent, or sent, is no longer approved, proofed, shared or edited: what went
 * out is its record. One sentence for the issue page, the editor and the refused requests.
 */
export function issueClosed(id: string, status: 'sending' | 'sent'): string {
  return status === 'sent'
    ? `This issue has been sent. Its public page, /archive/${id}/, is what subscribers received; it is not approved, proofed, shared or edited again.`
    : 'This issue is being sent now: it cannot be approved, proofed, shared or edited while it goes out.';
}
