// Where the client talks to and with which key. Mailchimp's key ends in its data centre
// ("…-us21"), and the API lives at https://us21.api.mailchimp.com/3.0. MAILCHIMP_API_BASE
// replaces that base exactly as given (the stand-in's http://127.0.0.1:4010/3.0, or a
// validating proxy's bare http://127.0.0.1:4011), so the tool can be pointed anywhere.
import { NewsletterError } from '../errors.js';

export interface MailchimpConfig {
  apiKey: string;
  /** The data centre from the key, such as "us21". */
  server: string;
  /** The API root every path is appended to, without a trailing slash. */
  basePath: string;
  /** The audience (list) the newsletter goes to. */
  audienceId: string;
}

const KEY = /^[0-9a-zA-Z]+-(us\d+)$/;

/** The data centre named by the key's suffix; the key itself never appears in the error. */
export function serverOfKey(apiKey: string): string {
  const match = KEY.exec(apiKey.trim());
  if (!match?.[1]) {
    throw new NewsletterError(
      'mailchimp-not-configured',
      'MAILCHIMP_API_KEY does not look like a Mailchimp API key (it should end in -us and a number, such as -us21).',
      {
        hint: 'copy the key again from Mailchimp: Account & billing → Extras → API keys',
      },
    );
  }
  return match[1];
}

export function basePathFor(server: string, override?: string): string {
  const base = override?.trim() ? override.trim() : `https://${server}.api.mailchimp.com/3.0`;
  return base.replace(/\/+$/, '');
}

/** Read MAILCHIMP_API_KEY, MAILCHIMP_AUDIENCE_ID and MAILCHIMP_API_BASE; each missing one is named. */
export function mailchimpConfigFromEnv(env: Record<string, string | undefined>): MailchimpConfig {
  const missing = ['MAILCHIMP_API_KEY', 'MAILCHIMP_AUDIENCE_ID'].filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    throw new NewsletterError('mailchimp-not-configured', `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set.`);
  }
  const apiKey = env.MAILCHIMP_API_KEY!.trim();
  const server = serverOfKey(apiKey);
  return { apiKey, server, basePath: basePathFor(server, env.MAILCHIMP_API_BASE), audienceId: env.MAILCHIMP_AUDIENCE_ID!.trim() };
}
