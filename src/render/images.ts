// Pictures as templates see them: the processed file's address, its 1× width and height (HTML
// attributes, which Outlook needs at high DPI), alt text ("" for a decorative one), link, caption.
// In the render every picture's address is IMAGE_PATH + its processed name, so the content hash pins
// its bytes; each place the email goes swaps the address for its own (imageAddresses).
import { ContentInvalid, fieldPath } from '../content/errors.js';
import type { Content, Image, Issue } from '../content/schema.js';
import { DISPLAY_WIDTH, imageKey, issueImageRefs, newsletterImageRefs, prepareImages } from '../content/pictures.js';
import type { ProcessedImage } from '../images/process.js';
import { IMAGE_PATH } from './image-path.js';

export { IMAGE_PATH };
/** A processed picture's name as it appears in rendered HTML. */
const IMAGE_SRC = /(["'])\/images\/([0-9a-f]{32}\.(?:jpg|png|gif))\1/g;

export interface ImageView {
  src: string;
  alt: string;
  width: number;
  height: number;
  link: string | null;
  caption: string | null;
}

export interface MastheadView {
  logo: ImageView;
  dark: ImageView | null;
}

/** Process what the issue asks for that loading did not (an edit in the editor not saved yet); a problem stops the render. */
export async function ensureIssueImages(content: Content, issue: Issue): Promise<void> {
  const refs = [...newsletterImageRefs(content.newsletter), ...issueImageRefs(issue)];
  if (refs.length === 0) return;
  if (!content.images)
    throw new ContentInvalid([
      {
        file: issue.file,
        position: { line: 1, column: 1 },
        field: '',
        message: 'pictures are read from the content folder, which this render was not given',
      },
    ]);
  const problems = await prepareImages(content.images, refs);
  if (problems.length > 0)
    throw new ContentInvalid(
      problems.map((p) => ({
        file: p.ref.issue === null ? `${content.images!.shownRoot}/newsletter.yaml` : issue.file,
        position: { line: 1, column: 1 },
        field: fieldPath(p.ref.path, issue),
        message: p.message,
      })),
    );
}

function processed(content: Content, issue: string | null, src: string, width: number): ProcessedImage {
  const found = content.images?.processed.get(imageKey(issue, src, width));
  if (!found) throw new Error(`the picture ${src} was not prepared before the render`);
  return found;
}

export function imageView(content: Content, issue: Issue, image: Image | undefined, slot: keyof typeof DISPLAY_WIDTH): ImageView | null {
  if (!image) return null;
  const p = processed(content, issue.id, image.src, DISPLAY_WIDTH[slot]);
  return {
    src: IMAGE_PATH + p.name,
    alt: image.decorative ? '' : (image.alt ?? ''),
    width: p.width,
    height: p.height,
    link: image.link ?? null,
    caption: image.caption ?? null,
  };
}

export function mastheadView(content: Content): MastheadView | null {
  const logo = content.newsletter.masthead?.logo;
  if (!logo) return null;
  const view = (src: string): ImageView => {
    const p = processed(content, null, src, DISPLAY_WIDTH.logo);
    return { src: IMAGE_PATH + p.name, alt: logo.alt, width: p.width, height: p.height, link: null, caption: null };
  };
  return { logo: view(logo.src), dark: logo.dark ? view(logo.dark) : null };
}

/** The processed names a rendered page uses, in order, each once. */
export function imageNames(html: string): string[] {
  return [...new Set([...html.matchAll(IMAGE_SRC)].map((m) => m[2]!))];
}

/** The page with each picture's address given by `to` (a cid:, a Mailchimp address, a relative path). */
export function imageAddresses(html: string, to: (name: string) => string): string {
  return html.replace(IMAGE_SRC, (_all, quote: string, name: string) => `${quote}${to(name)}${quote}`);
}
