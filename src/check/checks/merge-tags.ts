// Placeholders in what subscribers receive: the merge tags Mailchimp needs (unsubscribe, list
// address, view in browser) must be there; a misspelt tag (*|UNSUBB|*), a field the audience does
// not have, or a Handlebars leftover ({{name}}) would reach readers as it is. The render keeps tags
// written in Markdown exactly as written (even inside emphasis), so reading the HTML and the text
// finds every tag wherever it was written.
import { closest } from '../../content/errors.js';
import { isKnownMergeTag, MERGE_TAG, mergeTagNames, REQUIRED_MERGE_TAGS } from '../../render/merge-tags.js';
import { type Check, type CheckContext, sectionRef, templateFor } from '../context.js';
import type { Finding } from '../finding.js';

const PARTS = { html: 'email HTML', text: 'plain text' } as const;
type Part = keyof typeof PARTS;

/** A merge tag as Mailchimp reads it: *|NAME|*, upper case, no spaces. Anything else after *| is malformed. */
const TAG_AT = new RegExp(MERGE_TAG.source, 'y');
const TAG_START = /\*\|/g;
const HANDLEBARS = /\{\{[^]{0,40}?(\}\}|$)/g;

export const mergeTagsCheck: Check = {
  name: 'merge-tags',
  description: 'required Mailchimp merge tags present, no unknown tags or template leftovers',
  run: (ctx) => [...missing(ctx), ...(['html', 'text'] as const).flatMap((part) => [...tagsIn(ctx, part), ...leftoversIn(ctx, part)])],
};

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

function tagsIn(ctx: CheckContext, part: Part): Finding[] {
  const source = ctx.rendered[part];
  const findings: Finding[] = [];
  for (const start of source.matchAll(TAG_START)) {
    TAG_AT.lastIndex = start.index;
    const tag = TAG_AT.exec(source)?.[0];
    if (tag && isKnownMergeTag(tag, ctx.content.newsletter)) continue;
    const shown = tag ?? /^\*\|[^<>\s]{0,30}?(?:\|\*|(?=[<>\s])|$)/.exec(source.slice(start.index, start.index + 40))![0];
    const where = whereIs(ctx, part, start.index);
    findings.push(
      tag
        ? {
            code: 'merge-tags/unknown',
            severity: 'error',
            section: where.section,
            message: `${tag} in the ${PARTS[part]} is not a Mailchimp merge tag or a merge field of the audience${suggestion(ctx, tag)}; readers would see it as it is`,
            fix: `correct or remove ${tag} in ${where.file}; if it is a field of the Mailchimp audience, list it under mergeFields in newsletter.yaml`,
          }
        : {
            code: 'merge-tags/malformed',
            severity: 'error',
            section: where.section,
            message: `"${shown}" in the ${PARTS[part]} starts a merge tag but is not one — a tag is *|NAME|* in capitals`,
            fix: `write the tag in full, e.g. *|UNSUB|*, in ${where.file}`,
          },
    );
  }
  return findings;
}

function leftoversIn(ctx: CheckContext, part: Part): Finding[] {
  return [...ctx.rendered[part].matchAll(HANDLEBARS)].map((m) => {
    const where = whereIs(ctx, part, m.index);
    return {
      code: 'merge-tags/template-leftover',
      severity: 'error',
      section: where.section,
      message: `"${m[0].slice(0, 40)}" in the ${PARTS[part]} is a Handlebars placeholder that was never filled in`,
      fix: `remove the braces from ${where.file}; Mailchimp's personalisation is written *|FNAME|*`,
    };
  });
}

/** The section a position falls in: by anchor in the HTML; by heading in the plain text. */
function whereIs(ctx: CheckContext, part: Part, position: number) {
  const index = part === 'html' ? ctx.email.sectionAt(position) : textSectionAt(ctx, position);
  const file =
    index === null
      ? part === 'html'
        ? templateFor(ctx.issue, null)
        : 'the plain-text footer (src/render/text.ts)'
      : `${ctx.issue.file} or ${templateFor(ctx.issue, index)}`;
  return { section: sectionRef(ctx.issue, index), file };
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
