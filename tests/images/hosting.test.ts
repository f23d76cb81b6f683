// Where pictures live: served by the studio and `serve --public` at /images/<hash>, kept with an
// issue's sent record, and copied by `build --site` beside the archive pages that show them.
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freezeIssue } from '../../src/workflow/record-sent.js';
import { findIssue, loadProject, loadTemplates } from '../../src/pipeline.js';
import { imageNames } from '../../src/render/images.js';
import { renderIssue } from '../../src/render/index.js';
import { writeSite } from '../../src/site/build.js';
import { type Running, runPreview } from '../helpers/preview-server.js';
import { addPictures } from './fixtures.js';

let running: Running;
let names: string[];
beforeAll(async () => {
  running = await runPreview('public', (p) => addPictures(p));
  const loaded = await loadProject(running.project.paths);
  const rendered = await renderIssue(loaded.content!, findIssue(loaded.content!, '2022-04'), await loadTemplates(running.project.paths));
  names = imageNames(rendered.html);
});
afterAll(() => running.stop());

test('serve --public answers /images/<name> with the processed bytes, kept for good; other names are not found', async () => {
  expect(names).toHaveLength(2);
  for (const name of names) {
    const res = await fetch(`${running.url}/images/${name}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(name.endsWith('.jpg') ? 'image/jpeg' : 'image/png');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const meta = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(meta.exif).toBeUndefined();
  }
  for (const bad of [
    '0123456789abcdef0123456789abcdef.jpg',
    'issue.yaml',
    '..%2f..%2fcontent%2fnewsletter.yaml',
    names[0]!.replace('.', '.x'),
  ])
    expect((await fetch(`${running.url}/images/${bad}`)).status).toBe(404);
});

test('a sent issue keeps its pictures in sent/images/, and build --site copies them beside the archive without the cache', async () => {
  const { paths } = running.project;
  await freezeIssue(paths, '2022-04', { publicUrl: 'https://example.org', now: new Date('2022-04-04T10:00:00Z') });
  const kept = await readdir(path.join(paths.content, 'issues/2022-04/sent/images'));
  expect(kept.sort()).toEqual([...names].sort());
  // The cache can go: the sent record has what the archive needs, and the server still answers.
  // The running studio may be writing into it meanwhile (the freeze changed the issue, and it renders
  // again): rm tries again on a folder that was filled as it emptied it.
  await rm(path.join(paths.root, '.cache/images'), { recursive: true, maxRetries: 5 });
  expect((await fetch(`${running.url}/images/${names[1]}`)).status).toBe(200);
  const loaded = await loadProject(paths);
  await rm(path.join(paths.root, '.cache/images'), { recursive: true, force: true, maxRetries: 5 });
  const site = path.join(paths.root, 'dist/site');
  const { files } = await writeSite(site, paths, loaded.content!, 'https://example.org');
  for (const name of names) expect(files).toContain(`images/${name}`);
  const page = await readFile(path.join(site, 'archive/2022-04/index.html'), 'utf8');
  for (const name of names) expect(page).toContain(`src="../../images/${name}"`);
  expect(page).not.toContain('src="/images/');
});
