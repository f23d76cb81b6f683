// The archive's accessibility statement, in the parts the Public Sector Bodies (Websites and Mobile
// Applications) (No. 2) Accessibility Regulations 2018 require, after GOV.UK's sample statement.
// Pure: its facts are newsletter.yaml's (`accessibility`: dates, contact, what is not accessible
// yet) and the checks in the registry, so the statement says what the tool does, not what someone
// once wrote that it does.
import type { Check } from '../check/context.js';
import type { AccessibilityFacts, Newsletter } from '../content/schema.js';
import { ukDate } from '../time/uk.js';
import { escapeHtml } from '../render/html.js';
import { withFooterLine } from './footer.js';
import { BASE_CSS, page } from '../page/frame.js';

type Publication = Pick<Newsletter, 'name' | 'organisation' | 'feedbackMailbox'> & { accessibility: AccessibilityFacts };

export interface StatementLinks {
  archive: string;
  /** The archive's public address, for the statement's first line. */
  publicUrl: string;
}

const EASS = 'https://www.equalityadvisoryservice.com/';
const REGULATIONS = 'https://www.legislation.gov.uk/uksi/2018/952/contents/made';
const WCAG = 'https://www.w3.org/TR/WCAG22/';

const CSS = `${BASE_CSS}
h2{font-size:1.375rem;margin:2rem 0 .5rem}main p,main li{max-width:40rem}`;

/** "Fully" when nothing is listed as not accessible yet, else "partially", as the regulations word it. */
export function complianceStatus(facts: AccessibilityFacts): 'fully' | 'partially' {
  return facts.notYetAccessible.length === 0 ? 'fully' : 'partially';
}

export function accessibilityStatementPage(newsletter: Publication, checks: readonly Check[], links: StatementLinks): string {
  const facts = newsletter.accessibility;
  const e = escapeHtml;
  const contact = facts.contact ?? newsletter.feedbackMailbox;
  const mailto = `<a href="mailto:${e(contact)}">${e(contact)}</a>`;
  const status = complianceStatus(facts);
  // "the Child Safeguarding Practice Review Panel", but "The Panel Bulletin" as it is.
  const the = (name: string) => (/^the\s/i.test(name) ? e(name) : `the ${e(name)}`);
  const accessibilityChecks = checks.filter((c) => c.wcag?.length);
  const problems = facts.notYetAccessible.map(
    (p) => `<li>${e(p.problem)}${p.criterion ? ` This fails WCAG 2.2 success criterion ${e(p.criterion)}.` : ''} ${e(p.plan)}</li>`,
  );
  const body = `<main class="wrap" id="content">
<p><a href="${e(links.archive)}">Past issues of ${e(newsletter.name)}</a></p>
<h1>Accessibility statement for ${e(newsletter.name)}</h1>
<p>This accessibility statement applies to the archive of ${the(newsletter.name)} at <a href="${e(links.publicUrl)}">${e(links.publicUrl)}</a>, and to the newsletter as it is sent by email. The archive and the newsletter are run by ${the(newsletter.organisation)}. We want as many people as possible to be able to read them. Every issue is sent with a plain-text part beside the formatted email, and every issue sent is in this archive as a web page.</p>
<p><a href="https://mcmw.abilitynet.org.uk/">AbilityNet has advice on making your device easier to use</a> if you have a disability.</p>

<h2>How accessible the archive and the emails are</h2>
<p>${status === 'fully' ? 'We know of no part of the archive or the emails that is not accessible.' : 'We know some parts are not fully accessible:'}</p>
${problems.length ? `<ul>\n${problems.join('\n')}\n</ul>` : ''}

<h2>Feedback and contact information</h2>
<p>If you need an issue in a different format, like accessible PDF, large print, easy read, audio recording or braille, email ${mailto}. We will consider your request and get back to you within ${facts.replyWithinDays} working day${facts.replyWithinDays === 1 ? '' : 's'}.</p>

<h2>Reporting accessibility problems with the archive or the emails</h2>
<p>We are always looking to improve the accessibility of the newsletter. If you find any problems not listed on this page, or think we are not meeting accessibility requirements, email ${mailto}.</p>

<h2>Enforcement procedure</h2>
<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the “accessibility regulations”). If you are not happy with how we respond to your complaint, <a href="${EASS}">contact the Equality Advisory and Support Service (EASS)</a>.</p>

<h2>Technical information about the archive’s accessibility</h2>
<p>${capitalise(the(newsletter.organisation))} is committed to making its website accessible, in accordance with the <a href="${REGULATIONS}">Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018</a>.</p>
<h3>Compliance status</h3>
<p>The archive is ${status} compliant with the <a href="${WCAG}">Web Content Accessibility Guidelines version 2.2</a> AA standard${status === 'partially' ? ', due to the parts listed under “How accessible the archive and the emails are”' : ''}.</p>

<h2>How we check the newsletter</h2>
<p>Every issue is checked by our newsletter tool before it can be sent. The web version in this archive is made from the same content as the email. These checks are about accessibility:</p>
<ul>
${accessibilityChecks.map((c) => `<li>${e(c.name)}: ${e(c.description)} (WCAG 2.2: ${c.wcag!.map(e).join(', ')})</li>`).join('\n')}
</ul>
<p>The tool’s other checks: ${checks
    .filter((c) => !c.wcag?.length)
    .map((c) => `${e(c.name)} (${e(c.description)})`)
    .join('; ')}.</p>

<h2>Preparation of this accessibility statement</h2>
<p>This statement was prepared on ${ukDate(facts.prepared)}.${facts.reviewed ? ` It was last reviewed on ${ukDate(facts.reviewed)}.` : ''}</p>
</main>`;
  return page({ title: `Accessibility statement for ${newsletter.name}`, css: CSS, body });
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The link every archive page carries in its footer. */
export function statementLink(href: string): string {
  return `<a href="${escapeHtml(href)}">Accessibility statement</a>`;
}

/**
 * An issue's web page with the statement linked in its footer, added as it is shown (footer.ts).
 */
export function withStatementLink(web: string, href: string): string {
  return withFooterLine(web, statementLink(href));
}
