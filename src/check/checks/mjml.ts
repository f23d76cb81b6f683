// MJML's strict validation: every problem it finds, pinned to the section whose markup has it.
import { type Check, sectionRef } from '../context.js';

export const mjmlCheck: Check = {
  name: 'mjml',
  description: 'MJML strict validation of the email markup',
  run: ({ issue, rendered }) =>
    rendered.mjmlProblems.map((p) => ({
      code: 'mjml/invalid',
      severity: 'error',
      section: sectionRef(issue, p.section),
      message: `MJML line ${p.line} <${p.tagName}>: ${p.message}`,
      fix: p.section === null ? 'fix the markup in templates/email/layout.mjml.hbs' : `fix the markup in templates/email/sections/${issue.sections[p.section]!.type}.mjml.hbs`,
    })),
};
