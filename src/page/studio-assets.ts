// The studio's own style and its script, in src/studio/browser/ (after page/browser/email-frame.js). The script keeps the page live
// (server-sent events, then fetch this page again and swap each block whose data-render changed),
// sizes the email frame to its content, scrolls to a section when a finding's heading is chosen,
// posts the action forms in place (they work without it too: post, then back to the page) and
// copies a share link. Served in <head> and allowed by its hash: no inline handlers anywhere.
import { browserFile } from './assets.js';
import { BASE_CSS } from './frame.js';

export const studioCss = (): string => `${BASE_CSS}${browserFile('studio/browser/studio.css')}`;
export const studioScript = (): string => `${browserFile('page/browser/email-frame.js')}\n${browserFile('studio/browser/studio.js')}`;
