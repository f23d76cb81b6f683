import { describe, expect, it } from 'vitest';
import { formatContentError } from '../../src/content/errors.js';
import path from 'node:path';
import { parseContent, readContentSources } from '../../src/content/load.js';
import { REPO } from '../helpers/project.js';
import { realSources, type SourceName, sourcesWith } from '../helpers/sources.js';

const ISSUE = 'content/issues/2022-04/issue.yaml';
const REGIONS_LIST = 'North West, North East, Yorkshire and the Humber, West Midlands, East Midlands, East of England, South West, South East, London';

/** [what is broken, file, text replaced, replacement, every error expected, in order] */
const BROKEN: [string, SourceName, string, string, string[]][] = [
  ['a UK-style date', 'issue', 'closingDate: 2022-04-18', 'closingDate: 18/04/2022', [`${ISSUE}:46:18 section 5 (recruitment), closingDate: "18/04/2022" is not a date — write it as YYYY-MM-DD, e.g. 2022-04-18`]],
  ['an impossible date', 'issue', 'from: 2021-12-01', 'from: 2022-13-01', [`${ISSUE}:79:13 section 7 (published-reviews), window.from: "2022-13-01" is not a real calendar date — check the day and the month`]],
  ['a window backwards', 'issue', 'to: 2022-02-28', 'to: 2021-11-28', [`${ISSUE}:79:7 section 7 (published-reviews), window: the window ends before it starts — swap "from" and "to"`]],
  ['a misspelt section type', 'issue', '  - type: article\n    title: National', '  - type: articel\n    title: National', [`${ISSUE}:23:11 section 3, type: "articel" is not a section type — use one of: welcome, in-this-issue, article, regional-links, recruitment, published-reviews, stakeholder-news, have-your-say`]],
  ['a misspelt field', 'issue', '    role: Panel', '    rol: Panel', [`${ISSUE}:42:5 section 5 (recruitment), role: is missing — add "role:" here`, `${ISSUE}:45:5 section 5 (recruitment), rol: unknown field "rol" — did you mean "role"?`]],
  ['a misspelt top-level field', 'issue', 'subject:', 'subjct:', [`${ISSUE}:4:1 subject: is missing — add "subject:" here`, `${ISSUE}:4:1 subjct: unknown field "subjct" — did you mean "subject"?`]],
  ['an unknown field with no near name', 'issue', 'status: sent', 'status: sent\nauthor: Jo', [`${ISSUE}:8:1 author: unknown field "author" — remove it, or use one of: subject, preheader, sendAt, status, sections, acknowledgements`]],
  ['a send time in words', 'issue', 'sendAt: "2022-04-05 09:00"', 'sendAt: "5 April 2022"', [`${ISSUE}:6:9 sendAt: "5 April 2022" is not a time — write it as "YYYY-MM-DD HH:MM" in UK time, e.g. "2022-04-05 09:00"`]],
  ['a send time at 25:00', 'issue', 'sendAt: "2022-04-05 09:00"', 'sendAt: "2022-04-05 25:00"', [`${ISSUE}:6:9 sendAt: "2022-04-05 25:00" is not a real date and time — check the date, and a time from 00:00 to 23:59`]],
  ['a status the tool keeps', 'issue', 'status: sent', 'status: approved', [`${ISSUE}:7:9 status: must be "draft" or "sent" (approval and scheduling are recorded by the tool)`]],
  ['an insecure link', 'issue', 'url: https://www.gov.uk/government/organisations/child-safeguarding-practice-review-panel/about/recruitment', 'url: http://bit.ly/x', [`${ISSUE}:47:10 section 5 (recruitment), url: "http://bit.ly/x" is not a secure web address — write the full https:// link`]],
  ['a section without a title', 'issue', '  - type: have-your-say\n    title: Have Your Say', '  - type: have-your-say', [`${ISSUE}:96:5 section 9 (have-your-say), title: is missing — add "title:" here`]],
  ['a subject given as a list', 'issue', 'subject: "Child Safeguarding Practice Review Panel newsletter: April 2022"', 'subject: ["April"]', [`${ISSUE}:4:10 subject: must be text, but it is a list`]],
  ['sections that are not a list', 'issue', 'sections:', 'sections: 5\nold:', [`${ISSUE}:8:11 sections: must be a list (lines starting with "- "), but it is number`, `${ISSUE}:9:1 old: unknown field "old" — remove it, or use one of: subject, preheader, sendAt, status, sections, acknowledgements`]],
  ['an empty news list', 'issue', '    items:\n', '    items: []\n    old:\n', [`${ISSUE}:89:12 section 8 (stakeholder-news), items: add at least one news item, or remove the section`, `${ISSUE}:90:5 section 8 (stakeholder-news), old: unknown field "old" — remove it, or use one of: type, title, contents, items`]],
  ['an empty subject', 'issue', 'subject: "Child Safeguarding Practice Review Panel newsletter: April 2022"', 'subject: ""', [`${ISSUE}:4:10 subject: must not be empty`]],
  ['a tab for indentation', 'issue', '    title: Welcome', '\ttitle: Welcome', [`${ISSUE}:10:1 this line is indented with a tab — indent it with spaces instead (YAML does not accept tabs)`]],
  ['a key written twice', 'issue', 'status: sent', 'status: sent\nstatus: draft', [`${ISSUE}:8:1 "status:" is given twice in the same block (also on line 7) — keep one of them`]],
  ['another time zone', 'newsletter', 'timeZone: Europe/London', 'timeZone: Europe/Paris', ['content/newsletter.yaml:30:11 timeZone: the newsletter is sent from England: use Europe/London']],
  ['a colour by name', 'newsletter', '  brand: "#1d70b8"', '  brand: blue', ['content/newsletter.yaml:25:10 colours.brand: "blue" is not a colour — write six hex digits, e.g. "#1d70b8"']],
  ['a feedback mailbox that is not an address', 'newsletter', 'feedbackMailbox: Mailbox.NationalReviewPanel@education.gov.uk', 'feedbackMailbox: the mailbox', ['content/newsletter.yaml:15:18 feedbackMailbox: "the mailbox" is not an email address']],
  ['a misspelt region', 'regions', '  - region: London', '  - region: Londn', [`content/regions.yaml:29:13 region 9, region: "Londn" is not an English region — use one of: ${REGIONS_LIST}`]],
  ['a region listed twice', 'regions', '  - region: South East\n', '  - region: South West\n', ['content/regions.yaml:4:3 regions: the region "South East" is missing — list all nine English regions', 'content/regions.yaml:26:13 region 8, region: "South West" is listed twice — keep one entry per region']],
  ['a publication date in words', 'reviews', 'published: 2022-02-21', 'published: 21 February 2022', ['content/reviews.yaml:8:16 review 1, published: "21 February 2022" is not a date — write it as YYYY-MM-DD, e.g. 2022-04-18']],
  ['a review in an unknown region', 'reviews', '    region: Yorkshire and the Humber\n    published: 2022-02-07', '    region: Yorkshire\n    published: 2022-02-07', [`content/reviews.yaml:14:13 review 2, region: "Yorkshire" is not an English region — use one of: ${REGIONS_LIST}`]],
];

describe('content errors say where, what and how to fix it', () => {
  it('the real content loads without errors', async () => {
    const result = parseContent(await readContentSources(path.join(REPO, 'content'), 'content'));
    expect(result.errors).toEqual([]);
    expect(result.content?.issues.map((i) => i.id)).toEqual(['2022-04']);
  });

  it.each(BROKEN)('%s', (_what, file, from, to, expected) => {
    const result = parseContent(sourcesWith(file, from, to));
    expect(result.errors.map(formatContentError)).toEqual(expected);
  });

  it('has at least twenty broken files in its table', () => {
    expect(BROKEN.length).toBeGreaterThanOrEqual(20);
  });

  it('reports errors in several files together', () => {
    const sources = sourcesWith('issue', 'closingDate: 2022-04-18', 'closingDate: soon');
    sources.reviews!.text = sources.reviews!.text.replace('    kind: local', '    kind: regional');
    const files = parseContent(sources).errors.map((e) => e.file);
    expect(files).toEqual(['content/reviews.yaml', ISSUE]);
  });

  it('a missing shared file names the file to create', () => {
    const sources = realSources();
    delete sources.regions;
    expect(parseContent(sources).errors.map(formatContentError)).toEqual(['content/regions.yaml:1:1 the file is missing — create content/regions.yaml']);
  });

  it('a broken issue leaves the others usable', () => {
    const sources = realSources();
    sources.issues.push({ id: '2022-07', source: { file: 'content/issues/2022-07/issue.yaml', text: 'subject: [' } });
    const result = parseContent(sources);
    expect(result.brokenIssues).toEqual(['2022-07']);
    expect(result.content?.issues.map((i) => i.id)).toEqual(['2022-04']);
  });
});
