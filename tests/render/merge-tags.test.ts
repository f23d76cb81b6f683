// Merge tags written in body text reach the email and the plain text exactly as written (Mailchimp
// fills them), and the web version puts a reader-safe, HTML-escaped value in place of every one.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSentSnapshot } from '../../src/archive/sent.js';
import { snapshotOf } from '../../src/archive/snapshot.js';
import { writeSite } from '../../src/site/build.js';
import { markdownToHtml, markdownToText } from '../../src/render/markdown.js';
import { toWebEquivalents } from '../../src/render/merge-tags.js';
import { aprilInput, appendToBody, type Changes } from '../check/april.js';

const GREETING = 'Dear *|FNAME|*, this is *|LIST:NAME|*. To stop, *|UNSUB|*.';

describe('merge tags in Markdown', () => {
  it('stay as written, even inside emphasis, never becoming <em>', () => {
    expect(markdownToHtml(GREETING)).toBe(`<p>${GREETING}</p>`);
    expect(markdownToText(GREETING)).toBe(GREETING);
    expect(markdownToHtml('**Dear *|FNAME|*,** and _*|LNAME|*_')).toBe('<p><strong>Dear *|FNAME|*,</strong> and <em>*|LNAME|*</em></p>');
    // Half a tag is kept as typed too, so the merge-tag check can point at it.
    expect(markdownToHtml('Dear *|FNAME*, hello')).toBe('<p>Dear *|FNAME*, hello</p>');
  });

  it('reach email.html and email.txt exactly as written', async () => {
    const { rendered } = await aprilInput(appendToBody(0, GREETING));
    expect(rendered.html).toContain('Dear *|FNAME|*, this is *|LIST:NAME|*. To stop, *|UNSUB|*.');
    expect(rendered.html).not.toContain('<em>|FNAME|</em>');
    expect(rendered.text.replace(/\s+/g, ' ')).toContain(GREETING);
  });
});

describe('the web version', () => {
  it('says "Dear reader," and leaves no tag behind', async () => {
    const { rendered } = await aprilInput(appendToBody(0, GREETING));
    expect(rendered.web).toContain(
      'Dear reader, this is Child Safeguarding Practice Review Panel newsletter. To stop, https://eepurl.com/g6z_Tf.',
    );
    expect(rendered.web).not.toMatch(/\*\|/);
  });

  it('escapes every value it puts in: a <script> in the newsletter name reaches neither web.html nor the site raw', async () => {
    const hostile = 'Panel <script>alert(1)</script> & "friends"';
    const greet = appendToBody(0, 'From *|LIST:NAME|* to *|FNAME|*.');
    const changes: Changes = {
      content: (content, issue) => {
        content.newsletter.name = hostile;
        greet.content!(content, issue);
      },
    };
    const { content, issue, rendered } = await aprilInput(changes);
    expect(rendered.web).not.toContain('<script>alert(1)');
    expect(rendered.web).toContain('From Panel &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot; to reader.');

    const dir = await mkdtemp(path.join(tmpdir(), 'newsletter-site-'));
    try {
      // A content folder whose only sent record is the hostile render: the site shows it as sent.
      const noRecords = { root: dir, content: path.join(dir, 'content') };
      const snapshot = snapshotOf(content, issue, rendered, new Date('2022-04-05T08:00:00Z'));
      await writeSentSnapshot(noRecords, { snapshot, sentAt: snapshot.renderedAt, issueDigest: '0'.repeat(64) });
      const { files } = await writeSite(path.join(dir, 'site'), noRecords, content, 'https://example.org');
      for (const file of files) expect(await readFile(path.join(dir, 'site', file), 'utf8'), file).not.toContain('<script>alert(1)');
      expect(await readFile(path.join(dir, 'site/archive/2022-04/index.html'), 'utf8')).toContain('From Panel &lt;script&gt;');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('gives each of Mailchimp’s tags a value from the issue, escaped', async () => {
    const { content, issue } = await aprilInput();
    const nl = { ...content.newsletter, mergeFields: [{ tag: 'ROLE', web: '<b>practitioner</b>' }] };
    const html =
      '*|MC:SUBJECT|* · *|DATE:d/m/Y|* · *|DATE:j F Y|* · *|CURRENT_YEAR|* · *|EMAIL|* · *|ROLE|* · *|NOPE|* · <a href="*|ARCHIVE|*">';
    const page = toWebEquivalents(html, {
      newsletter: nl,
      issue: { ...issue, subject: 'A & B' },
      pageUrl: 'https://example.org/a?b=1&c=2',
    });
    expect(page).toBe(
      'A &amp; B · 05/04/2022 · 5 April 2022 · 2022 · you · &lt;b&gt;practitioner&lt;/b&gt; ·  · <a href="https://example.org/a?b=1&amp;c=2">',
    );
  });
});
