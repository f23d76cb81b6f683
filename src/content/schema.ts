// The one source of truth for every content type. Types are inferred from these schemas.
import { z } from 'zod';
import type { ImageLibrary } from './pictures.js';
import { readLondonTime } from '../time/uk.js';
import { unsafeMarkdown } from './markdown-safety.js';
import { type ControlCharProblem, markdownControlProblem, oneLineProblem } from './one-line.js';
import { SECTION_TYPE_NAMES } from './section-types.js';
import { REGION_NAMES } from './regions.js';

/**
 * Set by scripts/bundle.mjs in `check`'s bundle only. zod compiles a parser of its own for each
 * object schema the first time it parses one (new Function), which a command that parses each
 * schema once or twice pays for and never gets back: a cold check measured 2–3% faster without it,
 * a warm one the same. The studio and `build`, which parse the same schemas again and again, keep it.
 */
declare const __ZOD_JITLESS__: unknown;
if (typeof __ZOD_JITLESS__ !== 'undefined' && __ZOD_JITLESS__ === true) z.config({ jitless: true });

const isoDate = z
  .string({ error: 'must be a date written as YYYY-MM-DD' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (iss) => `${JSON.stringify(iss.input)} is not a date — write it as YYYY-MM-DD, e.g. ${suggestIsoDate(String(iss.input))}`, abort: true })
  .refine((s) => isRealDate(s), { error: (iss) => `${JSON.stringify(iss.input)} is not a real calendar date — check the day and the month` })
  .meta({ 'x-widget': 'date' });

/** A send time in Europe/London: "YYYY-MM-DD HH:MM"; "… BST" or "… GMT" in October's repeated hour; or a date alone, sent at defaultSendTime. */
const sendTime = z
  .string({ error: 'must be a local time written as "YYYY-MM-DD HH:MM" (Europe/London)' })
  .superRefine((s, ctx) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
      if (!isRealDate(s)) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(s)} is not a real calendar date — check the day and the month` });
      return;
    }
    const problem = readLondonTime(s).problem;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ 'x-widget': 'datetime' });

const httpsUrl = z
  .string({ error: 'must be a web address' })
  .refine((s) => /^https:\/\/[^\s/$.?#][^\s]*$/i.test(s), { error: (iss) => `${JSON.stringify(iss.input)} is not a secure web address — write the full https:// link` })
  .meta({ 'x-widget': 'url' });

// A control character is named first: a line break in an address is a mail-header injection.
const email = z
  .string({ error: 'must be an email address' })
  .superRefine((value, ctx) => controlIssue(oneLineProblem(value), ctx))
  .pipe(z.email({ error: (iss) => `${JSON.stringify(iss.input)} is not an email address` }))
  .meta({ 'x-widget': 'email' });

const colour = z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: (iss) => `${JSON.stringify(iss.input)} is not a colour — write six hex digits, e.g. "#1d70b8"` }).meta({ 'x-widget': 'colour' });

const anyText = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });
/** A control character as a located issue: `before` lets the loader point at the character itself. */
const controlIssue = (problem: ControlCharProblem | undefined, ctx: z.RefinementCtx) => {
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, params: { before: problem.before } });
};
/** One line of plain text: subjects, titles, link text, names. No line breaks, tabs or control characters. */
const text = anyText.superRefine((value, ctx) => controlIssue(oneLineProblem(value), ctx)).meta({ 'x-widget': 'text' });
/** Markdown: paragraphs, lists, **bold**, [links](https://…). Raw HTML is shown as text, never run. */
const markdown = anyText.superRefine((source, ctx) => {
  const problem = unsafeMarkdown(source);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
  else controlIssue(markdownControlProblem(source), ctx);
}).meta({ 'x-widget': 'markdown' });

export { REGION_NAMES };

const trackingFlag = z.boolean({ error: 'write true (tracked) or false (not tracked)' }).default(true);
export const DEFAULT_TRACKING = { opens: true, htmlClicks: true, textClicks: true } as const;
export type TrackingPolicy = { opens: boolean; htmlClicks: boolean; textClicks: boolean };
/** What the accessibility statement says that no check can know: dates, who answers, and what is not accessible yet. */
export const AccessibilityFacts = z.strictObject({
  /** When the statement was first prepared, and last reviewed (GOV.UK asks for a review at least once a year). */
  prepared: isoDate,
  reviewed: isoDate.optional(),
  /** Where to ask for another format or report a problem; the feedback mailbox when not given. */
  contact: email.optional(),
  /** Working days in which a request gets an answer. */
  replyWithinDays: z.number({ error: 'write the number of working days in which you answer, e.g. 5' }).int().min(1).max(30),
  /** Content that is not accessible yet: what, which WCAG 2.2 criterion it fails, and what is being done. */
  notYetAccessible: z.array(z.strictObject({ problem: text, criterion: text.optional(), plan: text })).default([]),
});
export type AccessibilityFacts = z.infer<typeof AccessibilityFacts>;

/**
 * A picture: `src` is a file name, looked up in the issue's images/ folder and then in content/images/.
 * `alt` says what it means; `decorative: true` (and no alt) marks one that adds nothing, written alt="".
 * A missing alt is an error, never silently decorative (MJML's default alt is "").
 */
const imageFileName = z
  .string({ error: 'must be the file name of a picture in the issue\'s images/ folder or content/images/, e.g. photo.jpg' })
  .trim()
  .superRefine((s, ctx) => {
    const problem = imageSrcProblem(s);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ 'x-widget': 'image', title: 'Picture file' });

export const Image = z
  .strictObject({
    src: imageFileName,
    alt: text.max(300, { error: 'is too long — say what the picture means in about 150 characters, and put the rest in the text' }).optional().meta({ title: 'Alt text', hint: 'Say what the picture means, not what it looks like; leave it out only when the picture is decorative' }),
    decorative: z.boolean({ error: 'write decorative: true for a picture that adds nothing (it gets alt=""), or leave it out' }).optional().meta({ title: 'Decorative: the picture adds nothing to the text (it gets alt="")' }),
    link: httpsUrl.optional().meta({ title: 'Link' }),
    caption: text.optional().meta({ title: 'Caption' }),
  })
  .superRefine((image, ctx) => {
    if (image.decorative && image.alt !== undefined) ctx.addIssue({ code: 'custom', path: ['alt'], message: 'a decorative picture has no alt text — remove alt, or remove decorative: true if the picture means something' });
    if (!image.decorative && image.alt === undefined)
      ctx.addIssue({ code: 'custom', path: ['alt'], message: 'is missing — add "alt:" saying what the picture means (GOV.UK: "Good alt text states what an image means"), or write decorative: true if it adds nothing' });
    if (image.decorative && image.link) ctx.addIssue({ code: 'custom', path: ['link'], message: 'a linked picture is not decorative: a screen reader needs its alt text to name the link — write alt: and remove decorative: true' });
  })
  .meta({ title: 'Picture', 'x-widget': 'image-block' });
export type Image = z.infer<typeof Image>;

/** Why a `src` cannot be used (a path, an address, inline data), or undefined. Pure, shared with the editor. */
export function imageSrcProblem(src: string): string | undefined {
  if (/^data:/i.test(src)) return 'inline data: pictures are not shown by Gmail or Outlook for Windows — save the picture as a JPEG or PNG file in the issue\'s images/ folder and write its file name';
  if (/^[a-z][a-z0-9+.-]*:/i.test(src)) return `${JSON.stringify(src)} is an address — save the picture in the issue's images/ folder and write its file name, e.g. photo.jpg`;
  if (src.includes('/') || src.includes('\\') || src.startsWith('.')) return `${JSON.stringify(src)} is not a file name — pictures are read only from the issue's images/ folder and content/images/: write the file name alone, e.g. photo.jpg`;
  if (!/^[A-Za-z0-9][A-Za-z0-9 ._()-]{0,99}$/.test(src)) return `${JSON.stringify(src)} is not a usable file name — use letters, digits, dashes and dots, e.g. panel-event.jpg`;
  if (!/\.(jpe?g|png|gif)$/i.test(src)) {
    const ext = /\.([a-z0-9]+)$/i.exec(src)?.[1]?.toLowerCase();
    if (ext === 'svg') return 'SVG is not shown by Gmail or Outlook for Windows — export the picture as PNG and use that file';
    if (ext === 'webp' || ext === 'avif' || ext === 'heic' || ext === 'heif') return `${ext.toUpperCase()} is not shown by Outlook for Windows${ext === 'webp' ? ' (and Gmail turns it into JPEG)' : ''} — save the picture as JPEG (a photo) or PNG (a logo or drawing) and use that file`;
    return `${JSON.stringify(src)} is not a JPEG, PNG or GIF file — email shows those three: save the picture as .jpg (a photo) or .png (a logo or drawing)`;
  }
  return undefined;
}

/** The masthead logo, with an optional version for dark backgrounds (shown where the email program supports dark mode). */
export const Masthead = z.strictObject({
  logo: z.strictObject({
    src: imageFileName,
    alt: text.max(300, { error: 'is too long — the logo\'s alt text is the publication\'s name' }).meta({ title: 'Alt text' }),
    dark: imageFileName.optional().meta({ title: 'Logo for dark backgrounds' }),
  }),
});

export const Newsletter = z.strictObject({
  name: text,
  /** The Panel's logo above the name; pictures in content/images/. */
  masthead: Masthead.optional(),
  organisation: text,
  sender: z.strictObject({ name: text, email, replyTo: email }),
  postalAddress: z.array(text).min(2, { error: 'give the address as a list of lines' }),
  feedbackMailbox: email,
  signUpUrl: httpsUrl,
  preferencesUrl: httpsUrl,
  websiteUrl: httpsUrl,
  social: z.array(z.strictObject({ name: text, url: httpsUrl })).default([]),
  colours: z.strictObject({ brand: colour, text: colour, background: colour, link: colour, muted: colour }),
  timeZone: z.literal('Europe/London', { error: 'the newsletter is sent from England: use Europe/London' }),
  defaultSendTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'write the send time as HH:MM, e.g. "09:00"' })
    // The UK's clocks change between 01:00 and 02:00: a default there would not exist, or exist twice, on those days.
    .refine((t) => !t.startsWith('01:'), { error: 'the clocks change between 01:00 and 01:59 in spring and autumn — choose a time outside that hour' }),
  /** The audience's merge fields (Mailchimp: Audience → Settings → Audience fields and *|MERGE|* tags), and what the web version shows instead. */
  mergeFields: z
    .array(
      z.strictObject({
        tag: z.string().regex(/^[A-Z][A-Z0-9_]{0,9}$/, { error: (iss) => `${JSON.stringify(iss.input)} is not a merge field tag — write it as Mailchimp shows it, without *| |*, e.g. FNAME` }),
        /** Shown on the web version in place of the tag, e.g. "reader" for FNAME ("Dear reader,"). */
        web: z.string({ error: 'must be text — what the web version shows in place of the tag, e.g. "reader"' }),
      }),
    )
    .default([]),
  /** How many different people must approve an issue before it can be scheduled. */
  approvals: z.number({ error: 'write how many different people must approve an issue, e.g. 2' }).int().min(1).max(5).default(1),
  /** Four eyes: in the team studio, the person who made the last change to an issue's content may not approve it. */
  fourEyes: z.boolean({ error: 'write true or false: whether the last person to change an issue may approve it' }).default(false),
  /**
   * What Mailchimp counts for each issue (its campaign's tracking settings): opens (a tracking
   * image) and clicks (links sent through Mailchimp) in the HTML and the plain text. Approval
   * pins them with the issue; `publish` sets them on the campaign. Mailchimp's default: all on.
   */
  tracking: z
    .strictObject({
      opens: trackingFlag,
      htmlClicks: trackingFlag,
      textClicks: trackingFlag,
    })
    .default(DEFAULT_TRACKING),
  /** The facts of the archive's accessibility statement (Public Sector Bodies Accessibility Regulations 2018); without them the archive has no statement. */
  accessibility: AccessibilityFacts.optional(),
});
export type Newsletter = z.infer<typeof Newsletter>;

export const RegionalLink = z.strictObject({
  name: text.meta({ title: 'Panel member' }),
  /** When this member became the link; the issue can mark links that changed since the last issue. */
  since: isoDate.optional().meta({ title: 'Link since', hint: 'When this member became the link, e.g. 2022-03-01; issues can mark links that changed' }),
});
export type RegionalLink = z.infer<typeof RegionalLink>;

export const Regions = z.strictObject({
  regions: z
    .array(z.strictObject({ region: z.enum(REGION_NAMES, { error: (iss) => `${JSON.stringify(iss.input)} is not an English region — use one of: ${REGION_NAMES.join(', ')}` }).meta({ title: 'Region' }), links: z.array(RegionalLink).min(1, { error: 'every region needs at least one Panel link' }).meta({ title: 'Panel links' }) }))
    .superRefine((list, ctx) => {
      const seen = new Set(list.map((r) => r.region));
      for (const name of REGION_NAMES) if (!seen.has(name)) ctx.addIssue({ code: 'custom', message: `the region "${name}" is missing — list all nine English regions` });
      list.forEach((r, i) => {
        if (list.findIndex((o) => o.region === r.region) !== i) ctx.addIssue({ code: 'custom', path: [i, 'region'], message: `"${r.region}" is listed twice — keep one entry per region` });
      });
    }),
});
export type Regions = z.infer<typeof Regions>;

export const PublishedReview = z.strictObject({
  title: text.meta({ title: 'Title' }),
  kind: z.enum(['local', 'national'], { error: 'must be "local" (an LCSPR) or "national" (a Panel review)' }).default('local').meta({ title: 'Kind of review' }),
  partnership: text.meta({ title: 'Safeguarding partnership' }),
  region: z.enum(REGION_NAMES, { error: (iss) => `${JSON.stringify(iss.input)} is not an English region — use one of: ${REGION_NAMES.join(', ')}` }).meta({ title: 'Region' }),
  published: isoDate.meta({ title: 'Published on' }),
  url: httpsUrl.meta({ title: 'Link to the review' }),
  themes: z.array(text).default([]).meta({ title: 'Themes' }),
});
export type PublishedReview = z.infer<typeof PublishedReview>;

export const ReviewRegistry = z.strictObject({ reviews: z.array(PublishedReview) });


/** Fields every section has. `contents` is the line in "In this issue"; false leaves it out. */
const sectionBase = {
  title: text.meta({ title: 'Heading' }),
  contents: z.union([text, z.literal(false)]).optional().meta({ title: 'Line in "In this issue"', hint: 'Leave empty to use the heading' }),
};

export const Section = z.discriminatedUnion(
  'type',
  [
    z.strictObject({ type: z.literal('welcome'), ...sectionBase, body: markdown.meta({ title: 'Text' }), image: Image.optional() }).meta({ title: 'Welcome' }),
    z.strictObject({ type: z.literal('in-this-issue'), ...sectionBase }).meta({ title: 'In this issue', description: 'Lists the other sections' }),
    z.strictObject({ type: z.literal('article'), ...sectionBase, body: markdown.meta({ title: 'Text' }), image: Image.optional() }).meta({ title: 'Article' }),
    z.strictObject({
      type: z.literal('regional-links'),
      ...sectionBase,
      intro: markdown.meta({ title: 'Introduction' }),
      /** Mark links that changed since the previous issue with "(new)". */
      markChanges: z.boolean().default(false).meta({ title: 'Mark links that changed with "(new)"' }),
      after: markdown.optional().meta({ title: 'Text after the table' }),
    }).meta({ title: 'Regional links', description: 'The table of regional Panel links, from regions.yaml' }),
    z.strictObject({
      type: z.literal('recruitment'),
      ...sectionBase,
      body: markdown.meta({ title: 'Text' }),
      role: text.meta({ title: 'Role' }),
      closingDate: isoDate.meta({ title: 'Closing date', hint: 'YYYY-MM-DD, after the send date' }),
      url: httpsUrl.meta({ title: 'Link to the advert' }),
      linkText: text.meta({ title: 'Link text', hint: 'Say where the link goes, not "here"' }),
    }).meta({ title: 'Recruitment' }),
    z.strictObject({
      type: z.literal('published-reviews'),
      ...sectionBase,
      window: z.strictObject({ from: isoDate, to: isoDate }).refine((w) => w.from <= w.to, { error: 'the window ends before it starts — swap "from" and "to"', when: (p) => p.issues.length === 0 }).meta({ title: 'Published between' }),
      kinds: z.array(z.enum(['local', 'national'])).default(['local']).meta({ title: 'Kinds of review' }),
      after: markdown.optional().meta({ title: 'Text after the list' }),
    }).meta({ title: 'Published reviews', description: 'Reviews from reviews.yaml published in the window' }),
    z.strictObject({
      type: z.literal('stakeholder-news'),
      ...sectionBase,
      items: z
        .array(z.strictObject({ title: text.optional().meta({ title: 'Title' }), body: markdown.meta({ title: 'Text' }), eventDates: z.array(isoDate).default([]).meta({ title: 'Event dates' }), url: httpsUrl.optional().meta({ title: 'Link' }), linkText: text.optional().meta({ title: 'Link text', hint: 'Say where the link goes, not "here"' }), image: Image.optional() }))
        .min(1, { error: 'add at least one news item, or remove the section' })
        .meta({ title: 'News items' }),
    }).meta({ title: 'Stakeholder news' }),
    z.strictObject({ type: z.literal('have-your-say'), ...sectionBase, body: markdown.optional().meta({ title: 'Text' }) }).meta({ title: 'Have your say', description: 'Invites feedback to the feedback mailbox' }),
  ],
  { error: (iss): string | undefined => (iss.code === 'invalid_union' ? `is not a section type — use one of: ${SECTION_TYPE_NAMES.join(', ')}` : undefined) },
);
export type Section = z.infer<typeof Section>;
export type SectionType = Section['type'];
export const SECTION_TYPES: readonly SectionType[] = SECTION_TYPE_NAMES;

/** A person's word that a finding is right to stand: its code, the text it quotes, why, and who. */
export const Acknowledgement = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, { error: (iss) => `${JSON.stringify(iss.input)} is not a finding code — copy it from the check report, e.g. privacy/postcode` }),
  text,
  reason: text,
  by: text,
});
export type Acknowledgement = z.infer<typeof Acknowledgement>;

export const IssueFile = z.strictObject({
  subject: text.max(150, { error: 'is too long — keep a subject under 150 characters (60 reads best)' }).meta({ title: 'Subject', hint: 'Shown in the inbox; 60 characters read best on a phone' }),
  preheader: text.meta({ title: 'Preheader', hint: 'The line shown after the subject in the inbox' }),
  sendAt: sendTime.meta({ title: 'Send at', hint: 'YYYY-MM-DD HH:MM, London time' }),
  /** Issues sent before this tool was used are marked `sent`; the workflow store tracks the rest. */
  status: z.enum(['draft', 'sent'], { error: 'must be "draft" or "sent" (approval and scheduling are recorded by the tool)' }).default('draft').meta({ title: 'Status' }),
  sections: z.array(Section).min(1, { error: 'an issue needs at least one section' }).meta({ title: 'Sections' }),
  /** Findings a person has read and let stand (e.g. a detail the published review already gives): quiet from then on. */
  acknowledgements: z.array(Acknowledgement).optional().meta({ title: 'Acknowledged findings' }),
});
export type IssueFile = z.infer<typeof IssueFile>;

export interface Issue extends IssueFile {
  id: string;
  /** The file the issue came from, relative to the content folder's parent. */
  file: string;
}

export interface Content {
  newsletter: Newsletter;
  regions: Regions;
  reviews: PublishedReview[];
  issues: Issue[];
  /** The pictures content asks for, found and processed (src/images); absent when content was not read from a folder. */
  images?: ImageLibrary;
}

function isRealDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function suggestIsoDate(input: string): string {
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(input.trim());
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return '2022-04-18';
}
