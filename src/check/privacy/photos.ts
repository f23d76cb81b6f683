// A photo in an issue about case reviews is a detail to ask about, like a name or a date: a face, a
// street or a school badge can identify a child or family, and File Manager addresses are public.
// It is an error until a person acknowledges it in the issue file:
//   - code: privacy/photo
//     text: residential-setting.jpg
//     reason: no child or family can be identified from this picture
import type { Content, Issue } from '../../content/schema.js';
import { imageKey, issueImageRefs } from '../../content/pictures.js';
import { reviewsInWindow } from '../../render/model.js';
import { sectionRef } from '../context.js';
import type { Finding } from '../finding.js';
import { type Detection, detection } from './detection.js';
import { textFields } from './text.js';

/** Words that say the issue is about case reviews; the Panel's own name is taken out first. */
const CASE_REVIEW =
  /\b(case reviews?|practice reviews?|serious case reviews?|national reviews?|local reviews?|LCSPRs?|SCRs?|rapid reviews?)\b/i;
const PANEL_NAME = /Child Safeguarding Practice Review Panel/gi;

export function mentionsCaseReview(content: Content, issue: Issue): boolean {
  if (issue.sections.some((s) => s.type === 'published-reviews' && reviewsInWindow(content.reviews, s.window, s.kinds).length > 0))
    return true;
  return textFields(issue).some((f) => CASE_REVIEW.test(f.text.replace(PANEL_NAME, '')));
}

export function photoFindings(content: Content, issue: Issue): { detection: Detection; finding: Finding }[] {
  if (!mentionsCaseReview(content, issue)) return [];
  return issueImageRefs(issue).flatMap((ref) => {
    // A photo: what was processed as JPEG (a photo, or a photo saved as PNG); logos and drawings are PNG.
    const done = content.images?.processed.get(imageKey(ref.issue, ref.src, ref.width));
    if (!done || done.format !== 'jpeg') return [];
    const section = typeof ref.path[1] === 'number' ? ref.path[1] : null;
    const field = `${ref.path.slice(2).join('.')}`;
    const d = detection('photo', 1, { start: 0, end: ref.src.length, text: ref.src });
    return [
      {
        detection: d,
        finding: {
          code: 'privacy/photo',
          severity: 'error' as const,
          section: sectionRef(issue, section),
          field,
          span: { start: 0, end: ref.src.length, text: ref.src },
          message: `the photo ${ref.src} is in an issue about case reviews: a face, a street, a school badge or a car can identify a child or family`,
          fix: `look at it for anything that could; if nothing can, acknowledge it in ${issue.file}: acknowledgements: - code: privacy/photo, text: ${ref.src}, reason: no child or family can be identified from this picture, by: your name`,
        },
      },
    ];
  });
}
