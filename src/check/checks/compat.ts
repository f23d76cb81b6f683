// HTML and CSS features the email uses that a target client does not support, from caniemail's
// data (pinned in src/check/compat/caniemail.json). MJML's boilerplate and the layout's declared
// enhancements are baselined, so what is left is what a template or the content added.
import { CANIEMAIL } from '../compat/data.js';
import { ENHANCEMENTS, mjmlBoilerplate } from '../compat/baseline.js';
import { featuresUsed } from '../compat/detect.js';
import { type Check, sectionRef, templateFor } from '../context.js';
import type { Finding } from '../finding.js';

const CLIENT_NAMES = new Map(CANIEMAIL.clients.map((c) => [c.key, c.name]));

export const compatCheck: Check = {
  name: 'compat',
  description: `HTML and CSS features against caniemail ${CANIEMAIL.source.version} for Outlook, Gmail and Apple Mail`,
  run: async ({ issue, email }) => {
    const baseline = await mjmlBoilerplate(CANIEMAIL.features);
    return featuresUsed(email, CANIEMAIL.features)
      .filter(({ feature }) => !baseline.has(feature.slug) && !(feature.slug in ENHANCEMENTS))
      .flatMap(({ feature, position }): Finding[] => {
        const lacking = Object.entries(feature.support)
          .filter(([, s]) => s === 'n')
          .map(([client]) => CLIENT_NAMES.get(client) ?? client);
        if (lacking.length === 0) return [];
        const section = email.sectionAt(position);
        return [
          {
            code: 'compat/unsupported',
            severity: 'warning',
            section: sectionRef(issue, section),
            message: `${feature.title} (${feature.slug}) is not supported in ${lacking.join(', ')}`,
            fix: `use a widely supported alternative in ${templateFor(issue, section)}, or check the fallback in those clients; see ${feature.url}`,
          },
        ];
      });
  },
};
