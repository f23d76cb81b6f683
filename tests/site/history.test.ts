// Sent issues are history: after regions.yaml, reviews.yaml, newsletter.yaml and both layouts
// change, April 2022 — in `build`, in `build --site` and on the public server over HTTP — is
// byte for byte what it was, because it comes from content/issues/2022-04/sent/. The control
// shows the same edits do change today's render, and that without the snapshot the issue is not public.
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSentSnapshot } from '../../src/archive/sent.js';
import { main } from '../../src/cli/main.js';
import { findIssue, loadProject, loadTemplates, renderIssue, usableContent } from '../../src/pipeline.js';
import { withStatementLink } from '../../src/site/accessibility.js';
import { withArchiveLink } from '../../src/site/footer.js';
import type { TempProject } from '../helpers/project.js';
import { rawGet, type Running, runPreview } from '../helpers/preview-server.js';

const PUBLIC_URL = 'https://newsletter.example.org';

async function changeEverythingShared(p: TempProject): Promise<void> {
  await p.edit('content/regions.yaml', '- name: Jenny Coles', '- name: Jenny Coles-Marsh');
  await p.edit('content/reviews.yaml', 'title: "CSPR Peer on Peer Abuse"', 'title: "CSPR Peer-on-peer abuse (revised)"');
  await p.edit('content/newsletter.yaml', /^name: .*$/m, 'name: The Panel Bulletin');
  await p.edit('templates/web/layout.html.hbs', 'Skip to the newsletter', 'Skip to the bulletin');
  await p.edit('templates/email/layout.mjml.hbs', 'View this email in your browser', 'Open this bulletin on the web');
}

interface Seen {
  build: Record<string, string>;
  site: Record<string, string>;
  served: { page: string; entry: string; feedEntry: string };
}

async function build(p: TempProject, ...args: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const io = { out: (t: string) => out.push(t), err: (t: string) => out.push(t), tty: false };
  process.env.PUBLIC_URL = PUBLIC_URL;
  try {
    return { code: await main(args, io, p.root), out };
  } finally {
    delete process.env.PUBLIC_URL;
  }
}

/** April 2022 as every channel shows it. */
async function seen(run: Running): Promise<Seen> {
  const p = run.project;
  expect((await build(p, 'build', '2022-04')).code).toBe(0);
  expect((await build(p, 'build', '--site')).code).toBe(0);
  const file = (rel: string) => readFile(path.join(p.root, rel), 'utf8');
  const archive = (await rawGet(run.url, '/archive/')).body;
  const feed = (await rawGet(run.url, '/feed.xml')).body;
  return {
    build: Object.fromEntries(
      await Promise.all(['email.html', 'email.txt', 'web.html'].map(async (f) => [f, await file(`dist/issues/2022-04/${f}`)] as const)),
    ),
    site: {
      page: await file('dist/site/archive/2022-04/index.html'),
      entry: /<li>[\s\S]*?<\/li>/.exec(await file('dist/site/archive/index.html'))![0],
      feedEntry: /<entry>[\s\S]*?<\/entry>/.exec(await file('dist/site/feed.xml'))![0],
    },
    served: {
      page: (await rawGet(run.url, '/archive/2022-04/')).body,
      entry: /<li>[\s\S]*?<\/li>/.exec(archive)![0],
      feedEntry: /<entry>[\s\S]*?<\/entry>/.exec(feed)![0].replaceAll(run.url, PUBLIC_URL),
    },
  };
}

let untouched: Running;
let changed: Running;
let unfrozen: Running;
beforeAll(async () => {
  untouched = await runPreview('public');
  changed = await runPreview('public', changeEverythingShared);
  unfrozen = await runPreview('public', async (p) => {
    await changeEverythingShared(p);
    await rm(path.join(p.root, 'content/issues/2022-04/sent'), { recursive: true });
  });
}, 60_000);
afterAll(async () => {
  await Promise.all([untouched?.stop(), changed?.stop(), unfrozen?.stop()]);
});

describe('April 2022 is shown as sent', () => {
  it('build, the static site and the server give the same bytes after shared content and templates change', async () => {
    const before = await seen(untouched);
    const after = await seen(changed);
    expect(after.build).toEqual(before.build);
    expect(after.site).toEqual(before.site);
    expect(after.served).toEqual(before.served);
    // …and those bytes are the recorded snapshot: what subscribers received.
    const sent = (await readSentSnapshot(changed.project.paths, '2022-04'))!;
    expect(after.build).toEqual({ 'email.html': sent.snapshot.html, 'email.txt': sent.snapshot.text, 'web.html': sent.snapshot.web });
    // The archive adds only its footer link to the accessibility statement (issue 19).
    expect(after.served.page).toBe(withStatementLink(withArchiveLink(sent.snapshot.web, '/archive/'), '/accessibility/'));
    expect(after.site.page).toBe(withStatementLink(withArchiveLink(sent.snapshot.web, '../'), '../../accessibility/'));
  }, 60_000);

  it('control: the same edits change today’s render; without its snapshot, `status: sent` puts nothing in the archive', async () => {
    const { paths } = changed.project;
    const content = usableContent(await loadProject(paths), ['2022-04']);
    const live = await renderIssue(content, findIssue(content, '2022-04'), await loadTemplates(paths));
    const sent = (await readSentSnapshot(paths, '2022-04'))!.snapshot;
    expect(live.web).not.toBe(sent.web);
    expect(live.html).not.toBe(sent.html);
    expect(live.web).toContain('Jenny Coles-Marsh');
    expect(sent.web).not.toContain('Jenny Coles-Marsh');
    expect(live.html).toContain('Open this bulletin on the web');

    // Issue 16: a `status: sent` line is not a sent record. The archive, the feed and the public
    // server leave the issue out, and `build --site` says why and how to record it deliberately.
    expect((await rawGet(unfrozen.url, '/archive/2022-04/')).status).toBe(404);
    expect((await rawGet(unfrozen.url, '/archive/')).body).not.toContain('href="2022-04/"');
    expect((await rawGet(unfrozen.url, '/feed.xml')).body).not.toContain('/archive/2022-04/');
    const { code, out } = await build(unfrozen.project, 'build', '--site');
    expect(code).toBe(0);
    expect(out.join('\n')).toContain(
      'warning: content/issues/2022-04/issue.yaml says `status: sent`, but there is no record of 2022-04 being sent',
    );
    expect(out.join('\n')).toContain('newsletter import-sent 2022-04 --by "Your Name"');
    expect(existsSync(path.join(unfrozen.project.root, 'dist/site/archive/2022-04'))).toBe(false);
    expect(await readFile(path.join(unfrozen.project.root, 'dist/site/feed.xml'), 'utf8')).not.toContain('/archive/2022-04/');
  }, 60_000);

  it('an edited issue.yaml of a sent issue: the snapshot is still shown, and build says so', async () => {
    const p = changed.project;
    const sent = (await readSentSnapshot(p.paths, '2022-04'))!.snapshot;
    await p.edit('content/issues/2022-04/issue.yaml', /^# The Panel's newsletter/m, "# A comment only: the Panel's newsletter");
    await p.edit('content/issues/2022-04/issue.yaml', /^sendAt:/m, '\nsendAt:'); // layout only
    const quiet = await build(p, 'build', '2022-04');
    expect(quiet.out.join('\n')).not.toContain('warning');

    await p.edit('content/issues/2022-04/issue.yaml', /^subject: .*$/m, 'subject: "A corrected subject"');
    for (const args of [
      ['build', '2022-04'],
      ['build', '--site'],
    ]) {
      const { code, out } = await build(p, ...args);
      expect(code).toBe(0);
      expect(out.join('\n')).toContain(
        'warning: 2022-04 was sent on 5 April 2022: content/issues/2022-04/issue.yaml has been edited since, and the edit is not shown',
      );
    }
    expect(await p.read('dist/issues/2022-04/email.html')).toBe(sent.html);
    expect(await p.read('dist/site/archive/2022-04/index.html')).toBe(
      withStatementLink(withArchiveLink(sent.web, '../'), '../../accessibility/'),
    );
    expect(await p.read('dist/site/archive/index.html')).toContain(sent.subject);
  }, 60_000);
});
