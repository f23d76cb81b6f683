// Pictures, each finding on its field: alt text that says nothing (the file name, "image", "photo",
// "logo of…") or too much (over about 150 characters), a picture narrower than twice the width it
// is shown at (blurred on a phone), and one over 1 MB after processing. The weight warnings (200 KB
// each, 800 KB in all) are the size check's; formats email does not show are refused when the
// content is read (src/images). The privacy check asks about photos.
import type { Image } from '../../content/schema.js';
import { DISPLAY_WIDTH, imageKey, issueImageRefs, type ImageRef } from '../../content/pictures.js';
import { type Check, type CheckContext, sectionRef } from '../context.js';
import type { Finding } from '../finding.js';

export const IMAGE_ERROR_BYTES = 1024 * 1024;
export const ALT_MAX_CHARACTERS = 150;

/** Alt text that names the kind of thing instead of what it means. */
const EMPTY_WORDS = /^(an? |the )?(image|picture|photo|photograph|graphic|logo|icon|banner|pic|img|screenshot)s?( \d+)?\.?$/i;
const KIND_OF = /^(an? |the )?(image|picture|photo|photograph|graphic|logo|icon|screenshot) (of|showing)\b/i;

export const imagesCheck: Check = {
  name: 'images',
  description: 'every picture has alt text that says what it means (or is marked decorative), is sharp on a phone and under 1 MB',
  wcag: ['1.1.1 Non-text Content'],
  run: (ctx) => [...mastheadAlt(ctx), ...issueImageRefs(ctx.issue).flatMap((ref) => imageFindings(ctx, ref))],
};

function refPlace(ref: ImageRef): { section: number | null; field: (name: string) => string } {
  // ["sections", i, ...rest, "src"]: the field inside the section, e.g. "items.0.image.alt".
  const section = typeof ref.path[1] === 'number' ? ref.path[1] : null;
  const inside = ref.path.slice(2, -1).join('.');
  return { section, field: (name) => `${inside}.${name}` };
}

function imageFindings(ctx: CheckContext, ref: ImageRef): Finding[] {
  const { issue, content } = ctx;
  const image = ref.image!;
  const at = refPlace(ref);
  const section = sectionRef(issue, at.section);
  const findings: Finding[] = [];
  const alt = altProblem(image.alt, image.src);
  if (alt)
    findings.push({ code: `images/${alt.code}`, severity: 'error', section, field: at.field('alt'), message: alt.message, fix: alt.fix });
  const done = content.images?.processed.get(imageKey(ref.issue, ref.src, ref.width));
  if (!done) return findings;
  if (done.bytes > IMAGE_ERROR_BYTES)
    findings.push({
      code: 'images/too-heavy',
      severity: 'error',
      section,
      field: at.field('src'),
      message: `the picture ${image.src} weighs ${(done.bytes / 1024 / 1024).toFixed(1)} MB after processing; Mailchimp asks for under 1 MB, and it is slow to open on a phone`,
      fix: 'use a simpler picture (a photo with less fine detail), or crop it',
    });
  if (done.sourceWidth < done.width * 2)
    findings.push({
      code: 'images/too-narrow',
      severity: 'warning',
      section,
      field: at.field('src'),
      message: `the picture ${image.src} is ${done.sourceWidth} pixels wide but shown ${done.width} wide; it will look blurred on phones, which need twice that (${done.width * 2})`,
      fix: `use a version at least ${done.width * 2} pixels wide${ref.width === DISPLAY_WIDTH.item ? '' : ', or a smaller picture in a news item'}`,
    });
  return findings;
}

function mastheadAlt({ content }: CheckContext): Finding[] {
  const logo = content.newsletter.masthead?.logo;
  if (!logo) return [];
  const alt = altProblem(logo.alt, logo.src);
  return alt
    ? [
        {
          code: `images/${alt.code}`,
          severity: 'error',
          section: null,
          field: 'masthead.logo.alt',
          message: `the masthead logo's alt text: ${alt.message}`,
          fix: `${alt.fix}, in content/newsletter.yaml`,
        },
      ]
    : [];
}

/** What is wrong with alt text, or undefined. A decorative picture has none, on purpose. */
export function altProblem(alt: Image['alt'], src: string): { code: string; message: string; fix: string } | undefined {
  if (alt === undefined) return undefined;
  const said = alt.trim();
  const stem = src.replace(/\.[a-z0-9]+$/i, '');
  const words = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  if (words(said) === words(src) || words(said) === words(stem))
    return {
      code: 'alt-file-name',
      message: `the alt text "${said}" is the file name; a screen reader would read it out`,
      fix: 'say what the picture means in the newsletter, e.g. "Panel members at the Leeds practitioner event"',
    };
  if (EMPTY_WORDS.test(said))
    return {
      code: 'alt-says-nothing',
      message: `the alt text "${said}" says what kind of thing it is, not what it means`,
      fix: 'say what the picture means (GOV.UK: "Good alt text states what an image means"), or mark it decorative: true if it adds nothing',
    };
  if (KIND_OF.test(said))
    return {
      code: 'alt-kind-of',
      message: `the alt text starts "${KIND_OF.exec(said)![0]}"; screen readers already say it is a picture`,
      fix: `start with what it shows: "${said.replace(KIND_OF, '').trim()}"`,
    };
  if (said.length > ALT_MAX_CHARACTERS)
    return {
      code: 'alt-too-long',
      message: `the alt text is ${said.length} characters; screen readers read it in one go, and some cut it off after about ${ALT_MAX_CHARACTERS}`,
      fix: 'keep it to what the picture means in about 150 characters, and put the rest in the text or a caption',
    };
  return undefined;
}
