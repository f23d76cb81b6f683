// parseYaml keeps the last few documents it parsed (check reads an edited issue file to load it and
// again to place its findings): each call still gets data of its own and the same positions.
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/content/yaml.js';

const text = 'title: April\nsections:\n  - type: welcome\n    body: Hello\n';

describe('a YAML text parsed again', () => {
  it('gives each caller its own data, with the same positions', () => {
    const first = parseYaml({ file: 'content/issues/x/issue.yaml', text });
    const second = parseYaml({ file: 'content/issues/x/issue.yaml', text });
    if (Array.isArray(first) || Array.isArray(second)) return expect.fail('the text parses');
    (first.data as { title: string }).title = 'changed by a caller';
    expect((second.data as { title: string }).title).toBe('April');
    expect(second.positionOf(['sections', 0, 'body'])).toEqual(first.positionOf(['sections', 0, 'body']));
    expect(second.positionOf(['sections', 0, 'body'])).toEqual({ line: 4, column: 11 });
  });

  it('names the file it was asked about, even when the text was parsed for another', () => {
    parseYaml({ file: 'a.yaml', text: 'x: [' });
    const again = parseYaml({ file: 'b.yaml', text: 'x: [' });
    expect(Array.isArray(again) && again[0]!.file).toBe('b.yaml');
  });
});
