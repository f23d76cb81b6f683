// Gmail clips messages over 102 KB; Mailchimp adds tracking and its footer, so keep a margin.
import type { Check } from '../context.js';

export const GMAIL_CLIP_BYTES = 102 * 1024;
export const WARN_BYTES = 80 * 1024;
export const ERROR_BYTES = 95 * 1024;

export const sizeCheck: Check = {
  name: 'size',
  description: "email HTML size against Gmail's 102 KB clipping limit",
  run: ({ rendered }) => {
    const bytes = Buffer.byteLength(rendered.html, 'utf8');
    const kb = (bytes / 1024).toFixed(1);
    if (bytes > ERROR_BYTES)
      return [{ code: 'size/clipped', severity: 'error', section: null, message: `the email HTML is ${kb} KB; Gmail clips at 102 KB and Mailchimp adds several KB`, fix: 'shorten the issue or move long articles to the web and link to them' }];
    if (bytes > WARN_BYTES)
      return [{ code: 'size/near-clip', severity: 'warning', section: null, message: `the email HTML is ${kb} KB, close to Gmail's 102 KB clipping limit`, fix: 'consider shortening the issue' }];
    return [];
  },
};
