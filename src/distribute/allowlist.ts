// Who may receive a proof: PROOF_ALLOWLIST lists addresses and @domains, separated by commas or
// spaces. Recipients are judged before any connection is made.
import { NewsletterError } from '../errors.js';

export const MAX_PROOF_RECIPIENTS = 20;

// One address, no display name, no control characters (a line break would be header injection).
const ADDRESS = /^[^\s@<>,;"\\\u0000-\u001f\u007f]+@[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+$/i;

export function parseAllowlist(value: string | undefined): string[] {
  return (value ?? '')
    .split(/[\s,;]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
}

export function allowed(address: string, allowlist: readonly string[]): boolean {
  const a = address.toLowerCase();
  const domain = a.slice(a.lastIndexOf('@'));
  return allowlist.includes(a) || allowlist.includes(domain);
}

/** The recipients, cleaned, or a refusal that says which addresses and why. */
export function proofRecipients(to: readonly string[], allowlistValue: string | undefined): string[] {
  const list = [...new Set(to.map((s) => s.trim()).filter(Boolean))];
  if (list.length === 0) throw new NewsletterError('usage', 'say who should receive the proof: --to a@example.org,b@example.org');
  if (list.length > MAX_PROOF_RECIPIENTS)
    throw new NewsletterError('proof-refused', `a proof goes to at most ${MAX_PROOF_RECIPIENTS} people; ${list.length} were given`);
  const malformed = list.filter((a) => !ADDRESS.test(a));
  if (malformed.length)
    throw new NewsletterError('proof-refused', `not an email address: ${malformed.map((a) => JSON.stringify(a)).join(', ')}`, {
      hint: 'give plain addresses separated by commas, e.g. --to a@example.org,b@example.org',
    });
  const allowlist = parseAllowlist(allowlistValue);
  if (allowlist.length === 0)
    throw new NewsletterError('proof-refused', 'PROOF_ALLOWLIST is empty, so proofs can go to nobody', {
      hint: "add a line to the .env file in the project folder with the reviewers' addresses or domains, e.g. PROOF_ALLOWLIST=@education.gov.uk,reviewer@example.org — the studio reads .env again for each proof, no restart needed",
    });
  const refused = list.filter((a) => !allowed(a, allowlist));
  if (refused.length)
    throw new NewsletterError('proof-refused', `not in PROOF_ALLOWLIST, so no proof was sent: ${refused.join(', ')}`, {
      hint: 'add the address (or its @domain) to PROOF_ALLOWLIST in the .env file in the project folder if they should receive proofs — the studio reads .env again for each proof, no restart needed',
    });
  return list;
}
