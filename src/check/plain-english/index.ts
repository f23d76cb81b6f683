// The plain-english check: the issue's own words against GOV.UK's plain English guidance, offline.
// Words GOV.UK asks writers to avoid, abbreviations used before they are spelt out, sentences too
// long or too hard to read, and passive voice. Findings are warnings on a draft; on an issue already
// sent, whose words can no longer change, they are hints for the next one. Passive voice is always a hint.
import type { Content, Issue } from '../../content/schema.js';
import type { Check } from '../context.js';
import { sectionRef } from '../section-ref.js';
import type { AcknowledgedFinding, Finding, Severity } from '../finding.js';
import { paragraphs } from '../privacy/text.js';
import { abbreviationsIn } from './abbreviations.js';
import { blankNames, contentNames, inMultiWordName, insideName, namesIn, titleCase } from './names.js';
import { placeName, type ProseField, proseFields } from './prose.js';
import { MAX_WORDS, READING_AGE, sentenceNotes } from './readability.js';
import { WORDS_TO_AVOID } from './words-to-avoid.js';

export const plainEnglishCheck: Check = {
  name: 'plain-english',
  description: `plain English as GOV.UK asks: no words on its list to avoid, abbreviations spelt out first, sentences of at most ${MAX_WORDS} words readable at age ${READING_AGE}`,
  wcag: ['3.1.5 Reading Level'],
  run: async ({ content, issue, measured, options }) => {
    const { findings, acknowledged } = letStand(issue, await plainEnglish(content, issue, options.sent));
    if (acknowledged.length) measured.acknowledged = [...(measured.acknowledged ?? []), ...acknowledged];
    return findings;
  },
};

/** Findings a person acknowledged in the issue (same code, same quoted text) are quiet, and listed as let stand. */
function letStand(issue: Issue, all: Finding[]): { findings: Finding[]; acknowledged: AcknowledgedFinding[] } {
  const acks = issue.acknowledgements ?? [];
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const findings: Finding[] = [];
  const acknowledged: AcknowledgedFinding[] = [];
  for (const f of all) {
    const a = acks.find((x) => x.code === f.code && f.quote !== undefined && norm(x.text) === norm(f.quote));
    if (a) acknowledged.push({ code: f.code, section: f.section, text: a.text, reason: a.reason, by: a.by });
    else findings.push(f);
  }
  return { findings, acknowledged };
}

/**
 * Findings worked out ahead for an issue (read-ahead.ts has the check's helper thread do so), with
 * the content and `sent` they were worked out from: plainEnglish takes them when asked about the same.
 */
const ahead = new WeakMap<Issue, { content: Content; sent: boolean; findings: Promise<Finding[]> }>();

/** `findings` are plainEnglishIn(contentNames(content), issue, sent), worked out elsewhere. */
export function plainEnglishAhead(issue: Issue, content: Content, sent: boolean, findings: Promise<Finding[]>): void {
  findings.catch(() => undefined); // awaited by plainEnglish, which works them out itself on a failure
  ahead.set(issue, { content, sent, findings });
}

/** Findings name their field and span; runChecks places them in the issue file (locate.ts). */
export async function plainEnglish(content: Content, issue: Issue, sent = false): Promise<Finding[]> {
  const early = ahead.get(issue);
  if (early?.content === content && early.sent === sent) {
    const found = await early.findings.catch(() => undefined);
    if (found) return found;
  }
  return plainEnglishIn(contentNames(content), issue, sent);
}

/** plainEnglish, given the names in the content (contentNames): what the helper's thread is sent. */
export async function plainEnglishIn(contentNames: string[], issue: Issue, sent = false): Promise<Finding[]> {
  // Sent: marked so in the file (issues from before the tool) or with a sent record (issues it sent).
  const severity: Severity = issue.status === 'sent' || sent ? 'hint' : 'warning';
  const prose = proseFields(issue);
  const names = namesIn(
    prose.map((f) => f.prose),
    contentNames,
  );
  const fields = prose.map((f) => ({ ...f, named: blankNames(f.prose, names) }));
  const at = (f: ProseField, start: number, end: number): Pick<Finding, 'section' | 'field' | 'span' | 'file' | 'quote'> => ({
    section: sectionRef(issue, f.section),
    field: f.field,
    span: { start, end, text: f.text.slice(start, end) },
    file: issue.file,
    quote: f.text.slice(start, end),
  });
  // The line and column are the finding's own (shown before it), not repeated here.
  // The studio's way first, the file second; a finding that may stand is acknowledged from the editor.
  const where = (f: ProseField) =>
    `in the studio's editor, or in ${issue.file} (${placeName(issue, f)}); if it should stand, choose "Acknowledge" beside this finding in the editor`;

  const findings: Finding[] = [];
  for (const f of fields) {
    const anyCapital = titleCase(f.named);
    for (const entry of WORDS_TO_AVOID) {
      const uses = [...f.named.matchAll(entry.forms)].filter(
        (m) =>
          (anyCapital || !(insideName(f.named, m.index) || inMultiWordName(f.named, m.index, m.index + m[0].length))) &&
          !entry.except?.(m[0], f.named.slice(0, m.index), f.named.slice(m.index + m[0].length)),
      );
      const first = uses[0];
      if (!first) continue;
      const more = uses.length > 1 ? ` (${uses.length} times in this ${f.section === null ? 'field' : 'field of the section'})` : '';
      findings.push({
        code: 'plain-english/word-to-avoid',
        severity,
        ...at(f, first.index, first.index + first[0].length),
        message: `"${first[0]}" is on GOV.UK's list of words to avoid: ${entry.word}, in "${excerpt(f.prose, first.index, first.index + first[0].length)}"${more}`,
        fix: `say ${entry.instead}, ${where(f)}`,
      });
    }
  }

  const uses = fields.flatMap((f) => abbreviationsIn(f.named).map((u) => ({ f, u })));
  const seen = new Set<string>();
  for (const { f, u } of uses) {
    if (seen.has(u.key)) continue;
    seen.add(u.key);
    if (u.spelt) continue;
    const spelt = uses.find((o) => o.u.key === u.key && o.u.spelt);
    findings.push({
      code: 'plain-english/abbreviation',
      severity,
      ...at(f, u.start, u.end),
      message: spelt
        ? `"${u.text}" is used in ${placeName(issue, f)} before it is spelt out in ${placeName(issue, spelt.f)}: "${spelt.u.spelt!}"`
        : `"${u.text}" is used in ${placeName(issue, f)} and never spelt out in the issue`,
      fix: spelt
        ? `spell it out where it is first used ("${spelt.u.spelt!}") and use ${u.text} after that, ${where(f)}`
        : `write it in full the first time, followed by (${u.text}) — if it is used only once, write the full words instead — ${where(f)}`,
    });
  }

  for (const f of fields.filter(isProse)) {
    // Scoring is work for the processor alone: between fields the online link check's answers get their turn.
    await new Promise((resolve) => setImmediate(resolve));
    for (const { para, text } of paragraphsOf(f))
      for (const note of await sentenceNotes(text)) {
        const start = para.start + note.start;
        const end = para.start + note.end;
        const quote = excerpt(f.prose, start, end);
        const hard =
          note.formulas === undefined
            ? ''
            : ` and hard to read at a reading age of ${READING_AGE} (${note.formulas} of 7 readability formulas agree)`;
        if (note.kind === 'long')
          findings.push({
            code: 'plain-english/long-sentence',
            severity,
            ...at(f, start, end),
            message: `a sentence of ${note.words} words${hard}: "${quote}"; GOV.UK advises ${MAX_WORDS} words at most`,
            fix: `split it into shorter sentences, one idea in each, ${where(f)}`,
          });
        else if (note.kind === 'hard')
          findings.push({
            code: 'plain-english/hard-sentence',
            severity,
            ...at(f, start, end),
            message: `a sentence hard to read at a reading age of ${READING_AGE} (${note.formulas} of 7 readability formulas agree): "${quote}"`,
            fix: `use shorter, everyday words (fewer syllables), ${where(f)}`,
          });
        else
          findings.push({
            code: 'plain-english/passive',
            severity: 'hint',
            ...at(f, start, end),
            message: `"${f.prose.slice(start, end)}" is passive voice, in "${excerpt(f.prose, start, end, 5)}"`,
            fix: `say who does it, if that is clearer ("the Panel published" rather than "was published"), ${where(f)}`,
          });
      }
  }
  // In reading order, as the secretariat goes through the file to fix them.
  const order = new Map(fields.map((f, i) => [`${f.section}|${f.field}`, i]));
  const place = (f: Finding) => order.get(`${f.section?.index ?? null}|${f.field}`) ?? 0;
  return findings.sort((a, b) => place(a) - place(b) || a.span!.start - b.span!.start);
}

/** The paragraphs whose sentences are read, as sentenceNotes is given them: read-ahead.ts asks for them sooner. */
export function proseParagraphs(issue: Issue): string[] {
  return proseFields(issue)
    .filter(isProse)
    .flatMap((f) => paragraphsOf(f).map((p) => p.text));
}

function paragraphsOf(f: ProseField): { para: { start: number; end: number }; text: string }[] {
  return paragraphs(f.prose).map((para) => ({ para, text: f.prose.slice(para.start, para.end) }));
}

/** Sentences are read in text and the preheader; headings, link text and roles are not sentences. */
function isProse(f: ProseField): boolean {
  return f.field === 'preheader' || /(?:^|\.)(?:body|intro|after)$/.test(f.field);
}

/** The words around a span, shortened: "As we move into … practice reviews." */
function excerpt(prose: string, start: number, end: number, around = 0): string {
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  const before = words(prose.slice(0, start)).slice(-around);
  const inner = words(prose.slice(start, end));
  const after = words(prose.slice(end)).slice(0, around);
  const middle = inner.length > 12 ? [...inner.slice(0, 6), '…', ...inner.slice(-4)] : inner;
  const context = around === 0 ? middle : [...before, ...middle, ...after];
  if (around === 0 && inner.length <= 1)
    return [...words(prose.slice(0, start)).slice(-2), ...inner, ...words(prose.slice(end)).slice(0, 2)].join(' ');
  return context.join(' ');
}
