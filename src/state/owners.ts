// Who holds a lease: host, process id and a random part. Daemons and commands take leases under
// these names; a holder on this host whose process is gone need not be waited for.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/**
 * The name a daemon (or a command) takes leases under: host, process id and a random part, so
 * that a restarted process with a reused pid is still someone else.
 */
export function leaseOwner(pid = process.pid, host = hostname()): string {
  return `${host}:${pid}:${randomBytes(4).toString('hex')}`;
}

/**
 * Whether the owner of a lease is a process on this host that no longer runs: its claim need not
 * wait for the lease to run out. Another host's process cannot be seen, so it never counts as dead.
 */
export function ownerIsDead(owner: string, host = hostname()): boolean {
  const [ownerHost, pidText] = owner.split(':');
  const pid = Number(pidText);
  if (ownerHost !== host || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
