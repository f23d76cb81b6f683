// Gmail clips messages over 102 KB; Mailchimp adds tracking and its footer, so keep a margin.
// Images need an explicit width (Outlook shows them at full size otherwise), and local images
// that are too heavy make the email slow to open on a phone.
import { type Check, type CheckContext, sectionRef, templateFor } from '../context.js';
import type { Finding } from '../finding.js';

export const GMAIL_CLIP_BYTES = 102 * 1024;
export const WARN_BYTES = 80 * 1024;
export const ERROR_BYTES = 95 * 1024;
export const IMAGE_WARN_BYTES = 200 * 1024;
export const IMAGES_TOTAL_WARN_BYTES = 800 * 1024;

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const CLIP = `${GMAIL_CLIP_BYTES / 1024} KB`;

export const sizeCheck: Check = {
  name: 'size',
  description: "email HTML under Gmail's 102 KB clip, images with a width, local image weight",
  run: (ctx) => [...htmlSize(ctx), ...imageWidths(ctx), ...imageWeight(ctx)],
};

function htmlSize({ rendered }: CheckContext): Finding[] {
  const bytes = Buffer.byteLength(rendered.html, 'utf8');
  if (bytes > ERROR_BYTES)
    return [
      {
        code: 'size/clipped',
        severity: 'error',
        section: null,
        message: `the email HTML is ${kb(bytes)}; Gmail clips at ${CLIP} and Mailchimp adds several KB`,
        fix: 'shorten the issue or move long articles to the web and link to them',
      },
    ];
  if (bytes > WARN_BYTES)
    return [
      {
        code: 'size/near-clip',
        severity: 'warning',
        section: null,
        message: `the email HTML is ${kb(bytes)}, close to Gmail's ${CLIP} clipping limit`,
        fix: 'consider shortening the issue',
      },
    ];
  return [];
}

function imageWidths({ issue, email }: CheckContext): Finding[] {
  return email.elements
    .filter((e) => e.name === 'img' && !/^\d+$/.test(e.attribs.width ?? ''))
    .map((img) => {
      const section = email.sectionOf(img);
      return {
        code: 'size/image-width',
        severity: 'error',
        section: sectionRef(issue, section),
        message: `the image ${img.attribs.src ?? '(no src)'} has no width in pixels; Outlook shows it at its full size and breaks the layout`,
        fix: `give it width="…" (e.g. width="552"), or use <mj-image width="…px">, in ${templateFor(issue, section)}`,
      };
    });
}

function imageWeight({ issue, email, options }: CheckContext): Finding[] {
  const sizes = options.localImages ?? {};
  const findings: Finding[] = [];
  let total = 0;
  for (const img of email.elements.filter((e) => e.name === 'img')) {
    const src = img.attribs.src ?? '';
    // A processed picture (src/images) is weighed by the images check too; here it counts in the total.
    if (!(src in sizes)) continue;
    const bytes = sizes[src];
    const section = sectionRef(issue, email.sectionOf(img));
    if (bytes === null || bytes === undefined) {
      findings.push({
        code: 'size/image-missing',
        severity: 'error',
        section,
        message: `the image ${src} is not in the issue's folder`,
        fix: `add ${src} next to ${issue.file}, or correct the src`,
      });
      continue;
    }
    total += bytes;
    if (bytes > IMAGE_WARN_BYTES)
      findings.push({
        code: 'size/image-heavy',
        severity: 'warning',
        section,
        message: `the image ${src} weighs ${kb(bytes)}; it will be slow to open on a phone`,
        fix: `resize it to the width it is shown at and compress it (under ${kb(IMAGE_WARN_BYTES)})`,
      });
  }
  if (total > IMAGES_TOTAL_WARN_BYTES)
    findings.push({
      code: 'size/images-total',
      severity: 'warning',
      section: null,
      message: `the local images weigh ${kb(total)} in all`,
      fix: `use fewer or smaller images (under ${kb(IMAGES_TOTAL_WARN_BYTES)} in all)`,
    });
  return findings;
}
