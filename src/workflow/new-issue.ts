// `new` starts an issue from the one before it (or the one named): the shared sections carried
// over, dates moved on, and a comment at the top saying what to review. The previous file is
// edited as a YAML document, so its comments and layout survive where they still make sense.
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { NEW_WELCOME } from '../content/placeholders.js';
import { nodeAt } from '../content/yaml-path.js';
import type { Issue } from '../content/schema.js';
import { WRITE_OPTIONS } from '../content/yaml.js';
import { NewsletterError } from '../errors.js';
import { findIssue, loadProject, type ProjectPaths, usableContent } from '../pipeline.js';
import { ukDate } from '../time/uk.js';
import { type ChecklistItem, writeChecklist } from './checklist.js';
import { nextIssueDates } from './new-issue-dates.js';
import { issueDir } from '../files/project-paths.js';

/** Issues are monthly: the id is the month they are sent in. */
export const NEW_ISSUE_ID = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface NewIssueArgs {
  id: string;
  /** The issue to start from; by default the latest one before `id`. */
  from?: string;
  now: () => Date;
}

export interface NewIssueResult {
  id: string;
  from: string;
  /** The new file, relative to the project root. */
  file: string;
  carried: string[];
  dropped: string[];
  review: string[];
}

export async function newIssue(paths: ProjectPaths, args: NewIssueArgs): Promise<NewIssueResult> {
  if (!NEW_ISSUE_ID.test(args.id))
    throw new NewsletterError(
      'usage',
      `"${args.id}" is not an issue id — an issue is named after the month it is sent in, as YYYY-MM, e.g. 2022-05`,
    );
  const folder = issueDir(paths, args.id);
  if (existsSync(folder)) throw new NewsletterError('issue-exists', `${args.id} already exists (content/issues/${args.id}/)`);
  const project = await loadProject(paths);
  const earlier = (project.content?.issues ?? []).filter((i) => i.id < args.id).map((i) => i.id);
  const fromId = args.from ?? earlier.sort().at(-1);
  if (!fromId) throw new NewsletterError('usage', `there is no issue before ${args.id} to start from — name one with --from <id>`);
  const previous = findIssue(usableContent(project, [fromId]), fromId);
  const newsletter = project.content!.newsletter;

  const dates = nextIssueDates(previous, args.id, newsletter.defaultSendTime);
  const doc = parseDocument(await readFile(path.join(paths.root, previous.file), 'utf8'));
  const carried: string[] = [];
  const dropped: string[] = [];
  const review: string[] = [];
  const checklist: ChecklistItem[] = [];
  // Each thing to review is a line of the file's top comment and an item of the studio's checklist.
  const toReview = (id: string, text: string, fields: (string | number)[][]) => {
    review.push(text);
    checklist.push({ id, text: `Review the ${text}`, fields, done: false });
  };

  doc.set('subject', dates.subject);
  doc.set('sendAt', dates.sendAt);
  doc.delete('status');
  toReview('subject', `subject ("${dates.subject}") and preheader — the preheader is ${previous.id}'s`, [['subject'], ['preheader']]);
  const sections = doc.get('sections');
  if (!isSeq(sections)) throw new NewsletterError('content-invalid', `${previous.file} has no list of sections to carry over`);
  const kept = sections.items.filter((node, i) => {
    const section = previous.sections[i]!;
    if (!isMap(node)) return true;
    // Where the section will stand in the new file: after the sections kept before it.
    const at = carried.length;
    const map = node as YAMLMap;
    switch (section.type) {
      case 'article':
        dropped.push(`article "${section.title}"`);
        return false;
      case 'welcome':
        map.set('body', NEW_WELCOME);
        toReview('welcome', 'welcome — write it; check refuses the placeholder', [['sections', at, 'body']]);
        break;
      case 'regional-links':
        map.delete('markChanges');
        toReview('regional-links', 'regional links — markChanges is reset; set it to true to mark links changed since the last issue', [
          ['sections', at],
        ]);
        break;
      case 'published-reviews':
        {
          const window = nodeAt(map, ['window']);
          if (isMap(window)) {
            window.set('from', dates.window.from);
            window.set('to', dates.window.to);
          } else map.set('window', { from: dates.window.from, to: dates.window.to });
        }
        toReview('reviews-window', `published reviews — window now ${ukDate(dates.window.from)} to ${ukDate(dates.window.to)}`, [
          ['sections', at, 'window'],
        ]);
        break;
      case 'recruitment':
        toReview(`recruitment-${at}`, `recruitment "${section.role}" — closes ${ukDate(section.closingDate)}: update or remove it`, [
          ['sections', at],
        ]);
        break;
      case 'stakeholder-news':
        toReview(`news-${at}`, 'stakeholder news — replace the items; events already past are flagged by check', [
          ['sections', at, 'items'],
        ]);
        break;
    }
    carried.push(section.type);
    return true;
  });
  sections.items = kept;
  doc.commentBefore = topComment(args.id, previous, args.now(), carried, dropped, review);
  // Comments at the head of the previous file were about that issue.
  const first = doc.contents && isMap(doc.contents) ? doc.contents.items[0] : undefined;
  if (first && typeof first.key === 'object' && first.key && 'commentBefore' in first.key)
    (first.key as { commentBefore?: string }).commentBefore = undefined;

  await mkdir(folder, { recursive: true });
  const file = path.join(folder, 'issue.yaml');
  const temporary = `${file}.${process.pid}.tmp`;
  // Written as the editor writes: the studio's form then saves this file changing only what is edited.
  await writeFile(temporary, doc.toString(WRITE_OPTIONS), { flag: 'wx' });
  await rename(temporary, file);
  await writeChecklist(paths.content, args.id, checklist);
  return { id: args.id, from: previous.id, file: path.relative(paths.root, file).split(path.sep).join('/'), carried, dropped, review };
}

function topComment(id: string, previous: Issue, now: Date, carried: string[], dropped: string[], review: string[]): string {
  return [
    ` Issue ${id}, started from ${previous.id} by \`newsletter new\` on ${ukDate(now.toISOString().slice(0, 10))}.`,
    ` Carried over: ${carried.join(', ')}.`,
    ...(dropped.length ? [` Not carried over: ${dropped.join('; ')} — write this issue's articles.`] : []),
    ' Review before sending:',
    ...review.map((r) => `   - ${r}`),
    ' Delete this comment when done.',
  ].join('\n');
}
