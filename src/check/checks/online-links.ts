// `check --online`: request each unique web address once (HEAD, then GET when HEAD is refused),
// a few at a time and within a time limit, and report broken links and redirect chains, each with
// the file that holds the link. When no address answers at all, the machine is offline: one finding.
// The fetch function is passed in; without it this check does nothing.
import { CONTENT_FILES } from '../../files/project-paths.js';
import type { Issue } from '../../content/schema.js';
import { type Check, type CheckContext, type LinkFetcher, sectionRef, templateFor } from '../context.js';
import type { Finding } from '../finding.js';

export const ONLINE_DEFAULTS = { concurrency: 6, requestMs: 10_000, totalMs: 60_000 };
const MAX_HOPS = 5;

type Outcome = { status: number; chain: string[] } | { failed: string; chain: string[] };

export const onlineLinksCheck: Check = {
  name: 'online-links',
  description: 'with --online: every web address answers, without redirect chains',
  waits: true,
  run: async (ctx) => {
    const fetch = ctx.options.fetch;
    if (!fetch) return [];
    const limits = { ...ONLINE_DEFAULTS, ...ctx.options.online };
    const urls = linkedUrls(ctx);
    const deadline = AbortSignal.timeout(limits.totalMs);
    const outcomes = new Map<string, Outcome>();
    const queue = [...urls.keys()];
    const worker = async () => {
      for (let url = queue.shift(); url !== undefined; url = queue.shift())
        outcomes.set(
          url,
          deadline.aborted
            ? { failed: 'not requested: the online check ran out of time', chain: [url] }
            : await follow(fetch, url, limits.requestMs, deadline),
        );
    };
    await Promise.all(Array.from({ length: Math.min(limits.concurrency, urls.size) }, worker));
    return offline(ctx, outcomes) ?? [...urls].flatMap(([url, sections]) => report(ctx, url, sections, outcomes.get(url)!));
  },
};

/** Each http(s) address linked from the email, with the sections that link to it. */
function linkedUrls({ email }: CheckContext): Map<string, (number | null)[]> {
  const urls = new Map<string, (number | null)[]>();
  for (const a of email.elements.filter((e) => e.name === 'a')) {
    const href = (a.attribs.href ?? '').trim();
    if (/^https?:\/\//i.test(href)) urls.set(href, [...(urls.get(href) ?? []), email.sectionOf(a)]);
  }
  return urls;
}

async function follow(fetch: LinkFetcher, url: string, requestMs: number, deadline: AbortSignal): Promise<Outcome> {
  const chain = [url];
  let current = url;
  for (let hop = 0; hop <= MAX_HOPS; hop++) {
    let status: number;
    let location: string | null;
    try {
      ({ status, location } = await request(fetch, current, requestMs, deadline));
    } catch (e) {
      const reason =
        e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')
          ? 'no answer in time'
          : e instanceof Error
            ? ((e.cause as Error | undefined)?.message ?? e.message)
            : String(e);
      return { failed: reason, chain };
    }
    if (status < 300 || status >= 400 || !location) return { status, chain };
    current = new URL(location, current).href;
    chain.push(current);
  }
  return { failed: `more than ${MAX_HOPS} redirects`, chain };
}

async function request(fetch: LinkFetcher, url: string, requestMs: number, deadline: AbortSignal) {
  const signal = () => AbortSignal.any([deadline, AbortSignal.timeout(requestMs)]);
  let response = await fetch(url, { method: 'HEAD', redirect: 'manual', signal: signal() }).catch(() => null);
  // Some servers refuse HEAD (405, 501) or answer it wrongly; ask again with GET before judging.
  if (!response || response.status === 405 || response.status === 501 || response.status >= 400)
    response = await fetch(url, { method: 'GET', redirect: 'manual', signal: signal() });
  await response.body?.cancel().catch(() => undefined); // the status is all we need; free the connection
  return { status: response.status, location: response.headers.get('location') };
}

/**
 * No address answered, on two hosts or more: the machine is offline (or a firewall is in the way),
 * which one finding says better than one per link. A single host that fails is reported as a link.
 */
function offline({ issue }: CheckContext, outcomes: Map<string, Outcome>): Finding[] | undefined {
  const all = [...outcomes];
  const answered = all.some(([, o]) => !('failed' in o) || o.chain.length > 1);
  const hosts = new Set(all.map(([url]) => new URL(url).host));
  if (answered || hosts.size < 2) return undefined;
  const [url, first] = all[0]!;
  return [
    {
      code: 'online-links/offline',
      severity: 'warning',
      section: null,
      message: `could not reach the internet: none of the ${all.length} web addresses answered (${url}: ${'failed' in first ? first.failed : ''})`,
      fix: `check this computer's internet connection (or proxy), then run \`newsletter check ${issue.id} --online\` again`,
    },
  ];
}

/** The files that hold a link: the issue, the review registry, the newsletter's settings, else the template. */
export function filesHolding(content: CheckContext['content'], issue: Issue, url: string, section: number | null): string[] {
  const folder = issue.file.slice(0, issue.file.lastIndexOf('/issues/') + 1); // "content/"
  // The whole address, not the start of a longer one: it ends where Markdown or YAML ends it.
  const written = [url, decoded(url)].map((u) => new RegExp(`${u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=$|[\\s)>\\]"'<])`));
  const holds = (value: unknown) => strings(value).some((s) => written.some((w) => w.test(s)));
  const files = [
    holds(issue.sections) || holds(issue.preheader) ? issue.file : undefined,
    holds(content.reviews) ? folder + CONTENT_FILES.reviews : undefined,
    holds(content.newsletter) ? folder + CONTENT_FILES.newsletter : undefined,
  ].filter((f): f is string => f !== undefined);
  return files.length > 0 ? files : [templateFor(issue, section)];
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function decoded(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

function report({ issue, content }: CheckContext, url: string, sections: (number | null)[], outcome: Outcome): Finding[] {
  const section = sectionRef(issue, sections[0]);
  const where = sections.length > 1 ? ` (linked ${sections.length} times)` : '';
  const fixIn = filesHolding(content, issue, url, sections[0] ?? null).join(' and ');
  if ('failed' in outcome)
    return [
      {
        code: 'online-links/unreachable',
        severity: 'warning',
        section,
        message: `${url}${where}: ${outcome.failed}${outcome.chain.length > 1 ? ` after ${outcome.chain.slice(1).join(' → ')}` : ''}`,
        fix: `open the address in a browser; if it is gone, correct it in ${fixIn}`,
      },
    ];
  const findings: Finding[] = [];
  const final = outcome.chain.at(-1)!;
  if (outcome.status >= 400)
    findings.push({
      code: 'online-links/broken',
      severity: 'error',
      section,
      message: `${url}${where} answers ${outcome.status}${final !== url ? ` at ${final}` : ''}`,
      fix: `find the page's current address and correct the link in ${fixIn}`,
    });
  else if (outcome.chain.length > 1)
    findings.push({
      code: 'online-links/redirect',
      severity: 'warning',
      section,
      message: `${url}${where} redirects ${outcome.chain.length - 1} time${outcome.chain.length > 2 ? 's' : ''}: ${outcome.chain.join(' → ')}`,
      fix: `link straight to ${final} in ${fixIn}`,
    });
  return findings;
}
