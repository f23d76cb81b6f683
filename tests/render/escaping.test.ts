// HTML escaping is written once (render/html.ts): the reminder and the proof mail's merge values
// escape through it, quotes included, and no other file in src/ writes its own.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillMergeTags } from '../../src/distribute/proof-mail.js';
import { escapeHtml } from '../../src/render/html.js';
import { reminderMail } from '../../src/scheduler/reminders.js';
import { loadProject } from '../../src/pipeline.js';
import { REPO } from '../helpers/project.js';
import { projectPaths } from '../../src/files/project-paths.js';

const HOSTILE = `Tom & Jerry's <b>"best"</b>`;

describe('HTML escaping', () => {
  it('escapes the five characters', () => {
    expect(escapeHtml(HOSTILE)).toBe('Tom &amp; Jerry&#39;s &lt;b&gt;&quot;best&quot;&lt;/b&gt;');
  });

  it('is what the reminder and the proof mail use', async () => {
    const newsletter = (await loadProject(projectPaths(REPO))).content!.newsletter;
    const item = { kind: 'needs-attention' as const, issue: '2022-04', subject: HOSTILE, sendAt: '5 April 2022', note: HOSTILE };
    const mail = reminderMail([item], newsletter, ['chair@example.org'], '2022-04-04');
    expect(mail.html).toContain(`“${escapeHtml(HOSTILE)}” (send 5 April 2022): ${escapeHtml(HOSTILE)}</li>`);
    expect(fillMergeTags('<p>*|FNAME|*</p>', { FNAME: HOSTILE }, true)).toBe(`<p>${escapeHtml(HOSTILE)}</p>`);
  });

  it('is written in one file of src/', async () => {
    const src = path.join(REPO, 'src');
    const own: string[] = [];
    for (const f of await readdir(src, { recursive: true }))
      if (
        f.endsWith('.ts') &&
        f !== path.join('render', 'html.ts') &&
        /'&amp;'|'&lt;'|'&quot;'/.test(await readFile(path.join(src, f), 'utf8'))
      )
        own.push(f);
    expect(own).toEqual([]);
  });
});
