// HTML escaping, written once: for the pages written in code rather than templates (through
// page/html.ts's markup``), merge-tag values, proof mails and the daily reminder.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
