// The workflow commands end to end through `main`, as the secretariat runs them: new draft,
// proofed over a real SMTP server on loopback, approved, then status and log — with exit codes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandHelp } from '../../src/cli/help.js';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { main } from '../../src/cli/main.js';
import { makeDraft, tempProject, type TempProject } from '../helpers/project.js';
import { captured } from '../cli/capture.js';
import { startSmtp, type TestSmtp } from './smtp.js';

let project: TempProject;
let smtp: TestSmtp;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  project = await tempProject();
  await makeDraft(project);
  smtp = await startSmtp({ refuse: (a) => (a.startsWith('gone@') ? '550 5.1.1 No such mailbox here' : undefined) });
  env = {
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}?tls.rejectUnauthorized=false`,
    PROOF_ALLOWLIST: '@example.org',
    NEWSLETTER_DB: '.newsletter/state.db',
  };
});
afterAll(async () => {
  await smtp.close();
  await project.remove();
});

// April 2022 is a draft here, to be sent on 5 April 2022: the commands run on 30 March 2022.
const NOW = new Date('2022-03-30T10:00:00Z');
const run = async (...argv: string[]) => {
  const io = captured();
  const code = await main(argv, io, project.root, env, () => NOW);
  return { code, out: io.stdout, err: io.stderr };
};

describe('from a new draft to proofed and approved', () => {
  it('new, proof, approve, status and log', async () => {
    const made = await run('new', '2022-05');
    expect(made).toMatchObject({
      code: 0,
      out: expect.stringContaining('Started 2022-05 from 2022-04: content/issues/2022-05/issue.yaml'),
    });
    expect((await run('new', '2022-05')).code).toBe(1);

    // The new draft still has its placeholder: neither a proof nor an approval goes out.
    expect(await run('approve', '2022-05', '--by', 'Ann Chair')).toMatchObject({
      code: 1,
      err: expect.stringContaining('cannot be approved'),
    });

    const sent = await run('proof', '2022-04', '--to', 'ann@example.org,gone@example.org', '--by', 'Ann Chair');
    expect(sent.code).toBe(2); // one recipient refused
    expect(sent.out).toMatch(/delivered {2}ann@example\.org\n {2}REFUSED {4}gone@example\.org — 550/);
    // The content hash is for comparing, not the first thing read: it comes last.
    expect(sent.out.split('\n')[0]).not.toMatch(/[0-9a-f]{12}/);
    expect(sent.out.trimEnd()).toMatch(/\n\(content [0-9a-f]{12}\)$/);
    expect(smtp.received.at(-1)?.mail.subject).toBe('[PROOF] Child Safeguarding Practice Review Panel: April 2022');

    const refused = await run('proof', '2022-04', '--to', 'someone@elsewhere.net');
    expect(refused).toMatchObject({ code: 1, err: expect.stringContaining('not in PROOF_ALLOWLIST') });

    expect(await run('approve', '2022-04', '--by', 'Ann Chair')).toMatchObject({
      code: 0,
      out: expect.stringContaining('2022-04 is approved'),
    });

    const status = await run('status', '2022-04', '--json');
    expect(status.code).toBe(0);
    const [standing] = JSON.parse(status.out) as {
      status: string;
      approval: { state: string };
      proofs: { delivered: string[] }[];
      sendAtUk: string;
    }[];
    expect(standing).toMatchObject({ status: 'approved', approval: { state: 'fresh' }, sendAtUk: '5 April 2022 at 9am (BST)' });
    expect(standing!.proofs.map((p) => p.delivered)).toEqual([['ann@example.org']]);
    expect((await run('status')).out).toMatch(/2022-04 {2}approved[\s\S]*approval {2}fresh — Ann Chair[\s\S]*2022-05 {2}draft/);

    const log = JSON.parse((await run('log', '2022-04', '--json')).out) as { action: string; actor: string }[];
    expect(log.map((e) => `${e.action} ${e.actor}`)).toEqual(['proof Ann Chair', 'approve Ann Chair', 'status Ann Chair']);

    expect(await run('unapprove', '2022-04', '--by', 'Ann Chair')).toMatchObject({
      code: 0,
      out: expect.stringContaining('a draft again'),
    });
    const readable = (await run('log', '2022-04')).out;
    expect(readable).toMatch(/ {2}Ann Chair {2}withdrew the approval of 2022-04$/m);
    expect(readable).toMatch(
      /^\d{1,2} [A-Z][a-z]+ \d{4} at [\d:]+[ap]m \((?:BST|GMT)\) {2}Ann Chair {2}sent a proof of 2022-04 to ann@example\.org, gone@example\.org through .+; 1 delivered, 1 refused {2}\(content [0-9a-f]{12}\)$/m,
    );
    expect(readable).toMatch(/ {2}Ann Chair {2}moved 2022-04 from draft to approved {2}\(content [0-9a-f]{12}\)$/m);
  });
});

describe('--help does nothing else', () => {
  it.each([
    ['new', '2022-09'],
    ['proof', '2022-04', '--to', 'ann@example.org'],
    ['approve', '2022-04', '--by', 'Ann'],
    ['unapprove', '2022-04'],
    ['status', '2022-04', '--json'],
    ['log', '2022-04'],
    ['import-sent', '2022-04', '--by', 'Ann'],
  ])('%s --help: its help only — no issue made, no mail sent, no state store opened', async (...argv) => {
    const fresh = await tempProject();
    const mails = smtp.received.length;
    const connections = smtp.connections;
    try {
      const io = captured();
      expect(await main([...argv, '--help'], io, fresh.root, env)).toBe(0);
      expect(io.stdout).toBe(`${commandHelp(COMMANDS.find((c) => c.name === argv[0])!)}\n`);
      expect(io.stderr).toBe('');
      expect(existsSync(path.join(fresh.root, '.newsletter'))).toBe(false);
      expect(existsSync(path.join(fresh.paths.content, 'issues', '2022-09'))).toBe(false);
      expect([smtp.received.length, smtp.connections]).toEqual([mails, connections]);
    } finally {
      await fresh.remove();
    }
  });
});
