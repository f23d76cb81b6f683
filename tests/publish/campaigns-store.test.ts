// store.campaigns: what publishing remembers of an issue's campaign, field by field; a new
// campaign id forgets the old campaign's content and schedule. The daemon reads campaignId.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/state/store.js';
import { now } from './fixture.js';

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'newsletter-campaigns-'));
  store = openStore(path.join(dir, 'state.db'), now);
});
afterEach(async () => {
  store.close();
  await rm(dir, { recursive: true, force: true });
});

it('records each field, keeps the others, and survives reopening', () => {
  expect(store.campaigns.get('2022-04')).toBeUndefined();
  store.campaigns.record('2022-04', { campaignId: 'c1' });
  store.campaigns.record('2022-04', { contentSet: { snapshotHash: 's', remoteContentHash: 'r' } });
  store.campaigns.record('2022-04', { scheduledFor: new Date('2022-04-05T08:00:00Z') });
  store.close();
  store = openStore(path.join(dir, 'state.db'), now);
  expect(store.campaigns.get('2022-04')).toEqual({
    issueId: '2022-04',
    campaignId: 'c1',
    contentSet: { snapshotHash: 's', remoteContentHash: 'r' },
    scheduledFor: new Date('2022-04-05T08:00:00Z'),
    updatedAt: now(),
  });
});

it('a different campaign forgets what was set on the old one', () => {
  store.campaigns.record('2022-04', { campaignId: 'c1', contentSet: { snapshotHash: 's', remoteContentHash: 'r' }, scheduledFor: now() });
  store.campaigns.record('2022-04', { campaignId: 'c2' });
  expect(store.campaigns.get('2022-04')).toMatchObject({ campaignId: 'c2', contentSet: null, scheduledFor: null });
  store.campaigns.record('2022-04', { scheduledFor: null });
  expect(store.campaigns.get('2022-04')?.campaignId).toBe('c2');
});
