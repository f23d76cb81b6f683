// Where the client points, from the environment; and the backoff's bounds.
import { describe, expect, it } from 'vitest';
import { mailchimpConfigFromEnv } from '../../src/mailchimp/index.js';
import { backoffDelay, DEFAULT_RETRY } from '../../src/mailchimp/retry.js';

const KEY = '0123456789abcdef0123456789abcdef-us21';

describe('Mailchimp configuration', () => {
  it('takes the data centre from the key, and MAILCHIMP_API_BASE exactly as given', () => {
    expect(mailchimpConfigFromEnv({ MAILCHIMP_API_KEY: KEY, MAILCHIMP_AUDIENCE_ID: 'a1' }).basePath).toBe(
      'https://us21.api.mailchimp.com/3.0',
    );
    expect(
      mailchimpConfigFromEnv({ MAILCHIMP_API_KEY: KEY, MAILCHIMP_AUDIENCE_ID: 'a1', MAILCHIMP_API_BASE: 'http://127.0.0.1:4011' }).basePath,
    ).toBe('http://127.0.0.1:4011');
  });

  it('names what is missing, and never repeats a malformed key', () => {
    expect(() => mailchimpConfigFromEnv({})).toThrow(/MAILCHIMP_API_KEY and MAILCHIMP_AUDIENCE_ID are not set/);
    let message = '';
    try {
      mailchimpConfigFromEnv({ MAILCHIMP_API_KEY: 'secret-key-without-dc', MAILCHIMP_AUDIENCE_ID: 'a1' });
    } catch (e) {
      message = String(e);
    }
    expect(message).toMatch(/does not look like a Mailchimp API key/);
    expect(message).not.toContain('secret-key-without-dc');
  });
});

describe('backoff', () => {
  it('grows, is capped, and is spread by jitter', () => {
    expect([0, 1, 2, 3, 10].map((n) => backoffDelay(DEFAULT_RETRY, n, 0.999))).toEqual([499, 999, 1998, 3996, 7992]);
    expect(backoffDelay(DEFAULT_RETRY, 3, 0)).toBe(0);
  });
});
