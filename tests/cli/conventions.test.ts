// The conventions of a well-made command-line tool, checked on the real binary where the process
// matters (--version, exit codes, a closed pipe) and in-process for the words.
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { wantsColor } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { formatReport } from '../../src/cli/report.js';
import { REPO } from '../helpers/project.js';
import { captured } from './capture.js';

const BIN = path.join(REPO, 'bin/newsletter.cjs');
const VERSION = (JSON.parse(readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

async function newsletter(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { cwd: REPO, timeout: 20_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('the newsletter binary', () => {
  it('--version and -V print the version from package.json', async () => {
    expect(await newsletter('--version')).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
    expect(await newsletter('-V')).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' });
  });

  it('no arguments: usage on stderr, nothing on stdout, exit 1', async () => {
    const result = await newsletter();
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^newsletter — .*\n\nUsage: newsletter <command> \[options\]\n/);
  });

  it('a reader that closes the pipe early ends it quietly, without a stack trace', async () => {
    const child = spawn(process.execPath, [BIN, 'help'], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // like `| head -0`: nobody reads what the command writes
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});

describe('words', () => {
  it('an unknown command gets a did-you-mean', async () => {
    const io = captured();
    expect(await main(['chek', '2022-04'], io)).toBe(1);
    expect(io.stderr).toBe(
      'newsletter: "chek" is not a command — did you mean `newsletter check`?\n  run `newsletter help` to see the commands\n',
    );
    const far = captured();
    expect(await main(['frobnicate'], far)).toBe(1);
    expect(far.stderr).toContain('newsletter: "frobnicate" is not a command\n');
  });

  it('an option of another command names the commands that take it, and nothing runs', async () => {
    const io = captured();
    expect(await main(['build', '2022-04', '--revoke'], io, '/nonexistent')).toBe(1);
    expect(io.stderr).toBe(
      'newsletter: build does not take --revoke — only `share` takes it\n  run `newsletter build --help` to see its options\n',
    );
    const json = captured();
    expect(await main(['serve', '--json'], json, '/nonexistent')).toBe(1);
    expect(json.stderr).toContain(
      'serve does not take --json — only `check`, `proof`, `approve`, `unapprove`, `status`, `log` and `report` take it',
    );
  });

  it('an unknown option gets a did-you-mean among the command’s own options; a missing value is named', async () => {
    const io = captured();
    expect(await main(['share', '2022-05', '--expire', '7d'], io, '/nonexistent')).toBe(1);
    expect(io.stderr).toContain('share has no option --expire — did you mean --expires?');
    const port = captured();
    expect(await main(['serve', '--port'], port, '/nonexistent')).toBe(1);
    expect(port.stderr).toContain("serve: Option '--port <value>' argument missing");
  });

  it('colour only on a terminal, never with NO_COLOR or TERM=dumb', () => {
    expect(wantsColor({ isTTY: true }, {})).toBe(true);
    expect(wantsColor({ isTTY: false }, {})).toBe(false);
    expect(wantsColor({}, {})).toBe(false);
    expect(wantsColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColor({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    const report = {
      schemaVersion: 1 as const,
      issue: 'x',
      hash: null,
      errors: 1,
      warnings: 0,
      findings: [{ code: 'a/b', severity: 'error' as const, section: null, message: 'm', fix: 'f' }],
    };
    expect(formatReport(report)).not.toContain('\x1b[');
    expect(formatReport(report, { color: true })).toContain('\x1b[31mERROR  \x1b[0m m [a/b]');
  });
});
