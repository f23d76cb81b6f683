// GET /healthz on loopback: the daemon's last tick and reconcile and the work it has in hand, for
// a monitor or a person with curl. 200 while the last tick is recent, 503 when it is not.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChainCheck } from '../state/audit-chain.js';
import { auditChainWords } from '../workflow/audit-words.js';

export interface Health {
  ok: boolean;
  [key: string]: unknown;
}

export async function startHealth(port: number, report: () => Health): Promise<{ port: number; close(): Promise<void> }> {
  // Explicit limits: a client that never finishes its request is let go; the answer itself never waits.
  const server: Server = createServer({ headersTimeout: 10_000, requestTimeout: 10_000 }, (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== '/healthz') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found: try GET /healthz\n');
      return;
    }
    let body: Health;
    try {
      body = report();
    } catch (e) {
      body = { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    const text = `${JSON.stringify(body, null, 2)}\n`;
    res.writeHead(body.ok ? 200 : 503, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(text);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The audit log's chain as /healthz tells it: plainly broken, and where; it does not stop the daemon. */
export function auditLogHealth(c: ChainCheck): { intact: boolean; entries: number; brokenAt?: number; says: string } {
  return { intact: c.intact, entries: c.entries, ...(c.intact ? {} : { brokenAt: c.seq }), says: auditChainWords(c) };
}
