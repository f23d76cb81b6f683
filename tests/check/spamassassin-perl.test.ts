// SpamAssassin with its rules compiled before the message (src/check/spamassassin-perl.ts): when
// `spamassassin` is Debian's Perl script, our Perl program is started in its place; it scores as
// `spamassassin -L --cf='report_safe 0'` does, has its rules before it reads the message, and
// whatever it cannot read or do leaves the plain run to score.
import { spawn } from 'node:child_process';
import { chmod, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpamAssassinResult } from '../../src/check/context.js';
import { emailMessage } from '../../src/check/message.js';
import { findSpamAssassin, onPath, parseSpamStatus } from '../../src/check/spamassassin.js';
import { type Command, RULES_COMPILED, rulesFirstCommand } from '../../src/check/spamassassin-perl.js';
import { runsHere } from '../helpers/programs.js';
import { aprilInput } from './april.js';

const realRun = runsHere('SpamAssassin') ? it : it.skip;
const SA_ARGS = ['-L', '--cf=report_safe 0'];
const SPAMMY = [
  'From: "Winner" <prize@example.com>',
  'To: you@example.org',
  'Subject: FREE!!! Claim your prize now',
  '',
  'Dear friend, buy viagra now!!! 100% FREE money, no credit check. Click here to claim your prize.',
  '',
].join('\n');

let dir = '';
beforeAll(async () => void (dir = await mkdtemp(path.join(tmpdir(), 'newsletter-sa-perl-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Start a command; `ready` resolves once its stderr says `marker` (or at once without one). */
function begin({ file, args }: Command, marker?: string) {
  const child = spawn(file, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  const ended = new Promise<number | null>((resolve) => child.on('close', resolve));
  const ready = new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (d: Buffer) => ((stderr += d.toString()), !marker || stderr.includes(marker) ? resolve() : undefined));
    if (!marker) resolve();
    void ended.then((code) => reject(new Error(`${file} ended (${code}) before it was ready: ${stderr.slice(-300)}`)));
  });
  ready.catch(() => undefined);
  return {
    ready,
    async score(message: string): Promise<SpamAssassinResult> {
      child.stdin.end(message);
      const code = await ended;
      const result = parseSpamStatus(stdout);
      if (code !== 0 || !result) throw new Error(`${file} exited ${code} without X-Spam-Status: ${stderr.slice(-300)}`);
      return result;
    },
  };
}

const plainRun = (script: string, message: string) => begin({ file: script, args: SA_ARGS }).score(message);
const scoreAndRules = ({ score, rules }: SpamAssassinResult) => ({ score, rules });

/** A copy of the installed `spamassassin` script, with lines of its text replaced. */
async function scriptCopy(name: string, replace: [RegExp, string][]): Promise<string> {
  let text = await readFile(onPath('spamassassin')!, 'utf8');
  for (const [from, to] of replace) {
    if (!from.test(text)) throw new Error(`scriptCopy: ${from} is not in spamassassin`);
    text = text.replace(from, to);
  }
  const file = path.join(dir, name, 'spamassassin');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text, { mode: 0o755 });
  return file;
}

describe('reading the spamassassin script', () => {
  async function script(text: string, withModule = true): Promise<string> {
    const folder = await mkdtemp(path.join(dir, 'script-'));
    if (withModule) {
      await mkdir(path.join(folder, 'lib/Mail'), { recursive: true });
      await writeFile(path.join(folder, 'lib/Mail/SpamAssassin.pm'), '1;\n');
    }
    const file = path.join(folder, 'bin/spamassassin');
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, text.replaceAll('LIB', path.join(folder, 'lib')));
    return file;
  }
  const body = [
    "my $PREFIX          = '/opt/sa';",
    "my $DEF_RULES_DIR   = '/opt/sa/rules';",
    "my $LOCAL_RULES_DIR = '/etc/sa';",
    "my $LOCAL_STATE_DIR = '/var/lib/sa';",
    "use lib 'LIB';",
    'use Mail::SpamAssassin;',
  ].join('\n');

  it('takes perl and its switches from the shebang, the library and the four directories from the text', async () => {
    const file = await script(`#!/usr/bin/perl -T -w\n${body}\n`);
    const lib = path.join(path.dirname(path.dirname(file)), 'lib');
    expect(rulesFirstCommand(file, () => undefined)).toEqual({
      file: '/usr/bin/perl',
      args: [
        '-T',
        '-w',
        `-I${lib}`,
        '-e',
        expect.stringContaining('$spamtest->init(1);'),
        '--',
        '/opt/sa',
        '/opt/sa/rules',
        '/etc/sa',
        '/var/lib/sa',
      ],
    });
    const viaEnv = rulesFirstCommand(await script(`#!/usr/bin/env perl\n${body}\n`), () => '/opt/perl/bin/perl');
    expect(viaEnv?.file).toBe('/opt/perl/bin/perl');
  });

  it('leaves alone what it cannot read: another interpreter, other switches, a missing setting or library', async () => {
    const cases = [
      await script(`#!/bin/sh\n${body}\n`),
      await script(`#!/usr/bin/perl -T -w -Mstrict\n${body}\n`),
      await script(`#!/usr/bin/env perl\n${body}\n`), // no perl on PATH
      await script(`#!/usr/bin/perl\n${body.replace('use Mail::SpamAssassin;', 'use Mail::Other;')}\n`),
      await script(`#!/usr/bin/perl\n${body.replace("'/var/lib/sa'", "'var/lib/sa'")}\n`),
      await script(`#!/usr/bin/perl\n${body.replace(/^my \$PREFIX.*$/m, '')}\n`),
      await script(`#!/usr/bin/perl\n${body}\n`, false),
      path.join(dir, 'no-such-script'),
    ];
    for (const file of cases)
      expect(
        rulesFirstCommand(file, () => undefined),
        file,
      ).toBeUndefined();
  });
});

describe('the program against the real SpamAssassin', () => {
  realRun(
    'scores the April issue and a spammy message as `spamassassin -L` does: the same score and rules',
    async () => {
      const installed = onPath('spamassassin')!;
      const command = rulesFirstCommand(installed, () => onPath('perl'))!;
      expect(command, 'the installed spamassassin is a Perl script we can read').toBeDefined();
      for (const message of [emailMessage(await aprilInput()), SPAMMY]) {
        const ours = await begin(command).score(message);
        expect(scoreAndRules(ours)).toEqual(scoreAndRules(await plainRun(installed, message)));
      }
    },
    180_000,
  );

  realRun(
    'compiles its rules before it reads the message: a rule file removed once it says so still scores',
    async () => {
      const siteRules = /^my \$LOCAL_RULES_DIR\s*=\s*'([^']+)';/m.exec(await readFile(onPath('spamassassin')!, 'utf8'))![1]!;
      const rules = path.join(dir, 'site-rules');
      await cp(siteRules, rules, { recursive: true });
      const extra = path.join(rules, 'zz_newsletter_test.cf');
      await writeFile(extra, 'header NEWSLETTER_READ_FIRST Subject =~ /prize/\nscore NEWSLETTER_READ_FIRST 0.01\n');
      const script = await scriptCopy('rules-first', [[/^my \$LOCAL_RULES_DIR\s*=.*$/m, `my $LOCAL_RULES_DIR = '${rules}';`]]);
      // The rule works: the plain run reads it.
      expect((await plainRun(script, SPAMMY)).rules).toContain('NEWSLETTER_READ_FIRST');

      const ours = begin(
        rulesFirstCommand(script, () => undefined)!,
        RULES_COMPILED,
      );
      await ours.ready;
      await rm(extra);
      expect((await ours.score(SPAMMY)).rules).toContain('NEWSLETTER_READ_FIRST');
      // A run that read its rules only now would not have it.
      expect((await plainRun(script, SPAMMY)).rules).not.toContain('NEWSLETTER_READ_FIRST');
    },
    180_000,
  );
});

describe('findSpamAssassin with a Perl spamassassin', () => {
  /** A folder for PATH: a copy of spamassassin whose perl is a wrapper that logs which of the two it runs. */
  async function install(name: string, options: { ourProgramFails?: boolean; lib?: string } = {}) {
    const real = await readFile(onPath('spamassassin')!, 'utf8');
    const perl = /^#!\s*(\S+)/.exec(real)![1]!;
    const bin = path.join(dir, name);
    const log = path.join(bin, 'runs.log');
    const replace: [RegExp, string][] = [[/^#!\s*\S+/, `#!${path.join(bin, 'perl')}`]];
    if (options.lib) replace.push([/^use lib '[^']+';/m, `use lib '${options.lib}';`]);
    await scriptCopy(name, replace);
    const wrapper = [
      '#!/bin/sh',
      'kind=script; for a in "$@"; do [ "$a" = -e ] && kind=program; done',
      `echo "$kind" >> "${log}"`,
      options.ourProgramFails ? '[ $kind = program ] && { echo "Can\'t locate Mail/SpamAssassin.pm" >&2; exit 2; }' : '',
      `exec ${perl} "$@"`,
    ].join('\n');
    await writeFile(path.join(bin, 'perl'), `${wrapper}\n`);
    await chmod(path.join(bin, 'perl'), 0o755);
    await writeFile(log, '');
    const run = await findSpamAssassin('spamassassin', { env: { PATH: `${bin}${path.delimiter}${process.env.PATH}`, SPAMD_PORT: '1' } });
    return { run: run!, runs: async () => (await readFile(log, 'utf8')).split('\n').filter(Boolean) };
  }

  realRun(
    'starts our program in place of the script, and falls back to the script when it fails or cannot be used',
    async () => {
      const expected = scoreAndRules(await plainRun(onPath('spamassassin')!, SPAMMY));

      const used = await install('used');
      expect(scoreAndRules(await used.run(SPAMMY))).toEqual(expected);
      expect(await used.runs()).toEqual(['program']);

      const failing = await install('failing', { ourProgramFails: true });
      expect(await failing.run(SPAMMY)).toEqual({ ...expected, required: 5, scoredBy: 'spamassassin' });
      expect(await failing.runs()).toEqual(['program', 'script']);

      // A `use lib` without Mail::SpamAssassin: the script still runs (perl finds the modules in @INC), ours is not tried.
      const elsewhere = await install('elsewhere', { lib: path.join(dir, 'no-such-lib') });
      expect(scoreAndRules(await elsewhere.run(SPAMMY))).toEqual(expected);
      expect(await elsewhere.runs()).toEqual(['script']);
    },
    180_000,
  );
});
