// The person, everywhere, in team mode: a save in the editor is audited with the fields it
// changed and who saved it; a proof and a share record the signed-in person; `fourEyes: true`
// stops the last person to change the content from approving it, and lets another approver.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeAuditEntry } from '../../src/workflow/audit-words.js';
import { rawRequest } from '../helpers/preview-server.js';
import { startTeamStudio, type TeamStudio, waitFor } from './team-studio.js';

let s: TeamStudio;
const FILE = 'issues/2022-05/issue.yaml';
beforeAll(async () => {
  s = await startTeamStudio({ PROOF_ALLOWLIST: '@example.org' }, (p) =>
    p.edit('content/newsletter.yaml', /^name: /m, 'fourEyes: true\nname: '),
  );
  // The draft passes every check on 30 March 2022.
  s.clock.now = new Date('2022-03-30T09:00:00Z');
}, 30_000);
afterAll(() => s.stop());

async function save(cookie: string, value: string) {
  const page = await s.get('/issues/2022-05/edit/', cookie);
  const token = /<meta name="studio-token" content="([^"]+)">/.exec(page.body)![1]!;
  const hash = /data-hash="([0-9a-f]{64})"/.exec(page.body)![1]!;
  return rawRequest(
    s.url,
    'POST',
    '/api/edit/save',
    { cookie, origin: s.origin, 'content-type': 'application/json', 'x-studio-token': token },
    JSON.stringify({ file: FILE, hash, ops: [{ op: 'set', path: ['preheader'], value }] }),
  );
}

async function approve(cookie: string) {
  const csrf = await s.formToken(cookie, '/issues/2022-05/');
  const r = await s.post(cookie, '/issues/2022-05/approve', { csrf });
  if (r.status !== 303) throw new Error(`approve answered ${r.status}: ${r.body.slice(-400)}`);
  return (await s.get((r.headers.location as string).split('#')[0]!, cookie)).body;
}

describe('in team mode', () => {
  it('a save is audited with the fields it changed and the person who saved it', async () => {
    const priya = s.sessionFor('priya@example.gov.uk');
    const r = await save(priya, 'A preheader Priya wrote');
    expect(r.status).toBe(200);
    const entry = s.store.audit.list('2022-05', 'save').at(-1)!;
    expect(entry.actor).toBe('Priya Shah <priya@example.gov.uk>');
    expect(entry.details).toMatchObject({
      file: `content/${FILE}`,
      fields: [expect.stringMatching(/changed$/)],
      person: { name: 'Priya Shah', email: 'priya@example.gov.uk', issuer: s.url, subject: 'priya@example.gov.uk' },
    });
    expect(describeAuditEntry(entry)).toMatch(/Priya Shah <priya@example\.gov\.uk> {2}saved 2022-05: .*changed/);
  });

  it('four eyes: the last person to change the content cannot approve it; another approver can', async () => {
    const priya = s.sessionFor('priya@example.gov.uk');
    const refused = await approve(priya);
    const result = /<div id="action-result"[\s\S]*?<\/div>/.exec(refused)?.[0] ?? '';
    expect(result, result).toContain('Not done:');
    expect(refused).toContain('was last changed by Priya Shah &lt;priya@example.gov.uk&gt;');
    expect(s.store.approvals.live('2022-05')).toEqual([]);
    const omar = s.sessionFor('omar@example.gov.uk');
    expect(await approve(omar)).toContain('Omar Khan &lt;omar@example.gov.uk&gt; approved 2022-05');
    expect(s.store.approvals.live('2022-05').map((a) => a.person?.email)).toEqual(['omar@example.gov.uk']);
  });

  it('a proof and a share record the signed-in person, not a typed name', async () => {
    const wren = s.sessionFor('wren@example.gov.uk');
    const csrf = await s.formToken(wren, '/issues/2022-05/');
    await s.post(wren, '/issues/2022-05/proof', { csrf, to: 'reader@example.org', by: 'Someone Else', force: 'yes' });
    await waitFor(() => s.store.audit.list('2022-05', 'proof').length > 0);
    const proofEntry = s.store.audit.list('2022-05', 'proof').at(-1)!;
    expect(proofEntry.actor).toBe('Wren Writer <wren@example.gov.uk>');
    expect(proofEntry.details.person).toEqual({
      name: 'Wren Writer',
      email: 'wren@example.gov.uk',
      issuer: s.url,
      subject: 'wren@example.gov.uk',
    });
    await s.post(wren, '/issues/2022-05/share', { csrf, expires: '1d' });
    const share = s.store.audit.list('2022-05', 'share').at(-1)!;
    expect(share.actor).toBe('Wren Writer <wren@example.gov.uk>');
    expect(share.details.person).toMatchObject({ email: 'wren@example.gov.uk' });
  });
});
