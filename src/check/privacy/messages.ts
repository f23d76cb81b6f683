// What each finding says. No detector can know what the published review already disclosed, so
// every message asks, and says how to remove the detail or acknowledge it.
import type { Detection } from './detection.js';

const WHAT: Record<string, (d: Detection) => string> = {
  'nhs-number': (d) => `"${d.text}" is a valid NHS number`,
  'ni-number': (d) => `"${d.text}" looks like a National Insurance number`,
  postcode: (d) => `"${d.text}" is a full postcode`,
  phone: (d) => `"${d.text}" is a UK phone number`,
  email: (d) => `"${d.text}" is an email address that is not one of the newsletter's mailboxes or a shared office mailbox`,
  address: (d) => `"${d.text}" is a house number and street`,
  'date-of-birth': (d) => `"${d.text}" gives a date of birth`,
  'child-date': (d) => `"${d.text}" is a full date in a sentence about a child`,
  name: (d) =>
    `"${d.text}" reads as a person's name in a sentence about a child or family, and is not a Panel member, a pseudonym or a name from reviews.yaml`,
  school: (d) => `"${d.text}" names a school, nursery or college`,
  'age-place': (d) => `an exact age and a place finer than a local authority appear together (${d.detail})`,
  jigsaw: (d) => `this paragraph combines ${d.detail}; together they could point to one child (jigsaw identification)`,
};

export function privacyMessage(d: Detection): string {
  const what = WHAT[d.kind]?.(d) ?? `"${d.text}" may identify someone`;
  return `${what}. Is this detail in the published report? If not, remove it.`;
}

export function privacyFix(d: Detection, file: string, where: string): string {
  const quote = d.quote ?? d.text;
  const remove =
    d.kind === 'jigsaw' || d.kind === 'age-place' ? 'leave out or generalise one of the details' : 'remove it or say it more generally';
  return `${remove} in the studio's editor, or in ${file} (${where}); if the published report gives it, choose "Acknowledge" beside this finding in the studio's editor and give the reason (in the file itself: acknowledgements: [{ code: privacy/${d.kind}, text: ${JSON.stringify(quote)}, reason: "…", by: "your name" }])`;
}
