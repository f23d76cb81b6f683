// The merge tags Mailchimp needs (unsubscribe, list address, view in browser) must be in the email.
import { REQUIRED_MERGE_TAGS } from '../../render/merge-tags.js';
import type { Check } from '../context.js';

export const mergeTagsCheck: Check = {
  name: 'merge-tags',
  description: 'required Mailchimp merge tags present in HTML and text',
  run: ({ rendered }) =>
    REQUIRED_MERGE_TAGS.flatMap((tag) =>
      (['html', 'text'] as const)
        .filter((part) => !rendered[part].includes(tag))
        .map((part) => ({
          code: 'merge-tags/missing',
          severity: 'error' as const,
          section: null,
          message: `the ${part === 'html' ? 'email HTML' : 'plain text'} has no ${tag}`,
          fix: `put ${tag} back in the footer of ${part === 'html' ? 'templates/email/layout.mjml.hbs' : 'the plain-text footer (src/render/text.ts)'}`,
        })),
    ),
};
