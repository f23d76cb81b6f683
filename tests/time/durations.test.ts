// One duration grammar (time/uk.ts) for share links and the daemon's settings: the same text means
// the same time in both, each setting keeping its own bounds and its own reading of a bare number.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDuration as daemonSetting, schedulerConfigFromEnv } from '../../src/scheduler/config.js';
import { parseDuration as shareExpiry } from '../../src/share/share-token.js';
import { parseDuration } from '../../src/time/uk.js';
import { REPO } from '../helpers/project.js';

describe('the one duration grammar', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['45 min', 2_700_000],
    ['2 hours', 7_200_000],
    ['1.5h', 5_400_000],
    ['7d', 604_800_000],
    ['7 days', 604_800_000],
    ['1 day', 86_400_000],
    ['2w', 1_209_600_000],
    ['2 weeks', 1_209_600_000],
    ['1 Week', 604_800_000],
    [' 12h ', 43_200_000],
  ])('reads %j as %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '7', '7 dayz', '2 months', '7 d ays', 'forever', '-3h', '3 h m', '1e3m', `${' '.repeat(30)}1h${' '.repeat(30)}`])(
    'refuses %j',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );

  it('means the same in a share link and in the daemon settings', () => {
    for (const text of ['90s', '30m', '45 min', '2 hours', '12h', '7d'])
      expect([shareExpiry(text), daemonSetting(text, 'NEWSLETTER_GRACE')]).toEqual([parseDuration(text)! / 1000, parseDuration(text)]);
    // Days and weeks are share-link lengths the daemon settings now read too.
    expect(schedulerConfigFromEnv({ NEWSLETTER_GRACE: '1d' }).graceMs).toBe(86_400_000);
    // A bare number is minutes for the daemon (as before), and no length for a share link.
    expect([daemonSetting('45', 'NEWSLETTER_LEASE'), shareExpiry('45')]).toEqual([2_700_000, undefined]);
  });

  it('lives with the rest of UK time: only time/ uses Luxon (uk.ts, and london.ts for the zone)', async () => {
    const src = path.join(REPO, 'src');
    const users: string[] = [];
    for (const f of await readdir(src, { recursive: true }))
      if (f.endsWith('.ts') && /from 'luxon'/.test(await readFile(path.join(src, f), 'utf8'))) users.push(f);
    expect(users.sort()).toEqual([path.join('time', 'london.ts'), path.join('time', 'uk.ts')]);
  });
});
