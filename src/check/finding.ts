// A finding of a check. Its zod schema is the contract of `check --json`.
import { z } from 'zod';

export const Severity = z.enum(['error', 'warning']);
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
  /** The field inside the section (or the issue) the finding is in, e.g. "body", "items.0.body", "subject". */
  field: z.string().optional(),
  /** The text found, and where it sits in the field's value (UTF-16 offsets, end exclusive). */
  span: z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative(), text: z.string() }).optional(),
});
export type Finding = z.infer<typeof Finding>;

export const CheckReport = z.object({
  issue: z.string(),
  hash: z.string().nullable(),
  errors: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  findings: z.array(Finding),
});
export type CheckReport = z.infer<typeof CheckReport>;
