// What the compatibility check does not report: the features MJML's own markup uses (its
// conditional comments, media queries, Outlook fixes — found by compiling a skeleton email with
// the installed MJML), and the progressive enhancements the layout adopts on purpose.
import { createHash } from 'node:crypto';
import mjmlPackage from 'mjml/package.json' with { type: 'json' };
import { parseEmail } from '../email-dom.js';
import type { Feature } from './data.js';
import { featuresUsed } from './detect.js';

/** The MJML components an issue is built from, with the attributes that change what MJML emits. */
const SKELETON = `<mjml lang="en-GB" dir="ltr"><mj-head><mj-title>t</mj-title><mj-preview>p</mj-preview></mj-head>
<mj-body width="600px" background-color="#f3f2f1" css-class="page">
  <mj-section padding="8px 0"><mj-column><mj-text align="center">t</mj-text></mj-column></mj-section>
  <mj-wrapper background-color="#ffffff" padding="12px 0" css-class="card">
    <mj-section background-color="#1d70b8" css-class="masthead"><mj-column><mj-text>t</mj-text></mj-column></mj-section>
    <mj-section><mj-column><mj-image src="https://example.org/i.png" alt="" width="200px" /></mj-column><mj-column><mj-text>t</mj-text></mj-column></mj-section>
  </mj-wrapper>
</mj-body></mjml>`;

/**
 * Dark mode: clients without it show the light design, which is the design. Listed by slug, with
 * the reason a reviewer can check; anything else a template adds is reported.
 */
export const ENHANCEMENTS: Record<string, string> = {
  'css-at-media-prefers-color-scheme': 'dark-mode colours in the layout; clients without it show the light colours',
  'css-color-scheme': 'tells clients that support dark mode that the layout has dark colours; others ignore it',
};

/** A baseline worked out earlier, with the key of what it was worked out from. */
export interface StoredBaseline {
  key: string;
  slugs: string[];
}

/**
 * The baseline scripts/bundle.mjs worked out when it built lib/newsletter.cjs (esbuild puts it in the
 * bundle in place of this name); elsewhere — tsc's lib/, the tests — there is none and it is compiled.
 */
declare const __MJML_BASELINE__: unknown;
const BUILT: unknown = typeof __MJML_BASELINE__ === 'undefined' ? undefined : __MJML_BASELINE__;

/** What the baseline depends on: MJML's version, the skeleton, and the features looked for. */
export function baselineKey(features: readonly Feature[], mjmlVersion: string = mjmlPackage.version): string {
  return createHash('sha256')
    .update(JSON.stringify([mjmlVersion, SKELETON, features]))
    .digest('hex');
}

/** The stored slugs, if they are well formed and were worked out from the same things; otherwise undefined. */
export function usableBaseline(stored: unknown, key: string): Set<string> | undefined {
  if (typeof stored !== 'object' || stored === null) return undefined;
  const { key: storedKey, slugs } = stored as Partial<StoredBaseline>;
  if (storedKey !== key || !Array.isArray(slugs) || !slugs.every((s) => typeof s === 'string')) return undefined;
  return new Set(slugs);
}

/** Compile the skeleton with the installed MJML and list the features its output uses. */
export async function workOutBaseline(features: readonly Feature[]): Promise<StoredBaseline> {
  // MJML loaded only here: the bundle has the baseline, and the studio's check worker (which has
  // not) should not carry MJML (about 50 MB) from its start for a baseline it works out once.
  const { compileMjml } = await import('../../render/mjml.js');
  const { html } = await compileMjml(SKELETON);
  return { key: baselineKey(features), slugs: featuresUsed(parseEmail(html), features).map((u) => u.feature.slug) };
}

/** The baseline from `stored` when it is still right, else worked out now. */
export async function baselineFrom(features: readonly Feature[], stored: unknown): Promise<Set<string>> {
  return usableBaseline(stored, baselineKey(features)) ?? new Set((await workOutBaseline(features)).slugs);
}

let boilerplate: Promise<Set<string>> | undefined;
/** The baseline handed over by another thread (the studio's check worker is given the bundle's). */
let handed: unknown;

/** The baseline the bundle was built with, to hand to a thread running tsc's lib/ (which has none). */
export function builtBaseline(): unknown {
  return BUILT ?? handed;
}

/** Use `stored` when it matches what this MJML would give (it is checked like the bundle's). */
export function handBaseline(stored: unknown): void {
  handed = stored;
}

/** Slugs of the features MJML's own output uses: from the build when it matches, else worked out once per process. */
export function mjmlBoilerplate(features: readonly Feature[]): Promise<Set<string>> {
  boilerplate ??= baselineFrom(features, BUILT ?? handed);
  return boilerplate;
}
