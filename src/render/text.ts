// The plain-text version: reads like a well-written plain email — underlined headings,
// "- " lists, links as "text (URL)", pictures as "[Picture: what it means]", lines wrapped at 76
// characters.
import type { Content, Image, Issue, Section } from '../content/schema.js';
import { ukDate, ukDateWithDay } from '../time/uk.js';
import { linkAsText, markdownToText, wrap } from './markdown.js';
import { contentsItems, regionRows, reviewsInWindow, windowText } from './model.js';

const WIDTH = 76;

export function renderText(content: Content, issue: Issue): string {
  const { newsletter } = content;
  const head = [newsletter.name, ukDate(issue.sendAt.slice(0, 10)), '', `View this email in your browser: *|ARCHIVE|*`];
  const body = issue.sections.map((s) => `${heading(s.title)}\n\n${sectionText(content, issue, s)}`);
  const social = newsletter.social.map((l) => `${l.name}: ${l.url}`);
  const footer = [
    '-'.repeat(WIDTH),
    ...social,
    '',
    'Want to change how you receive these emails?',
    'Update your preferences: *|UPDATE_PROFILE|*',
    'Unsubscribe from this list: *|UNSUB|*',
    '',
    'This email was sent to *|EMAIL|*',
    'Why did I get this? *|ABOUT_LIST|*',
    '*|LIST:ADDRESSLINE|*',
  ];
  return [head.join('\n'), ...body, footer.join('\n')].join('\n\n\n') + '\n';
}

function heading(title: string): string {
  const lines = wrap(title, WIDTH);
  return `${lines}\n${'='.repeat(Math.max(...lines.split('\n').map((l) => l.length)))}`;
}

function para(text: string): string {
  return wrap(text, WIDTH);
}

/**
 * A picture where the email shows it: what it means, as its alt text says, with its link, then its
 * caption. A decorative picture says nothing (its caption, being text, stays).
 */
function picture(image: Image | undefined): string {
  if (!image) return '';
  const said = image.alt ? para(image.link ? linkAsText(`[Picture: ${image.alt}]`, image.link) : `[Picture: ${image.alt}]`) : '';
  return [said, image.caption ? para(image.caption) : ''].filter(Boolean).join('\n');
}

function list(lines: string[]): string {
  return lines.map((l) => wrap(l, WIDTH, '- ')).join('\n');
}

function sectionText(content: Content, issue: Issue, s: Section): string {
  const md = (source: string | undefined) => (source ? markdownToText(source, WIDTH) : '');
  const join = (...parts: string[]) => parts.filter(Boolean).join('\n\n');
  switch (s.type) {
    case 'welcome':
    case 'article':
      return join(picture(s.image), md(s.body));
    case 'in-this-issue':
      return list(contentsItems(issue).map((i) => i.title));
    case 'regional-links': {
      const rows = regionRows(content, issue).map((r) => `${r.region} – ${r.links}${s.markChanges && r.changed ? ' (new)' : ''}`);
      return join(md(s.intro), list(rows), md(s.after));
    }
    case 'recruitment':
      return join(
        md(s.body),
        para(
          `The closing date for applications is ${ukDateWithDay(s.closingDate)}. For more information, see ${linkAsText(s.linkText, s.url)}.`,
        ),
      );
    case 'published-reviews': {
      const reviews = reviewsInWindow(content.reviews, s.window, s.kinds).map(
        (r) => `${r.title} – ${r.partnership} (${r.region}), published ${ukDate(r.published)}: ${r.url}`,
      );
      return join(
        para(`These LCSPRs were ${windowText(s.window)}.`),
        reviews.length ? list(reviews) : para('No reviews in our registry were published in this period.'),
        md(s.after),
      );
    }
    case 'stakeholder-news':
      return s.items
        .map((item) =>
          join(
            item.title ? item.title.toUpperCase() : '',
            picture(item.image),
            md(item.body),
            item.url ? para(`${linkAsText(markdownToText(item.linkText ?? 'Find out more'), item.url)}.`) : '',
          ),
        )
        .join('\n\n');
    case 'have-your-say':
      return join(
        md(s.body),
        para(`If you have any feedback on this newsletter, please don’t hesitate to email us at ${content.newsletter.feedbackMailbox}.`),
        para(`Your colleagues can ${linkAsText('sign up to our newsletter online', content.newsletter.signUpUrl)}.`),
      );
  }
}
