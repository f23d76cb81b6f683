// The local-authority data and the script that refreshes it from the ONS lists.
import { describe, expect, it } from 'vitest';
import { LOCAL_AUTHORITIES, localAuthorityNames } from '../../../src/check/privacy/local-authorities.js';
import { csvRow, readAuthorities, refreshed } from '../../../scripts/refresh-local-authorities.js';

describe('local authorities', () => {
  it('lists the English upper tier and districts, with the names people write', () => {
    expect(LOCAL_AUTHORITIES.upperTier.length).toBeGreaterThanOrEqual(150);
    expect(LOCAL_AUTHORITIES.districts.length).toBeGreaterThanOrEqual(160);
    expect(LOCAL_AUTHORITIES.source).toMatch(/ONS/);
    for (const n of ['Doncaster', 'Hull', 'Brighton', 'Kirklees', 'North Yorkshire', 'Newcastle', 'Durham'])
      expect(localAuthorityNames()).toContain(n);
  });

  it('refreshes from ONS names-and-codes CSVs: English codes only, plain names, tiers by code', () => {
    const lad =
      'LAD23CD,LAD23NM,LAD23NMW,ObjectId\nE06000023,"Bristol, City of",,1\nE07000026,Allerdale,,2\nE08000001,Bolton,,3\nW06000015,Cardiff,Caerdydd,4\n';
    const cty = '\uFEFFCTYUA23CD,CTYUA23NM\nE10000002,Buckinghamshire\nS12000033,Aberdeen City\n';
    expect(csvRow('a,"b, c",d')).toEqual(['a', 'b, c', 'd']);
    const next = refreshed(LOCAL_AUTHORITIES, readAuthorities([lad, cty]), '2023-05', ['LAD.csv', 'CTYUA.csv']);
    expect(next.upperTier).toEqual(['Bolton', 'Bristol', 'Buckinghamshire']);
    expect(next.districts).toEqual(['Allerdale']);
    expect(next.areas).toEqual(LOCAL_AUTHORITIES.areas);
    expect(next.asOf).toBe('2023-05');
  });
});
