// Reading an issue's words is most of a check's own work when no earlier run has read them (the
// first check after an install, or of an issue never checked): retext through every sentence for
// plain English, every detector through every field for privacy. That reading needs the content
// only, not the email, so it need not wait for the render: given the check's helper thread
// (helper-thread.ts), every text not already known is handed to it before the email is rendered,
// and what it answers waits in the text checks' memories, where the checks find it when they run.
// The plain-English findings are then worked out there too, from those notes. A few texts (a run
// after an edit) are read by the checks themselves, as before: a thread costs more to start than
// they take.
import type { Content, Issue } from '../content/schema.js';
import { plainEnglishAhead, proseParagraphs } from './plain-english/index.js';
import { contentNames } from './plain-english/names.js';
import { scored, sentenceNotes } from './plain-english/readability.js';
import { buildAllowList } from './privacy/allow-list.js';
import { scanKey, scanned, scanText } from './privacy/scan.js';
import { textFields } from './privacy/text.js';
import type { CheckHelper } from './helper-thread.js';

/** Texts to read below which no helper is started (April has 37 paragraphs and 60 fields). */
export const READ_AHEAD_MINIMUM = 12;

/**
 * Hand the issue's unread texts to a helper from `start` when there are at least `minimum`: the
 * helper, or undefined when none was started (too few texts, or none to be had). Close it once the
 * checks are done.
 */
export function readAhead(
  content: Content,
  issue: Issue,
  sent: boolean,
  start: () => CheckHelper | undefined,
  minimum = READ_AHEAD_MINIMUM,
): CheckHelper | undefined {
  const allow = buildAllowList(content);
  const every = [...new Set(proseParagraphs(issue))];
  const paragraphs = every.filter((text) => !scored.knows(text));
  const fields = [...new Set(textFields(issue).map((f) => f.text))].filter((text) => !scanned.knows(scanKey(text, allow)));
  if (paragraphs.length + fields.length < minimum) return undefined;
  const helper = start();
  if (!helper) return undefined;
  // Handed over now; each answer (or, should the helper fail, the same reading done here) is kept.
  for (const text of paragraphs) void sentenceNotes(text, helper.score).catch(() => undefined);
  for (const text of fields) void scanText(text, allow, helper.scan).catch(() => undefined);
  // Then the plain-English findings themselves, with the notes of the paragraphs an earlier run read.
  plainEnglishAhead(issue, content, sent, helper.plainEnglish(contentNames(content), issue, sent, scored.recalledOf(every)));
  return helper;
}
