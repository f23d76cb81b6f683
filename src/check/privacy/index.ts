// The privacy check: details that could identify a child or family, found offline in the issue's
// own text, each pinned to its section, field and span. Tier 1 is an error until a person
// acknowledges it in the issue file; tiers 2 and 3 are warnings.
import type { Acknowledgement, Content, Issue } from '../../content/schema.js';
import type { Check } from '../context.js';
import { sectionRef } from '../section-ref.js';
import type { Finding } from '../finding.js';
import { type AllowList, buildAllowList } from './allow-list.js';
import type { Detection } from './detection.js';
import { privacyFix, privacyMessage } from './messages.js';
import { scanText } from './scan.js';
import { textFields } from './text.js';
import { photoFindings } from './photos.js';

export const privacyCheck: Check = {
  name: 'privacy',
  description: 'no detail that could identify a child or family: identifiers, names, schools, ages with places',
  run: async ({ content, issue, measured }) => {
    const review = await privacyReview(content, issue);
    if (review.acknowledged.length > 0)
      measured.acknowledged = [
        ...(measured.acknowledged ?? []),
        ...review.acknowledged.map(({ finding, acknowledgement: a }) => ({
          code: finding.code,
          section: finding.section,
          text: a.text,
          reason: a.reason,
          by: a.by,
        })),
      ];
    return review.findings;
  },
};

/** A finding a person has let stand, with their acknowledgement: for the report and the approval record. */
export interface AcknowledgedFinding {
  finding: Finding;
  acknowledgement: Acknowledgement;
}

export interface PrivacyReview {
  findings: Finding[];
  acknowledged: AcknowledgedFinding[];
}

export async function privacyReview(content: Content, issue: Issue, allow: AllowList = buildAllowList(content)): Promise<PrivacyReview> {
  const found: { detection: Detection; finding: Finding }[] = [];
  for (const field of textFields(issue)) {
    const where =
      field.section === null ? field.field : `section ${field.section + 1} (${issue.sections[field.section]!.type}), ${field.field}`;
    for (const d of await scanText(field.text, allow))
      found.push({
        detection: d,
        finding: {
          code: `privacy/${d.kind}`,
          severity: d.tier === 1 ? 'error' : 'warning',
          section: sectionRef(issue, field.section),
          message: privacyMessage(d),
          fix: privacyFix(d, issue.file, where),
          field: field.field,
          span: { start: d.start, end: d.end, text: d.text },
          quote: d.quote ?? d.text,
        },
      });
  }
  for (const photo of photoFindings(content, issue)) found.push(photo);
  const acks = issue.acknowledgements ?? [];
  const findings: Finding[] = [];
  const acknowledged: AcknowledgedFinding[] = [];
  for (const { detection, finding } of found) {
    const ack = acks.find((a) => a.code === finding.code && same(a.text, detection.quote ?? detection.text));
    if (ack) acknowledged.push({ finding, acknowledgement: ack });
    else findings.push(finding);
  }
  return { findings: [...findings, ...unused(issue, acks, acknowledged)], acknowledged };
}

/** The acknowledgements that quieted a finding: what the approval record lists. */
export async function acknowledgementsUsed(content: Content, issue: Issue): Promise<AcknowledgedFinding[]> {
  return (await privacyReview(content, issue)).acknowledged;
}

function same(a: string, b: string): boolean {
  const n = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  return n(a) === n(b);
}

/** A privacy acknowledgement that matches nothing any more: the text changed, or it was mistyped. */
function unused(issue: Issue, acks: Acknowledgement[], used: AcknowledgedFinding[]): Finding[] {
  return acks
    .filter((a) => a.code.startsWith('privacy/') && !used.some((u) => u.acknowledgement === a))
    .map((a) => ({
      code: 'privacy/unused-acknowledgement',
      severity: 'warning' as const,
      section: null,
      message: `the acknowledgement of ${a.code} "${a.text}" (by ${a.by}) matches nothing in the issue`,
      fix: `remove it under "Acknowledged findings" in the studio's editor (or from acknowledgements in ${issue.file}), or acknowledge the finding again from the editor's "Acknowledge" button`,
    }));
}
