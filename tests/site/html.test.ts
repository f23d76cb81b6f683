// The escaping template the studio's pages are written with.
import { describe, expect, it } from 'vitest';
import { joinHtml, markup, raw } from '../../src/page/html.js';

describe('markup``', () => {
  it('escapes every interpolated value, lists included, and leaves markup it made or raw() as it is', () => {
    const name = `<script>alert("x")</script> & 'co'`;
    const inner = markup`<em>${name}</em>`;
    expect(markup`<p title="${name}">${inner}${[name, raw('<br>')]}${undefined}${false}${3}</p>`.text).toBe(
      `<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"><em>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;</em>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;<br>3</p>`,
    );
    expect(joinHtml([markup`<li>${'a<'}</li>`, markup`<li>b</li>`], '\n').text).toBe('<li>a&lt;</li>\n<li>b</li>');
  });
});
