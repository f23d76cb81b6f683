// Render one issue: view model → Handlebars → MJML → email HTML, plus plain text and the web
// version. Pure: content and compiled templates in, strings out.
import type { Content, Issue } from '../content/schema.js';
import { contentHash, receivedTracking } from './content-hash.js';
import { ensureIssueImages } from './images.js';
import { toWebEquivalents } from './merge-tags.js';
import { compileMjml, type MjmlProblem } from './mjml.js';
import { buildIssueView } from './model.js';
import { renderTemplates, type TemplateSet } from './templates.js';
import { renderText } from './text.js';

export interface Templates {
  email: TemplateSet;
  /** The web version's, which may still be on its way (the check's helper thread): it is first used once the email's MJML is compiled. */
  web: TemplateSet | Promise<TemplateSet>;
}

export interface RenderedIssue {
  id: string;
  mjml: string;
  html: string;
  text: string;
  web: string;
  /** The content hash (content-hash.ts) of what subscribers would receive; approval is given to this. */
  hash: string;
  /** MJML validation problems, each with the section it falls in (null: the layout). */
  mjmlProblems: (MjmlProblem & { section: number | null })[];
}

export interface RenderOptions {
  /** Absolute address of the issue's web version, used where the web page stands in for *|ARCHIVE|*. */
  webUrl?: string;
  /** A notice across the top of the web version, e.g. for drafts. */
  banner?: string | null;
}

export async function renderIssue(
  content: Content,
  issue: Issue,
  templates: Templates,
  options: RenderOptions = {},
): Promise<RenderedIssue> {
  await ensureIssueImages(content, issue);
  const view = buildIssueView(content, issue);
  const email = renderTemplates(templates.email, view);
  const { html, problems } = await compileMjml(email.output);
  const text = renderText(content, issue);
  const webPage = renderTemplates(await templates.web, view, { banner: options.banner ?? null });
  const web = toWebEquivalents(webPage.output, {
    newsletter: content.newsletter,
    issue,
    pageUrl: options.webUrl ?? `archive/${issue.id}/`,
  }).replace(/[ \t]+$/gm, '');
  const sectionAt = (line: number) => email.sectionLines.find((s) => line >= s.start && line <= s.end)?.index ?? null;
  return {
    id: issue.id,
    mjml: email.output,
    html,
    text,
    web,
    hash: contentHash({
      subject: issue.subject,
      preheader: issue.preheader,
      fromName: content.newsletter.sender.name,
      fromEmail: content.newsletter.sender.email,
      replyTo: content.newsletter.sender.replyTo,
      html,
      text,
      ...receivedTracking(content.newsletter.tracking),
    }),
    mjmlProblems: problems.map((p) => ({ ...p, section: sectionAt(p.line) })),
  };
}
