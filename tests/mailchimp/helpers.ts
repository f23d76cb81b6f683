// A stand-in per test file and clients pointed at it, with a clock that never really waits.
import { MailchimpClient, type MailchimpClientOptions } from '../../src/mailchimp/index.js';
import type { Timing } from '../../src/mailchimp/retry.js';
import { request } from 'node:http';
import type { Standin } from '../../scripts/mailchimp-standin/server.js';

/** Backoff waits are recorded and skipped; time moves only when the client sleeps. */
export function fakeTiming(): Timing & { waits: number[] } {
  let now = 0;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
    random: () => 0.5,
  };
}

export function clientFor(standin: Standin, options: Partial<MailchimpClientOptions> = {}): MailchimpClient {
  return new MailchimpClient({
    apiKey: standin.apiKey,
    basePath: standin.baseUrl,
    audienceId: standin.audienceId,
    timing: fakeTiming(),
    ...options,
  });
}

export const draft = (title: string, audienceId: string) => ({
  audienceId,
  title,
  subject: 'Panel newsletter: April 2022',
  previewText: 'Learning from reviews',
  fromName: 'Child Safeguarding Practice Review Panel',
  replyTo: 'panel@example.org',
});

export const HTML = '<html><body><p>Hello *|FNAME|*</p><a href="*|UNSUB|*">unsubscribe</a></body></html>';

/** One request to the stand-in exactly as given (no SDK in between), with its key unless auth is false. */
export function rawRequest(
  s: Standin,
  method: string,
  path: string,
  body?: unknown,
  auth = true,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (auth) headers.authorization = `Basic ${Buffer.from(`anyone:${s.apiKey}`).toString('base64')}`;
  return new Promise((resolve, reject) => {
    const req = request(`http://127.0.0.1:${s.port}${path}`, { method, headers }, (res) => {
      let data = '';
      res.on('data', (c: Buffer) => (data += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: data ? (JSON.parse(data) as Record<string, unknown>) : {} }));
    });
    req.on('error', reject);
    req.end(text);
  });
}
