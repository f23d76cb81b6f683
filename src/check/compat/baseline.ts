// What the compatibility check does not report: the features MJML's own markup uses (its
// conditional comments, media queries, Outlook fixes — found by compiling a skeleton email with
// the installed MJML), and the progressive enhancements the layout adopts on purpose.
import { compileMjml } from '../../render/mjml.js';
import { parseEmail } from '../email-dom.js';
import type { Feature } from './data.js';
import { featuresUsed } from './detect.js';

/** The MJML components an issue is built from, with the attributes that change what MJML emits. */
const SKELETON = `<mjml lang="en-GB" dir="ltr"><mj-head><mj-title>t</mj-title><mj-preview>p</mj-preview></mj-head>
<mj-body width="600px" background-color="#f3f2f1" css-class="page">
  <mj-section padding="8px 0"><mj-column><mj-text align="center">t</mj-text></mj-column></mj-section>
  <mj-wrapper background-color="#ffffff" padding="12px 0" css-class="card">
    <mj-section background-color="#1d70b8" css-class="masthead"><mj-column><mj-text>t</mj-text></mj-column></mj-section>
    <mj-section><mj-column><mj-image src="https://example.org/i.png" alt="" width="200px" /></mj-column><mj-column><mj-text>t</mj-text></mj-column></mj-section>
  </mj-wrapper>
</mj-body></mjml>`;

/**
 * Dark mode: clients without it show the light design, which is the design. Listed by slug, with
 * the reason a reviewer can check; anything else a template adds is reported.
 */
export const ENHANCEMENTS: Record<string, string> = {
  'css-at-media-prefers-color-scheme': 'dark-mode colours in the layout; clients without it show the light colours',
  'css-color-scheme': 'tells clients that support dark mode that the layout has dark colours; others ignore it',
};

let boilerplate: Promise<Set<string>> | undefined;

/** Slugs of the features MJML's own output uses, worked out once per process. */
export function mjmlBoilerplate(features: readonly Feature[]): Promise<Set<string>> {
  boilerplate ??= compileMjml(SKELETON).then(({ html }) => new Set(featuresUsed(parseEmail(html), features).map((u) => u.feature.slug)));
  return boilerplate;
}
