// What a partner's share page says about the draft they are looking at. Pure.
import { londonLocal, ukInstant } from '../time/uk.js';

/** The DRAFT banner, and whether the issue has changed since the link was made. */
export function shareBanner(link: { hash: string; createdAt: Date }, currentHash: string): string {
  const draft = 'DRAFT — not yet sent. A preview shared for review: please do not forward it.';
  if (link.hash === currentHash) return draft;
  return `${draft} This issue has changed since this link was made on ${ukInstant(link.createdAt)}; you are reading the latest version.`;
}

/** An instant as the wall-clock time in London, "2022-04-05 09:00" (in time/uk.ts, with Luxon). */
export { londonLocal };

export const LINK_REFUSED = {
  title: 'This preview link does not work',
  message:
    'The link has expired, has been withdrawn, or is not complete. Ask the Panel secretariat for a new link; past issues are in the public archive at /archive/.',
};
