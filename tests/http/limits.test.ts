// The server's own limits, tried over raw sockets: a client that never finishes its headers is
// answered 408 and let go; connections past the cap are dropped while the others are served.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/server/server.js';
import { type Running, runPreview } from '../helpers/preview-server.js';

let run: Running | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await run?.stop();
  run = undefined;
});

function open(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const s = connect(Number(port), hostname, () => resolve(s)).on('error', reject);
    sockets.push(s);
  });
}

/** What the server sends before it closes the socket, or "still open" if it has not within a bound. */
function untilClosed(s: Socket): Promise<string> {
  return new Promise((resolve) => {
    let got = '';
    const bound = setTimeout(() => resolve(`still open after: ${got}`), 5000);
    s.on('data', (d: Buffer) => (got += d.toString()));
    s.on('error', () => undefined);
    s.on('close', () => {
      clearTimeout(bound);
      resolve(got);
    });
  });
}

/** One whole request on a kept-alive socket, answered. */
function ask(s: Socket): Promise<string> {
  return new Promise((resolve) => {
    s.once('data', (d: Buffer) => resolve(d.toString()));
    s.write('GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
  });
}

describe('server limits', () => {
  it('are explicit, and short enough that slow clients cannot hold the server', () => {
    expect(LIMITS.headersTimeout).toBeLessThanOrEqual(30_000);
    expect(LIMITS.requestTimeout).toBeGreaterThanOrEqual(LIMITS.headersTimeout);
    expect(LIMITS.maxConnections).toBeGreaterThan(0);
  });

  it('a client that never finishes its headers gets 408 and is let go', async () => {
    run = await runPreview('public', undefined, { limits: { headersTimeout: 300, requestTimeout: 600, checkInterval: 50 } });
    const slow = await open(run.url);
    slow.write('GET /archive/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ');
    expect(await untilClosed(slow)).toMatch(/^HTTP\/1\.1 408/);
  });

  it('connections past the cap are dropped; those within it are served', async () => {
    run = await runPreview('public', undefined, { limits: { maxConnections: 2 } });
    const [a, b] = [await open(run.url), await open(run.url)];
    expect(await ask(a)).toMatch(/^HTTP\/1\.1 200/);
    expect(await ask(b)).toMatch(/^HTTP\/1\.1 200/);
    const third = await open(run.url);
    third.write('GET /robots.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(await untilClosed(third)).toBe('');
    expect(await ask(a)).toMatch(/^HTTP\/1\.1 200/);
  });
});
