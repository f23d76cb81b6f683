// A finding's section, and the template to fix markup in: apart from context.ts (which brings the
// email's parsing and the render's model) so the check's helper thread (helper-thread.ts) can work
// out the plain-English findings without them.
import type { Issue } from '../content/schema.js';
import type { SectionRef } from './finding.js';

export function sectionRef(issue: Issue, index: number | null | undefined): SectionRef | null {
  if (index === null || index === undefined) return null;
  const s = issue.sections[index];
  return s ? { index, type: s.type, title: s.title } : null;
}

/** Where to fix markup: the section's template, or the layout when the finding is outside any section. */
export function templateFor(issue: Issue, section: number | null): string {
  const type = section === null ? undefined : issue.sections[section]?.type;
  return type ? `templates/email/sections/${type}.mjml.hbs` : 'templates/email/layout.mjml.hbs';
}
