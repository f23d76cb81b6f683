// Commands that change an issue's campaign hold the issue's lease while they do (see
// src/state/issue-leases.ts): two publishes, or a publish and the daemon's due send, never interleave.
import { NewsletterError } from '../errors.js';
import { leaseOwner } from '../state/owners.js';
import type { Store } from '../state/store.js';

/** Long enough for a publish with its retries; a crashed holder on this host is taken over at once. */
const LEASE_MS = 15 * 60_000;

export async function withIssueLease<T>(store: Store, issue: string, action: string, work: () => Promise<T>): Promise<T> {
  const owner = leaseOwner();
  if (!store.issueLeases.acquire(issue, owner, action, LEASE_MS)) {
    const holder = store.issueLeases.holder(issue);
    throw new NewsletterError(
      'issue-busy',
      `${issue} is being changed now${holder ? ` (${holder.action}, by ${holder.owner}, until ${holder.leaseUntil.toISOString()})` : ''}`,
    );
  }
  try {
    return await work();
  } finally {
    store.issueLeases.release(issue, owner);
  }
}
