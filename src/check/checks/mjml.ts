// MJML's strict validation: every problem it finds, pinned to the section whose markup has it.
import { type Check, sectionRef, templateFor } from '../context.js';

export const mjmlCheck: Check = {
  name: 'mjml',
  description: 'MJML strict validation of the email markup',
  run: ({ issue, rendered }) =>
    rendered.mjmlProblems.map((p) => ({
      code: 'mjml/invalid',
      severity: 'error',
      section: sectionRef(issue, p.section),
      message: `MJML line ${p.line} <${p.tagName}>: ${p.message}`,
      fix: `fix the markup in ${templateFor(issue, p.section)}`,
    })),
};
