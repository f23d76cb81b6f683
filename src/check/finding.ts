// A finding of a check. Its zod schema is the contract of `check --json`.
import { z } from 'zod';
import { CHECK_REPORT_SCHEMA_VERSION } from './report-version.js';

/** A hint is shown but never counted: advice a person may rightly let stand (passive voice, an issue already sent). */
export const Severity = z.enum(['error', 'warning', 'hint']);
export type Severity = z.infer<typeof Severity>;

export const SectionRef = z.object({ index: z.number().int().nonnegative(), type: z.string(), title: z.string() });
export type SectionRef = z.infer<typeof SectionRef>;

export const Finding = z.object({
  /** Stable code, "<check>/<what>", e.g. "size/near-clip". */
  code: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/),
  severity: Severity,
  /** The section the finding comes from; null when it is about the whole issue. */
  section: SectionRef.nullable(),
  message: z.string().min(1),
  fix: z.string().min(1),
  /** Where to fix it, when a finding knows: the file as named in messages, line and column counting from 1. */
  file: z.string().optional(),
  line: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
  /** The field inside the section (or the issue) the finding is in, e.g. "body", "items.0.body", "subject". */
  field: z.string().optional(),
  /** The text found, and where it sits in the field's value (UTF-16 offsets, end exclusive). */
  span: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), text: z.string() }).optional(),
  /** Present when a person may let the finding stand: the text an acknowledgement of it quotes. */
  quote: z.string().optional(),
});
export type Finding = z.infer<typeof Finding>;

export { CHECK_REPORT_SCHEMA_VERSION } from './report-version.js';

/** SpamAssassin's verdict on the whole message, reported whatever the score (not a finding). */
export const SpamAssassinScore = z.object({
  score: z.number(),
  required: z.number(),
  rules: z.array(z.string()),
  scoredBy: z.enum(['spamassassin', 'spamd']),
});
export type SpamAssassinScore = z.infer<typeof SpamAssassinScore>;

/** A finding a person let stand in the issue file (`acknowledgements`), with who and why: the approval lists these. */
export const AcknowledgedFinding = z.object({
  code: z.string(),
  section: SectionRef.nullable(),
  text: z.string(),
  reason: z.string(),
  by: z.string(),
});
export type AcknowledgedFinding = z.infer<typeof AcknowledgedFinding>;

export const CheckReport = z.object({
  schemaVersion: z.literal(CHECK_REPORT_SCHEMA_VERSION),
  issue: z.string(),
  hash: z.string().nullable(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  findings: z.array(Finding),
  /** Present when SpamAssassin is installed and scored the issue. */
  spamAssassin: SpamAssassinScore.optional(),
  /** Findings quieted by an acknowledgement in the issue file. */
  acknowledged: z.array(AcknowledgedFinding).optional(),
});
export type CheckReport = z.infer<typeof CheckReport>;
