// Links: well formed, https or mailto, never script, never empty, with words that say where they go.
// Online: only against a server on 127.0.0.1.
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linksCheck } from '../../src/check/checks/links.js';
import { onlineLinksCheck } from '../../src/check/checks/online-links.js';
import type { LinkFetcher } from '../../src/check/context.js';
import { appendToBody, checkApril, SECTION, withCode } from './april.js';

const ARTICLE = 'templates/email/sections/article.mjml.hbs';

describe('links check', () => {
  it('"here" and "click here" as link text are warnings in their section (WCAG 2.4.4)', async () => {
    const report = await checkApril(
      appendToBody(0, 'Read the report [here](https://www.gov.uk/a). To book, [Click here!](https://www.gov.uk/b)'),
      [linksCheck],
    );
    expect(withCode(report, 'links/vague-text').map((f) => [f.severity, f.section, f.message])).toEqual([
      ['warning', SECTION.welcome, 'the link text "here" does not say where the link goes (WCAG 2.4.4)'],
      ['warning', SECTION.welcome, 'the link text "Click here!" does not say where the link goes (WCAG 2.4.4)'],
    ]);
  });

  it('a plain http link, a broken address and a bad mailto are errors', async () => {
    const report = await checkApril(
      appendToBody(
        0,
        'See [the old page](http://www.gov.uk/old), [the typo](https://wwwgovuk/a) and [write to us](mailto:panel-at-education.gov.uk).',
      ),
      [linksCheck],
    );
    expect(report.findings.map((f) => [f.code, f.severity, f.section?.type])).toEqual([
      ['links/insecure', 'error', 'welcome'],
      ['links/malformed', 'error', 'welcome'],
      ['links/malformed', 'error', 'welcome'],
    ]);
  });

  it('javascript:, data:, empty, "#" and a missing anchor in a template are errors in that section', async () => {
    const links =
      '<a href="javascript:alert(1)">Open the report</a> <a href="data:text/html,hi">Data</a> <a href="">Empty</a> <a href="#">Top</a> <a href="#s99-nowhere">Nowhere</a> <a href="#s1-welcome">Back to the welcome</a>';
    const report = await checkApril({ template: [ARTICLE, '</mj-text>', `<p>${links}</p></mj-text>`] }, [linksCheck]);
    const inReview = report.findings.filter((f) => f.section?.index === 2).map((f) => [f.code, f.severity]);
    expect(inReview).toEqual([
      ['links/unsafe', 'error'],
      ['links/unsafe', 'error'],
      ['links/empty', 'error'],
      ['links/empty', 'error'],
      ['links/broken-anchor', 'error'],
    ]);
  });
});

describe('online links check', () => {
  let server: Server;
  let base: string;
  const requests: string[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  beforeAll(async () => {
    server = createServer((req, res) => {
      requests.push(`${req.method} ${req.url}`);
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      res.on('close', () => inFlight--);
      const reply = (status: number, headers: Record<string, string> = {}) =>
        setTimeout(() => res.writeHead(status, headers).end(req.method === 'GET' ? 'page' : undefined), 20);
      if (req.url === '/ok') reply(200);
      else if (req.url === '/moved') reply(301, { location: '/ok' });
      else if (req.url === '/chain') reply(302, { location: `${base}/moved` });
      else if (req.url === '/gone') reply(404);
      else if (req.url === '/no-head') reply(req.method === 'HEAD' ? 405 : 200);
      else if (req.url === '/loop') reply(302, { location: '/loop' });
      else if (req.url === '/silent')
        return; // never answers: only the time limit ends it
      else reply(500);
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  const page = (paths: string[]) => ({
    rendered: () => ({
      html: `<html lang="en"><body><h1>Masthead</h1><div><h2 id="s8-stakeholder-news">News</h2>${paths.map((p) => `<a href="${base}${p}">Link to ${p}</a>`).join(' ')}</div><a href="mailto:x@example.org">Write</a> <a href="*|UNSUB|*">Unsubscribe</a></body></html>`,
    }),
  });

  it('requests each address once, HEAD then GET, and reports broken links and redirect chains in their section', async () => {
    requests.length = 0;
    const report = await checkApril(page(['/ok', '/ok', '/moved', '/chain', '/gone', '/no-head', '/loop', '/error']), [onlineLinksCheck], {
      fetch: fetch as LinkFetcher,
    });
    expect(report.findings.map((f) => [f.code, f.severity, f.section?.type, f.message])).toEqual([
      ['online-links/redirect', 'warning', 'stakeholder-news', `${base}/moved redirects 1 time: ${base}/moved → ${base}/ok`],
      [
        'online-links/redirect',
        'warning',
        'stakeholder-news',
        `${base}/chain redirects 2 times: ${base}/chain → ${base}/moved → ${base}/ok`,
      ],
      ['online-links/broken', 'error', 'stakeholder-news', `${base}/gone answers 404`],
      ['online-links/unreachable', 'warning', 'stakeholder-news', expect.stringMatching(/^.*\/loop: more than 5 redirects after /)],
      ['online-links/broken', 'error', 'stakeholder-news', `${base}/error answers 500`],
    ]);
    expect(requests.filter((r) => r.endsWith(' /ok')).length).toBe(3); // once linked twice, and at the end of two redirects
    expect(requests).toContain('HEAD /no-head');
    expect(requests).toContain('GET /no-head');
    expect(requests.some((r) => r.includes('UNSUB') || r.includes('mailto'))).toBe(false);
  });

  it('asks no more than the concurrency allows at once, and gives up on a silent server within the time limit', async () => {
    mostInFlight = 0;
    const report = await checkApril(page(['/ok', '/moved', '/gone', '/no-head', '/error', '/silent']), [onlineLinksCheck], {
      fetch: fetch as LinkFetcher,
      online: { concurrency: 2, requestMs: 300, totalMs: 5_000 },
    });
    expect(mostInFlight).toBeLessThanOrEqual(2);
    expect(withCode(report, 'online-links/unreachable').map((f) => f.message)).toEqual([`${base}/silent: no answer in time`]);
  });

  it('names the file that holds each broken link: the issue, the review registry or the newsletter settings', async () => {
    // Every address of the real April issue, answered by the loopback server's 404.
    const gone: LinkFetcher = (url, init) => fetch(`${base}/gone?for=${encodeURIComponent(url)}`, init);
    const report = await checkApril({}, [onlineLinksCheck], { fetch: gone });
    const fixFor = (url: string) => report.findings.find((f) => f.message.startsWith(`${url} `))?.fix;
    const ISSUE = 'content/issues/2022-04/issue.yaml';
    expect(fixFor('https://learning.nspcc.org.uk/case-reviews')).toBe(`find the page's current address and correct the link in ${ISSUE}`);
    expect(fixFor('https://www.hullscp.co.uk/child-safeguarding-practice-reviews/')).toBe(
      "find the page's current address and correct the link in content/reviews.yaml",
    );
    expect(fixFor('https://twitter.com/CSPRPanel')).toBe("find the page's current address and correct the link in content/newsletter.yaml");
    expect(
      fixFor('https://www.gov.uk/government/publications/national-review-into-the-murders-of-arthur-labinjo-hughes-and-star-hobson'),
    ).toBe(`find the page's current address and correct the link in ${ISSUE} and content/reviews.yaml`);
    expect(report.findings.every((f) => f.code === 'online-links/broken')).toBe(true);
  });

  it('with no network, one finding says the internet could not be reached, not one per link', async () => {
    const closed = await Promise.all([freePort(), freePort()]);
    const offline = await checkApril(
      {
        rendered: () => ({
          html: `<html lang="en"><body><h2 id="s8-stakeholder-news">News</h2>${closed
            .flatMap((port) => [`http://127.0.0.1:${port}/a`, `http://127.0.0.1:${port}/b`])
            .map((href) => `<a href="${href}">Read ${href}</a>`)
            .join(' ')}</body></html>`,
        }),
      },
      [onlineLinksCheck],
      { fetch: fetch as LinkFetcher },
    );
    expect(offline.findings.map((f) => [f.code, f.severity, f.section])).toEqual([['online-links/offline', 'warning', null]]);
    expect(offline.findings[0]!.message).toMatch(
      /^could not reach the internet: none of the 4 web addresses answered \(http:\/\/127\.0\.0\.1:\d+\/a: /,
    );
    expect(offline.findings[0]!.fix).toBe(
      "check this computer's internet connection (or proxy), then run `newsletter check 2022-04 --online` again",
    );
  });

  it('a single host that does not answer is a finding for that link, not "offline"', async () => {
    const port = await freePort();
    const report = await checkApril(
      { rendered: () => ({ html: `<html lang="en"><body><a href="http://127.0.0.1:${port}/a">Read the page</a></body></html>` }) },
      [onlineLinksCheck],
      { fetch: fetch as LinkFetcher },
    );
    expect(report.findings.map((f) => f.code)).toEqual(['online-links/unreachable']);
    expect(report.findings[0]!.fix).toMatch(/correct it in templates\/email\/layout\.mjml\.hbs$/);
  });

  it('does nothing without a fetch function: offline by default', async () => {
    const report = await checkApril(page(['/ok']), [onlineLinksCheck]);
    expect(report.findings).toEqual([]);
  });
});

/** A loopback port with nothing listening on it: connections are refused. */
async function freePort(): Promise<number> {
  const probe = createNetServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
