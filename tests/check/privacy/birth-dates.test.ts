// Dates of birth in the ways people write them are errors wherever they stand; dates that are not
// births (publications, events, a mother born in another country) stay quiet.
import { describe, expect, it } from 'vitest';
import { privacyCheck } from '../../../src/check/privacy/index.js';
import { scanText } from '../../../src/check/privacy/scan.js';
import { appendToBody, checkApril } from '../april.js';
import { fixtureAllowList } from './helpers.js';

const allow = await fixtureAllowList();
const births = async (text: string) => (await scanText(text, allow)).filter((d) => d.kind === 'date-of-birth').map((d) => d.text);

describe('dates of birth', () => {
  it.each([
    ['Amelia Roberts (born 14 March 2015) died at home.', 'born 14 March 2015'],
    ['Amelia Roberts, born 14/03/2015, died at home.', 'born 14/03/2015'],
    ['Amelia Roberts, born on the 14th of March 2015, died at home.', 'born on the 14th of March 2015'],
    ['Amelia Roberts was born on 14th March 2015.', 'born on 14th March 2015'],
    ['Amelia Roberts was born March 14, 2015, in Leeds.', 'born March 14, 2015'],
    ['Amelia Roberts was born 14.03.2015.', 'born 14.03.2015'],
    ['Amelia Roberts was born 2015-03-14.', 'born 2015-03-14'],
    ['Amelia Roberts was born 14/03/15.', 'born 14/03/15'],
    ['Amelia Roberts was born prematurely at home on 14 March 2015.', 'born prematurely at home on 14 March 2015'],
    ['Amelia Roberts was born in Leeds in March 2015.', 'born in Leeds in March 2015'],
    ['Amelia Roberts (b. 14 March 2015) died at home.', 'b. 14 March 2015'],
    ['Amelia Roberts (date of birth: 14 March 2015) died at home.', 'date of birth: 14 March 2015'],
    ['Her date-of-birth was given as 14-Mar-2015.', 'date-of-birth was given as 14-Mar-2015'],
    ['Amelia Roberts, DOB 14/03/2015, died at home.', 'DOB 14/03/2015'],
    ['Amelia Roberts (DoB: 2015-03-14) died at home.', 'DoB: 2015-03-14'],
    ['Amelia Roberts (D.O.B. 14.03.2015) died at home.', 'D.O.B. 14.03.2015'],
    ['Her birth date, 14 March 2015, was on the referral.', 'birth date, 14 March 2015'],
    ['Amelia Roberts (14 March 2015 – 2 June 2021) died at home.', '14 March 2015'],
  ])('%s', async (text, found) => {
    expect(await births(text)).toEqual([found]);
  });

  it.each([
    'The mother was born in Pakistan and moved to England in 2001.',
    'The child was born at 28 weeks in St James’s Hospital.',
    'The programme was born out of the 2017 Act.',
    'A new-born in 2015 was seen by the health visitor.',
    'The review was published on 14 March 2022 by Leeds Safeguarding Children Partnership.',
    'Jane Smith will speak at the conference on 14 June 2022.',
    'The Annual Conference (14 June 2022 – 15 June 2022) is in Leeds.',
    'Working Together (1 July 2018 – 9 December 2023) was the guidance in force.',
  ])('stays quiet: %s', async (text) => {
    expect(await scanText(text, allow)).toEqual([]);
  });

  it('blocks the issue as an error, pinned to its field', async () => {
    const report = await checkApril(appendToBody(0, 'Amelia Roberts (born 14 March 2015) died at home.'), [privacyCheck]);
    expect(report.findings.map((f) => [f.code, f.severity, f.field, f.span?.text])).toEqual([
      ['privacy/date-of-birth', 'error', 'body', 'born 14 March 2015'],
    ]);
    expect(report.findings[0]!.message).toBe(
      '"born 14 March 2015" gives a date of birth. Is this detail in the published report? If not, remove it.',
    );
  });
});
