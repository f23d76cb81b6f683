// Issue 22: every connection is answered from the moment the port is open — 503 with Retry-After
// while the workspace loads — and no response waits without limit.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { answerWithin } from '../../src/server/server.js';
import { rawGet, type RawReply, type Running, runPreview } from '../helpers/preview-server.js';

let run: Running | undefined;
let bare: Server | undefined;
afterEach(async () => {
  await run?.stop();
  run = undefined;
  bare?.closeAllConnections();
  await new Promise((r) => (bare ? bare.close(r) : r(undefined)));
  bare = undefined;
});

it('the first request made to serve is answered: 503 with Retry-After while loading, then the page', async () => {
  let first: Promise<RawReply> | undefined;
  run = await runPreview('studio', undefined, { onListening: (url) => void (first = rawGet(url, '/')) });
  const reply = await first!;
  expect(reply.status).toBe(503);
  expect(reply.headers['retry-after']).toBe('1');
  expect(reply.body).toContain('still loading');
  expect((await rawGet(run.url, '/')).status).toBe(200);
});

it('the public server answers its first request too', async () => {
  let first: Promise<RawReply> | undefined;
  run = await runPreview('public', undefined, { onListening: (url) => void (first = rawGet(url, '/robots.txt')) });
  expect((await first!).status).toBe(503);
});

it('a response that never comes is answered 503 after the bound', async () => {
  bare = createServer((req, res) => answerWithin(req, res, 50)); // a handler that never answers
  await new Promise<void>((r) => bare!.listen(0, '127.0.0.1', r));
  const reply = await rawGet(`http://127.0.0.1:${(bare.address() as AddressInfo).port}`, '/');
  expect(reply.status).toBe(503);
  expect(reply.headers['retry-after']).toBe('5');
});
