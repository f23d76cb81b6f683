// Email HTML in lines mail servers carry: no line over 998 characters, broken only where a line
// break means what the space did, and the preheader still the first text of the body.
import { parseDocument } from 'htmlparser2';
import { type ChildNode, type Element, isTag, isText, type Text } from 'domhandler';
import mjml2html from 'mjml';
import { describe, expect, it } from 'vitest';
import { MJML_OPTIONS } from '../../src/render/mjml.js';
import { MAX_LINE_LENGTH, overlongLines, wrapLines } from '../../src/render/wrap-lines.js';
import { aprilInput } from '../check/april.js';

describe('wrapLines', () => {
  it('turns spaces into line breaks between attributes and in text, never inside an attribute value', () => {
    const html = `<p class="a b c" style="color: red; margin: 0 auto">one two three four</p>`;
    const wrapped = wrapLines(html, 10);
    expect(wrapped).toBe('<p\nclass="a b c"\nstyle="color: red; margin: 0 auto">one\ntwo three\nfour</p>');
    expect(wrapped.length).toBe(html.length);
  });

  it('leaves <pre>, CSS strings and Outlook’s conditional-comment markers whole', () => {
    const html =
      '<!--[if mso | IE]><table role="presentation"><![endif]--><style>a { font-family: "Segoe UI", Arial }</style><pre>keep   these  spaces</pre><span>x y</span>';
    const wrapped = wrapLines(html, 5);
    expect(wrapped).toContain('<!--[if mso | IE]>');
    expect(wrapped).toContain('"Segoe UI"');
    expect(wrapped).toContain('<pre>keep   these  spaces</pre>');
    expect(wrapped).toContain('<table\nrole="presentation">');
    expect(wrapped).toContain('a\n{\nfont-family:\n"Segoe UI",\nArial\n}');
    expect(wrapped).toContain('<span>x\ny</span>');
  });

  it('keeps lines already short, and a line it cannot break is reported', () => {
    expect(wrapLines('<p>short</p>\n<p>lines</p>', 20)).toBe('<p>short</p>\n<p>lines</p>');
    const long = `<a href="https://example.org/${'x'.repeat(1000)}">link</a>`;
    expect(wrapLines(long)).toBe(long.replace('<a href', '<a\nhref'));
    expect(overlongLines(`<p>ok</p>\n${wrapLines(long)}`)).toEqual([{ line: 3, length: long.length - 3 }]);
  });
});

describe('the April 2022 email', () => {
  it('has no line longer than 998 characters, and the same document as MJML’s one-line output', async () => {
    const { rendered } = await aprilInput();
    expect(overlongLines(rendered.html)).toEqual([]);
    expect(Math.max(...rendered.html.split('\n').map((l) => l.length))).toBeLessThanOrEqual(MAX_LINE_LENGTH);
    const oneLine = (await mjml2html(rendered.mjml, { ...MJML_OPTIONS, validationLevel: 'soft' })).html;
    expect(rendered.html.split('\n').length).toBeGreaterThan(oneLine.split('\n').length);
    expect(shape(rendered.html)).toEqual(shape(oneLine));
  });

  it('starts its body with the preheader, then the filler, hidden without white or 1px text', async () => {
    const { rendered, issue } = await aprilInput();
    const body = parseDocument(rendered.html)
      .children.flatMap(all)
      .find((n): n is Element => isTag(n) && n.name === 'body')!;
    const firstText = all(body).find((n): n is Text => isText(n) && n.data.trim() !== '')!;
    const block = firstText.parent as Element;
    expect(firstText.data.startsWith(issue.preheader)).toBe(true);
    expect(firstText.data.slice(issue.preheader.length).replace(/[ \n]/g, '')).toBe('\u034f\u200c\u00a0'.repeat(80));
    expect(block.attribs.style).toMatch(/display:none/);
    expect(block.attribs.style).toMatch(/mso-hide:all/);
    expect(block.attribs.style).not.toMatch(/color|font-size/);
  });
});

function all(node: ChildNode): ChildNode[] {
  return [node, ...(isTag(node) ? node.children.flatMap(all) : [])];
}

/** Tags, attributes and text with runs of white space as one space: what a browser makes of it. */
function shape(html: string): string[] {
  return parseDocument(html)
    .children.flatMap(all)
    .map((n) => (isTag(n) ? `<${n.name} ${JSON.stringify(n.attribs)}>` : `${n.type}: ${'data' in n ? n.data.replace(/\s+/g, ' ') : ''}`));
}
