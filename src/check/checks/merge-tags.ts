// Placeholders in what subscribers receive: the merge tags Mailchimp needs (unsubscribe, list
// address, view in browser) must be there; a misspelt tag (*|UNSUBB|*), a field the audience does
// not have, or a Handlebars leftover ({{name}}) would reach readers as it is. The render keeps tags
// written in Markdown exactly as written (even inside emphasis), so reading the HTML and the text
// finds every tag wherever it was written.
import { closest } from '../../content/errors.js';
import { isKnownMergeTag, MERGE_TAG, mergeTagNames, REQUIRED_MERGE_TAGS } from '../../render/merge-tags.js';
import { type Check, type CheckContext, sectionRef, templateFor } from '../context.js';
import type { Finding, SectionRef } from '../finding.js';
import { fieldOf } from '../field-of.js';
import { NEW_WELCOME } from '../../content/placeholders.js';

const PARTS = { html: 'email HTML', text: 'plain text' } as const;
type Part = keyof typeof PARTS;

/** A merge tag as Mailchimp reads it: *|NAME|*, upper case, no spaces. Anything else after *| is malformed. */
const TAG_AT = new RegExp(MERGE_TAG.source, 'y');
const TAG_START = /\*\|/g;
const HANDLEBARS = /\{\{[^]{0,40}?(\}\}|$)/g;

export const mergeTagsCheck: Check = {
  name: 'merge-tags',
  description: 'required Mailchimp merge tags present, no unknown tags or template leftovers',
  run: (ctx) => [
    ...missing(ctx),
    ...once((['html', 'text'] as const).flatMap((part) => [...tagsIn(ctx, part), ...leftoversIn(ctx, part)])),
  ],
};

/** A finding in one part, told where it was found ("the email HTML and the plain text"). */
interface Found {
  part: Part;
  code: string;
  section: number | null;
  /** What was found, as written: the same text in both parts is one finding. */
  text: string;
  finding: (parts: string) => Finding;
}

/** A tag written in the content reaches both the HTML and the text: one finding, naming both. */
function once(found: Found[]): Finding[] {
  const groups = new Map<string, Found[]>();
  for (const f of found) {
    const key = `${f.code}\u0000${f.section}\u0000${f.text}`;
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()].map((group) => {
    const parts = [...new Set(group.map((f) => PARTS[f.part]))];
    return group[0]!.finding(parts.length > 1 ? `the ${parts.join(' and the ')}` : `the ${parts[0]}`);
  });
}

function missing({ rendered }: CheckContext): Finding[] {
  return REQUIRED_MERGE_TAGS.flatMap((tag) =>
    (['html', 'text'] as const)
      .filter((part) => !rendered[part].includes(tag))
      .map((part) => ({
        code: 'merge-tags/missing',
        severity: 'error' as const,
        section: null,
        message: `the ${PARTS[part]} has no ${tag}`,
        fix: `put ${tag} back in the footer of ${part === 'html' ? 'templates/email/layout.mjml.hbs' : 'the plain-text footer (src/render/text.ts)'}`,
      })),
  );
}

function tagsIn(ctx: CheckContext, part: Part): Found[] {
  const source = ctx.rendered[part];
  const found: Found[] = [];
  for (const start of source.matchAll(TAG_START)) {
    TAG_AT.lastIndex = start.index;
    const tag = TAG_AT.exec(source)?.[0];
    if (tag && isKnownMergeTag(tag, ctx.content.newsletter)) continue;
    const shown = tag ?? /^\*\|[^<>\s]{0,30}?(?:\|\*|(?=[<>\s])|$)/.exec(source.slice(start.index, start.index + 40))![0];
    const where = whereIs(ctx, part, start.index);
    const code = tag ? 'merge-tags/unknown' : 'merge-tags/malformed';
    found.push({
      part,
      code,
      section: where.index,
      text: shown,
      finding: (parts) => ({
        code,
        severity: 'error',
        section: where.section,
        ...(tag
          ? {
              message: `${tag} in ${parts} is not a Mailchimp merge tag or a merge field of the audience${suggestion(ctx, tag)}; readers would see it as it is`,
              fix: `correct or remove ${tag} in ${where.file}; if it is a field of the Mailchimp audience, list it under mergeFields in newsletter.yaml`,
            }
          : {
              message: `"${shown}" in ${parts} starts a merge tag but is not one — a tag is *|NAME|* in capitals`,
              fix: `write the tag in full, e.g. *|UNSUB|*, in ${where.file}`,
            }),
        ...fieldOf(ctx.issue, where.index, shown),
      }),
    });
  }
  return found;
}

function leftoversIn(ctx: CheckContext, part: Part): Found[] {
  return [...ctx.rendered[part].matchAll(HANDLEBARS)].map((m) => {
    const where = whereIs(ctx, part, m.index);
    const text = m[0].slice(0, 40);
    const placed = fieldOf(ctx.issue, where.index, m[0]);
    const code = 'merge-tags/template-leftover';
    const welcome = m[0].trim() === NEW_WELCOME.trim();
    return {
      part,
      code,
      section: where.index,
      text,
      finding: (parts) => ({
        code,
        severity: 'error',
        section: where.section,
        ...(welcome
          ? {
              message: 'the welcome is not written yet: it still holds the placeholder `newsletter new` put there',
              fix: `write the welcome in ${ctx.issue.file}${placed.field ? ` (${sectionWords(where.section)}, ${placed.field})` : ''}: replace the line ${JSON.stringify(m[0])} with a few sentences to readers — what this issue brings and anything the Panel wants to say this month (the studio's Edit page has the field)`,
            }
          : {
              message: `"${text}" in ${parts} is a Handlebars placeholder that was never filled in`,
              fix: `remove the braces from ${where.file}; Mailchimp's personalisation is written *|FNAME|*`,
            }),
        ...placed,
      }),
    };
  });
}

const sectionWords = (s: SectionRef | null) => (s ? `section ${s.index + 1} (${s.type})` : 'the issue');

/** The section a position falls in: by anchor in the HTML; by heading in the plain text. */
function whereIs(ctx: CheckContext, part: Part, position: number) {
  const index = part === 'html' ? ctx.email.sectionAt(position) : textSectionAt(ctx, position);
  const file =
    index === null
      ? part === 'html'
        ? templateFor(ctx.issue, null)
        : 'the plain-text footer (src/render/text.ts)'
      : `${ctx.issue.file} or ${templateFor(ctx.issue, index)}`;
  return { index, section: sectionRef(ctx.issue, index), file };
}

/** In the plain text every section starts with its title underlined by "=" (src/render/text.ts), and nothing else is. */
function textSectionAt({ issue, rendered }: CheckContext, position: number): number | null {
  const footer = rendered.text.lastIndexOf(`\n${'-'.repeat(76)}\n`);
  if (footer >= 0 && position > footer) return null;
  const headings = [...rendered.text.slice(0, position).matchAll(/\n=+\n/g)].length;
  return headings === 0 ? null : Math.min(headings, issue.sections.length) - 1;
}

function suggestion(ctx: CheckContext, tag: string): string {
  const near = closest(tag.slice(2, -2), mergeTagNames(ctx.content.newsletter));
  return near ? ` — did you mean *|${near}|*?` : '';
}
