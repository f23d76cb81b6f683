// How the studio says where an issue stands: its status, and whether its approval is fresh,
// waiting for more approvers, or stale ("changed since approval"), with who and when. Pure.
import { ukInstant } from '../../time/uk.js';
import { type Html, joinHtml, markup } from '../../page/html.js';
import type { Approval } from '../../state/approvals.js';
import type { IssueStatus } from '../../state/status.js';
import type { Standing } from '../standing.js';
import { approverKey } from '../../state/approvals.js';

export const statusTag = (status: IssueStatus): Html => markup`<span class="tag tag-${status}">${status}</span>`;

const who = (approvals: Approval[]): Html =>
  joinHtml(
    approvals.map((a) => markup`${a.approver} on ${ukInstant(a.approvedAt)}`),
    '; ',
  );

/** The approval in a few words, for the list of issues. */
export function approvalSummary(s: Standing): Html {
  const a = s.approval;
  switch (a.state) {
    case 'none':
      return s.status === 'sent' ? markup`<span class="muted">sent</span>` : markup`<span class="muted">not approved</span>`;
    case 'fresh':
      return markup`<span class="tag tag-fresh">fresh</span> ${who(a.approvals)}`;
    case 'partial':
      return markup`<span class="tag tag-partial">${a.approvals.length} of ${a.needed}</span> ${who(a.approvals)}`;
    case 'stale':
      return markup`<span class="tag tag-stale">stale</span> <strong>changed since approval</strong> (${who(a.approvals)})`;
  }
}

/** The approval in full, for the issue page. */
export function approvalDetail(s: Standing): Html {
  const a = s.approval;
  switch (a.state) {
    case 'none':
      return s.status === 'sent' ? markup`Sent: approval no longer applies.` : markup`Not approved yet.`;
    case 'fresh':
      return markup`<span class="tag tag-fresh">fresh</span> Approved as it is now by ${who(a.approvals)}.`;
    case 'partial': {
      const more = a.needed - new Set(a.approvals.map(approverKey)).size;
      return markup`<span class="tag tag-partial">waiting</span> Approved as it is now by ${who(a.approvals)}; ${more} more approver${more === 1 ? '' : 's'} needed (newsletter.yaml approvals: ${a.needed}).`;
    }
    case 'stale':
      // Once scheduled, the approved version is what would go out: the file now says otherwise.
      return s.status === 'needs-attention' || s.status === 'scheduled'
        ? markup`<span class="tag tag-stale">stale</span> <strong>Changed since approval.</strong> Approved by ${who(a.approvals)}; Mailchimp would send that approved version, not what the file says now.`
        : markup`<span class="tag tag-stale">stale</span> <strong>Changed since approval.</strong> Approved by ${who(a.approvals)}, but the content is different now: approve it again before it can be scheduled.`;
  }
}

/** The status line of the issue page; its key changes whenever it does, so live reload swaps it. */
export function standingBlock(s: Standing, key: string): Html {
  return markup`<dl id="standing" class="standing" data-render="${key}">
<div><dt>Status</dt><dd>${statusTag(s.status)}</dd></div>
<div><dt>Approval</dt><dd>${approvalDetail(s)}</dd></div>${
    s.attention
      ? markup`
<div id="attention"><dt>Needs attention</dt><dd>${s.attention.charAt(0).toUpperCase()}${s.attention.slice(1)}.</dd></div>`
      : ''
  }
</dl>`;
}
