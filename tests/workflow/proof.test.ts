// Proofs over a real SMTP server on loopback, parsed back with mailparser: what reviewers
// receive, who may receive it, and a plain message for each way SMTP can fail.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpTransport } from '../../src/distribute/smtp.js';
import type { MailTransport } from '../../src/distribute/transport.js';
import { NewsletterError } from '../../src/errors.js';
import { proof, type ProofArgs } from '../../src/workflow/proof.js';
import { issueStandings } from '../../src/workflow/status-report.js';
import { APRIL, draftProject, now } from './fixture.js';
import { closedPort, startSilent, startSmtp, type TestSmtp } from './smtp.js';

let fx: Awaited<ReturnType<typeof draftProject>>;
let smtp: TestSmtp;
const ALLOW = '@example.org, chair@panel.test';
// The test server's certificate is self-signed (and expired): trust it for the tests that want TLS.
const url = (port: number, extra = '') => `smtp://127.0.0.1:${port}?tls.rejectUnauthorized=false${extra}`;

beforeAll(async () => {
  fx = await draftProject();
  smtp = await startSmtp({ refuse: (a) => (a.startsWith('gone@') ? '550 5.1.1 No such mailbox here' : undefined) });
});
afterAll(async () => {
  await smtp.close();
  await fx.close();
});

function args(over: Partial<ProofArgs> & { smtpUrl?: string } = {}): ProofArgs {
  const { smtpUrl, ...rest } = over;
  return {
    id: '2022-04',
    to: ['reviewer@example.org', 'chair@panel.test'],
    by: 'Ann Reviewer',
    force: false,
    now,
    env: { SMTP_URL: smtpUrl ?? url(smtp.port, '&requireTLS=true'), PROOF_ALLOWLIST: ALLOW },
    transport: (u) => smtpTransport(u, { timeoutMs: 2000 }),
    ...rest,
  };
}

async function failure(p: Promise<unknown>): Promise<NewsletterError> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(NewsletterError);
  return e as NewsletterError;
}

describe('a proof', () => {
  it('arrives over STARTTLS with both alternatives, the [PROOF] subject, unsubscribe headers and sample merge values', async () => {
    const before = smtp.received.length;
    const result = await proof(fx.project.paths, fx.store, args());
    expect(result.delivered.sort()).toEqual(['chair@panel.test', 'reviewer@example.org']);
    expect(result.refused).toEqual([]);
    const [got] = smtp.received.slice(before);
    expect(got!.secure).toBe(true);
    expect(got!.envelopeTo.sort()).toEqual(['chair@panel.test', 'reviewer@example.org']);
    const mail = got!.mail;
    expect(mail.subject).toBe('[PROOF] Child Safeguarding Practice Review Panel: April 2022');
    expect(mail.from?.value).toEqual([
      { name: 'Child Safeguarding Practice Review Panel', address: 'Mailbox.NationalReviewPanel@education.gov.uk' },
    ]);
    expect(mail.replyTo?.value[0]?.address).toBe('Mailbox.NationalReviewPanel@education.gov.uk');
    const header = (name: string) => mail.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toBe(
      'List-Unsubscribe: <https://eepurl.com/g6z_Tf>, <mailto:Mailbox.NationalReviewPanel@education.gov.uk?subject=unsubscribe>',
    );
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.html).toContain('As we move into the new financial year');
    expect(mail.text).toContain('As we move into the new financial year');
    for (const part of [mail.html as string, mail.text!]) {
      expect(part).not.toMatch(/\*\|[A-Z_:]+\|\*/); // every merge tag filled
      expect(part).toContain('https://eepurl.com/g6z_Tf'); // *|UNSUB|* → the preferences page
    }
    expect(mail.text).toContain('sam.sample@example.org'); // *|EMAIL|*
  });

  it('is recorded with the content hash it showed, and status lists it', async () => {
    const result = await proof(fx.project.paths, fx.store, args({ to: ['reviewer@example.org'] }));
    const entry = fx.store.audit.list('2022-04', 'proof').at(-1)!;
    expect(entry).toMatchObject({
      actor: 'Ann Reviewer',
      hash: result.hash,
      details: { to: ['reviewer@example.org'], delivered: ['reviewer@example.org'], forced: false },
    });
    const [standing] = await issueStandings(fx.project.paths, fx.store, ['2022-04'], now());
    expect(standing!.hash).toBe(result.hash);
    expect(standing!.proofs.at(-1)).toMatchObject({ by: 'Ann Reviewer', hash: result.hash, delivered: ['reviewer@example.org'] });
  });

  it('reports per recipient when the server refuses one (5xx), and says why', async () => {
    const result = await proof(fx.project.paths, fx.store, args({ to: ['reviewer@example.org', 'gone@example.org'] }));
    expect(result.delivered).toEqual(['reviewer@example.org']);
    expect(result.refused).toEqual([{ address: 'gone@example.org', response: expect.stringContaining('550 5.1.1 No such mailbox here') }]);
  });
});

describe('who may receive a proof', () => {
  const spy = () => {
    const calls: string[] = [];
    return { calls, transport: (u: string): MailTransport => (calls.push(u), smtpTransport(u)) };
  };

  it.each([
    [['someone@elsewhere.net'], /not in PROOF_ALLOWLIST.*someone@elsewhere\.net/],
    [['reviewer@example.org', 'x@evil.example.org.attacker.net'], /not in PROOF_ALLOWLIST.*attacker/],
    [['reviewer@example.org\r\nBcc: all@example.org'], /not an email address/],
    [Array.from({ length: 21 }, (_, i) => `r${i}@example.org`), /at most 20 people; 21 were given/],
  ])('refuses %j before any connection', async (to, message) => {
    const before = smtp.connections;
    const s = spy();
    const e = await failure(proof(fx.project.paths, fx.store, args({ to, transport: s.transport })));
    expect(e.code).toBe('proof-refused');
    expect(e.exit).toBe(1);
    expect(e.message).toMatch(message);
    expect(s.calls).toEqual([]);
    expect(smtp.connections).toBe(before);
  });

  it('refuses everyone when PROOF_ALLOWLIST is empty, and asks for SMTP_URL when it is missing', async () => {
    const e = await failure(proof(fx.project.paths, fx.store, args({ env: { SMTP_URL: url(smtp.port) } })));
    expect(e.message).toMatch(/PROOF_ALLOWLIST is empty/);
    const f = await failure(proof(fx.project.paths, fx.store, args({ env: { PROOF_ALLOWLIST: ALLOW } })));
    expect([f.code, f.exit]).toEqual(['smtp-config', 1]);
  });
});

describe('errors from check', () => {
  it('stop a proof unless --force, and a forced proof is recorded as forced', async () => {
    await fx.project.edit(APRIL, 'closingDate: 2022-04-18', 'closingDate: 2022-04-01');
    try {
      const before = smtp.connections;
      const e = await failure(proof(fx.project.paths, fx.store, args()));
      expect([e.code, e.exit]).toEqual(['check-failed', 1]);
      expect(e.message).toMatch(/section 5 \(recruitment\): applications close on 1 April 2022/);
      expect(smtp.connections).toBe(before);
      const forced = await proof(fx.project.paths, fx.store, args({ force: true, to: ['reviewer@example.org'] }));
      expect(forced.forcedErrors).toBe(1);
      expect(fx.store.audit.list('2022-04', 'proof').at(-1)?.details).toMatchObject({ forced: true, checkErrors: 1 });
    } finally {
      await fx.project.edit(APRIL, 'closingDate: 2022-04-01', 'closingDate: 2022-04-18');
    }
  });
});

describe('SMTP failures give a plain message and exit 2', () => {
  it('connection refused', async () => {
    const e = await failure(proof(fx.project.paths, fx.store, args({ smtpUrl: url(await closedPort()) })));
    expect([e.code, e.exit]).toEqual(['smtp-failed', 2]);
    expect(e.message).toMatch(/^could not connect to the mail server 127\.0\.0\.1:\d+: the connection was refused/);
    expect(fx.store.audit.list('2022-04', 'proof').at(-1)?.details).toMatchObject({
      delivered: [],
      failed: expect.stringContaining('refused'),
    });
  });

  it('TLS: smtps:// to a server without TLS, an untrusted certificate, and no STARTTLS when it is required', async () => {
    const plain = await failure(proof(fx.project.paths, fx.store, args({ smtpUrl: `smtps://127.0.0.1:${smtp.port}` })));
    expect(plain.message).toMatch(
      /secure connection \(TLS\) to the mail server 127\.0\.0\.1:\d+ failed: the server does not speak TLS on that port/,
    );
    const cert = await failure(proof(fx.project.paths, fx.store, args({ smtpUrl: `smtp://127.0.0.1:${smtp.port}?requireTLS=true` })));
    expect(cert.message).toMatch(/TLS.*failed: certificate has expired/);
    const bare = await startSmtp({ noStartTls: true });
    try {
      const none = await failure(proof(fx.project.paths, fx.store, args({ smtpUrl: `smtp://127.0.0.1:${bare.port}?requireTLS=true` })));
      expect(none.message).toMatch(/TLS.*failed: the server does not offer STARTTLS/);
    } finally {
      await bare.close();
    }
    for (const e of [plain, cert]) expect([e.code, e.exit]).toEqual(['smtp-failed', 2]);
  });

  it('authentication refused, and the password never shown', async () => {
    const guarded = await startSmtp({ auth: { user: 'panel', pass: 'right-secret' } });
    try {
      const e = await failure(
        proof(fx.project.paths, fx.store, args({ smtpUrl: url(guarded.port, '').replace('smtp://', 'smtp://panel:wrong-secret@') })),
      );
      expect([e.code, e.exit]).toEqual(['smtp-failed', 2]);
      expect(e.message).toMatch(
        /refused the login — it said "535 Authentication credentials invalid"; check the user name and password in SMTP_URL/,
      );
      expect(e.message + e.hint).not.toContain('wrong-secret');
      const ok = await proof(
        fx.project.paths,
        fx.store,
        args({ smtpUrl: url(guarded.port).replace('smtp://', 'smtp://panel:right-secret@') }),
      );
      expect(ok.delivered).toHaveLength(2);
      expect(guarded.received[0]?.user).toBe('panel');
    } finally {
      await guarded.close();
    }
  });

  it('a server that never answers times out', async () => {
    const silent = await startSilent();
    try {
      const e = await failure(
        proof(
          fx.project.paths,
          fx.store,
          args({ smtpUrl: `smtp://127.0.0.1:${silent.port}`, transport: (u) => smtpTransport(u, { timeoutMs: 300 }) }),
        ),
      );
      expect([e.code, e.exit]).toEqual(['smtp-failed', 2]);
      expect(e.message).toMatch(/did not answer in time/);
    } finally {
      await silent.close();
    }
  });

  it('a 4xx or 5xx for every recipient names each one', async () => {
    const e = await failure(proof(fx.project.paths, fx.store, args({ to: ['gone@example.org'] })));
    expect([e.code, e.exit]).toEqual(['smtp-failed', 2]);
    expect(e.message).toMatch(/refused every recipient:\n {2}gone@example\.org: 550 5\.1\.1 No such mailbox here/);
  });
});
