// Pictures in Mailchimp: uploaded to the File Manager once each (by the hash of their bytes), into a
// folder for the issue, through the stand-in that checks every request against the published spec;
// the campaign HTML points at the returned full_size_url; nothing is ever deleted.
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import { pictureBytes } from '../../src/archive/pictures.js';
import { hostedHtml } from '../../src/publish/host-pictures.js';
import { publish } from '../../src/publish/publish.js';
import { imageNames } from '../../src/render/images.js';
import { openStore, type Store } from '../../src/state/store.js';
import { approve } from '../../src/workflow/approve.js';
import type { TempProject } from '../helpers/project.js';
import { campaignsOf, fastClient, now, publishArgs } from '../publish/fixture.js';
import { aprilWithPictures } from './fixtures.js';

const ACK =
  'acknowledgements:\n  - code: privacy/photo\n    text: residential-setting.jpg\n    reason: no child or family can be identified from this picture\n    by: A. Secretariat\n';
let project: TempProject;
let store: Store;
let standin: Standin;
beforeAll(async () => {
  project = await aprilWithPictures();
  await project.write('content/issues/2022-04/issue.yaml', (await project.read('content/issues/2022-04/issue.yaml')) + ACK);
  store = openStore(path.join(project.root, '.newsletter', 'state.db'), now);
  await approve(project.paths, store, { id: '2022-04', by: 'Ann Chair', now });
  standin = await startStandin({ now });
});
afterAll(async () => {
  await standin.stop();
  store.close();
  await project.remove();
});

const uploads = () => standin.requests.filter((r) => r.operationId === 'postFileManagerFiles');

test('publish uploads each picture once into a folder for the issue, and the campaign points at full_size_url', async () => {
  await publish(project.paths, store, publishArgs(standin));
  const snapshot = store.approvals.approvedSnapshot('2022-04', 1)!;
  const names = imageNames(snapshot.html);
  expect(names).toHaveLength(2);
  expect(uploads().map((r) => r.status)).toEqual([200, 200]);
  const folders = [...standin.fileManager.folders.values()];
  expect(folders.map((f) => f.name)).toEqual(['panel-newsletter 2022-04']);
  const files = [...standin.fileManager.files.values()];
  expect(files.map((f) => f.name).sort()).toEqual([...names].sort());
  expect(files.every((f) => f.folder_id === folders[0]!.id && f.type === 'image')).toBe(true);
  // The bytes uploaded are the processed files, byte for byte.
  for (const f of files) expect(f.sha256.slice(0, 32)).toBe(f.name.slice(0, 32));
  const html = campaignsOf(standin)[0]!.content.html;
  expect(html).not.toMatch(/src="\/images\//);
  for (const f of files) expect(html).toContain(`src="${f.full_size_url}"`);
  // The approved snapshot keeps its own addresses: the content hash is the same everywhere.
  expect(snapshot.html).toContain(`/images/${names[0]}`);
});

test('publishing again uploads nothing; no file is ever deleted', async () => {
  await publish(project.paths, store, publishArgs(standin));
  expect(uploads()).toHaveLength(2);
  expect(standin.requests.filter((r) => r.operationId === 'postFileManagerFolders')).toHaveLength(1);
  expect(standin.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
  expect(standin.fileManager.deleted).toEqual([]);
});

test('the next issue with the same logo uploads nothing for it, and makes no folder when it uploads nothing', async () => {
  const snapshot = store.approvals.approvedSnapshot('2022-04', 1)!;
  const logoOnly = snapshot.html.replace(/<img src="\/images\/[0-9a-f]{32}\.jpg"[^>]*>/, '');
  expect(imageNames(logoOnly)).toHaveLength(1);
  const html = await hostedHtml(
    {
      client: fastClient(standin)(),
      store,
      issueId: '2022-05',
      pictures: (n) => pictureBytes(project.paths, n),
      progress: () => undefined,
    },
    logoOnly,
  );
  expect(uploads()).toHaveLength(2);
  expect(standin.fileManager.folders.size).toBe(1);
  expect(html).toContain('https://mcusercontent.com/');
});
