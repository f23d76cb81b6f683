// What a detector reports: a code, the span in the field's text, and what a person would quote
// to acknowledge it.
export type Tier = 1 | 2 | 3;

export interface Detection {
  /** The part after "privacy/", e.g. "postcode". */
  kind: string;
  tier: Tier;
  start: number;
  end: number;
  /** The text at the span. */
  text: string;
  /** What an acknowledgement's `text` must say for this finding; the span's text unless said otherwise. */
  quote?: string;
  /** Extra words for the message, e.g. which identifiers a paragraph combines. */
  detail?: string;
}

export function detection(
  kind: string,
  tier: Tier,
  at: { start: number; end: number; text: string },
  extra: Partial<Detection> = {},
): Detection {
  return { kind, tier, start: at.start, end: at.end, text: at.text, ...extra };
}
