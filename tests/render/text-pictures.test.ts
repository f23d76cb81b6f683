// Pictures in the plain-text version: where the email shows each one, what it means (its alt text)
// with its link, then its caption; a decorative picture says nothing but its caption.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Content, Issue, Section } from '../../src/content/schema.js';
import { findIssue, loadProject, projectPaths, usableContent } from '../../src/pipeline.js';
import { renderText } from '../../src/render/text.js';
import { REPO } from '../helpers/project.js';

let content: Content;
let april: Issue;
beforeAll(async () => {
  content = usableContent(await loadProject(projectPaths(REPO), { issue: '2022-04' }), ['2022-04']);
  april = findIssue(content, '2022-04');
});

/** April with its sections changed by `edit`, rendered as plain text. */
function textWith(edit: (sections: Section[]) => void): string {
  const sections = structuredClone(april.sections);
  edit(sections);
  return renderText(content, { ...april, sections });
}
const of = <T extends Section['type']>(sections: Section[], type: T) =>
  sections.find((s) => s.type === type) as Extract<Section, { type: T }>;

describe('pictures in the plain text', () => {
  it('says what a picture means, with its link and caption, between the heading and the text', () => {
    const text = textWith((sections) => {
      of(sections, 'welcome').image = {
        src: 'chair.jpg',
        alt: 'Annie Hudson, chair of the Panel, speaking at the launch of the annual report',
        caption: 'The launch in London, March 2022.',
        link: 'https://www.gov.uk/government/organisations/child-safeguarding-practice-review-panel',
      };
    });
    const welcome = text.slice(text.indexOf(of(april.sections, 'welcome').title));
    const [heading, , ...rest] = welcome.split('\n');
    expect(heading).toBe(of(april.sections, 'welcome').title);
    const after = rest.slice(1).join('\n');
    expect(after).toMatch(
      /^\[Picture: Annie Hudson, chair of the Panel, speaking at the launch of the\s+annual report\]\s\(https:\/\/www\.gov\.uk\/government\/organisations\/child-safeguarding-practice-review-panel\)\nThe launch in London, March 2022\.\n\nAs we move into/,
    );
    // Wrapped at 76 characters like every other line.
    expect(
      Math.max(
        ...text
          .split('\n')
          .filter((l) => !l.includes('https://'))
          .map((l) => l.length),
      ),
    ).toBeLessThanOrEqual(76);
  });

  it('says nothing of a decorative picture but its caption, and nothing at all without one', () => {
    const plain = renderText(content, april);
    expect(plain).not.toContain('[Picture');
    const decorative = textWith((sections) => {
      of(sections, 'welcome').image = { src: 'line.png', decorative: true };
    });
    expect(decorative).toBe(plain);
    const captioned = textWith((sections) => {
      of(sections, 'welcome').image = { src: 'line.png', decorative: true, caption: 'Spring 2022.' };
    });
    expect(captioned).not.toContain('[Picture');
    expect(captioned).toContain('\nSpring 2022.\n\nAs we move into');
  });

  it('puts a news item’s picture after its title, before its text', () => {
    const text = textWith((sections) => {
      const news = of(sections, 'stakeholder-news');
      news.items[0]!.image = { src: 'event.jpg', alt: 'Practitioners at a regional learning event' };
    });
    const news = of(april.sections, 'stakeholder-news').items[0]!;
    const at = text.indexOf('[Picture: Practitioners at a regional learning event]');
    expect(at).toBeGreaterThan(news.title ? text.indexOf(news.title.toUpperCase()) : 0);
    expect(text.indexOf('[Picture: Practitioners at a regional learning event]\n\n')).toBe(at);
  });
});
