// What a screen-reader user or a reader with low vision needs: the language named, images
// described (alt="" for decoration), headings in order, readable brand colours, and layout
// tables that are not announced as data.
import type { Content } from '../../content/schema.js';
import { parseEmail } from '../email-dom.js';
import { type Check, type CheckContext, sectionRef, templateFor } from '../context.js';
import type { Finding } from '../finding.js';

export const MIN_CONTRAST = 4.5;

export const accessibilityCheck: Check = {
  name: 'accessibility',
  description: 'lang, image alt text, heading order, colour contrast, layout tables',
  wcag: ['1.1.1 Non-text Content', '1.3.1 Info and Relationships', '1.4.3 Contrast (Minimum)', '3.1.1 Language of Page'],
  run: (ctx) => [...language(ctx), ...altText(ctx), ...headingOrder(ctx), ...contrast(ctx.content), ...layoutTables(ctx)],
};

function language({ email, rendered }: CheckContext): Finding[] {
  const versions = [
    { name: 'email', dom: email, file: 'templates/email/layout.mjml.hbs', how: '<mjml lang="en-GB">' },
    { name: 'web version', dom: parseEmail(rendered.web), file: 'templates/web/layout.html.hbs', how: '<html lang="en-GB">' },
  ];
  return (
    versions
      // MJML writes lang="und" (undetermined) when the template names no language.
      .filter(({ dom }) =>
        ['', 'und'].includes(
          dom.elements
            .find((e) => e.name === 'html')
            ?.attribs.lang?.trim()
            .toLowerCase() ?? '',
        ),
      )
      .map(({ name, file, how }) => ({
        code: 'accessibility/lang',
        severity: 'error',
        section: null,
        message: `the ${name} does not say what language it is in; screen readers may read it with the wrong voice`,
        fix: `set ${how} in ${file}`,
      }))
  );
}

function altText({ issue, email }: CheckContext): Finding[] {
  return email.elements
    .filter((e) => e.name === 'img' && e.attribs.alt === undefined)
    .map((img) => {
      const section = email.sectionOf(img);
      return {
        code: 'accessibility/img-alt',
        severity: 'error',
        section: sectionRef(issue, section),
        message: `the image ${img.attribs.src ?? '(no src)'} has no alt text`,
        fix: `describe it with alt="…", or mark it decorative with alt="", in ${templateFor(issue, section)}`,
      };
    });
}

function headingOrder({ issue, email }: CheckContext): Finding[] {
  const headings = email.elements.filter((e) => /^h[1-6]$/.test(e.name));
  const findings: Finding[] = [];
  let previous = 0;
  for (const h of headings) {
    const level = Number(h.name[1]);
    if (level > previous + 1) {
      const section = email.sectionOf(h);
      findings.push({
        code: 'accessibility/heading-order',
        severity: 'warning',
        section: sectionRef(issue, section),
        message: `the heading "${email.text(h).slice(0, 60)}" is an <h${level}> after ${previous ? `an <h${previous}>` : 'no heading at all'}; screen-reader users navigate by these levels`,
        fix: `use <h${previous + 1}> here, in ${templateFor(issue, section)}`,
      });
    }
    previous = level;
  }
  return findings;
}

/** Contrast of the colours in content/newsletter.yaml as they are used: text, links and small print on the background; the masthead's background-coloured text on the brand colour. */
function contrast({ newsletter: { colours } }: Content): Finding[] {
  const pairs = [
    ['text', colours.text, 'background', colours.background],
    ['link', colours.link, 'background', colours.background],
    ['muted', colours.muted, 'background', colours.background],
    ['brand', colours.brand, 'background', colours.background],
  ] as const;
  return pairs.flatMap(([fgName, fg, bgName, bg]) => {
    const ratio = contrastRatio(fg, bg);
    if (ratio >= MIN_CONTRAST) return [];
    return [
      {
        code: 'accessibility/contrast',
        severity: 'error' as const,
        section: null,
        message: `colours.${fgName} (${fg}) on colours.${bgName} (${bg}) has a contrast of ${ratio.toFixed(2)}:1; text needs at least ${MIN_CONTRAST}:1 (WCAG 1.4.3)`,
        fix: `darken or lighten colours.${fgName} in content/newsletter.yaml until it reaches ${MIN_CONTRAST}:1`,
      },
    ];
  });
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

function layoutTables({ issue, email }: CheckContext): Finding[] {
  return email.elements
    .filter((t) => t.name === 'table' && t.attribs.role !== 'presentation')
    .filter(
      (t) =>
        !email.elements.some(
          (e) => (e.name === 'th' || e.name === 'caption') && e.startIndex! > t.startIndex! && e.endIndex! < t.endIndex!,
        ),
    )
    .map((t) => {
      const section = email.sectionOf(t);
      return {
        code: 'accessibility/layout-table',
        severity: 'warning',
        section: sectionRef(issue, section),
        message: 'a layout table has no role="presentation"; screen readers announce its rows and columns',
        fix: `add role="presentation" to the <table>, or use MJML sections and columns, in ${templateFor(issue, section)}`,
      };
    });
}
