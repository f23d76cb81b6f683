// The edge to SpamAssassin, when it is installed: score a message offline (-L: no network tests).
// `check` passes this to the spam check; the check itself never starts a process.
import { spawn } from 'node:child_process';
import type { SpamAssassin, SpamAssassinResult } from './context.js';

const TIMEOUT_MS = 60_000;

/** The runner, or undefined when `spamassassin` is not on PATH. */
export async function findSpamAssassin(command = 'spamassassin'): Promise<SpamAssassin | undefined> {
  const found = await run(command, ['--version'], '').then(
    (r) => r.code === 0,
    () => false,
  );
  if (!found) return undefined;
  return async (message) => {
    const { code, stdout, stderr } = await run(command, ['-L', '--cf=report_safe 0'], message);
    const result = parseSpamStatus(stdout);
    if (!result) throw new Error(`spamassassin gave no X-Spam-Status (exit ${code}): ${stderr.trim().slice(0, 200)}`);
    return result;
  };
}

/** Read "X-Spam-Status: No, score=1.2 required=5.0 tests=A,B autolearn=…" (possibly folded). */
export function parseSpamStatus(output: string): SpamAssassinResult | undefined {
  const header = /^X-Spam-Status:(.*(?:\r?\n[ \t].*)*)/im.exec(output)?.[1]?.replace(/\r?\n[ \t]+/g, ' ');
  if (!header) return undefined;
  const score = /score=(-?[\d.]+)/.exec(header);
  const required = /required=(-?[\d.]+)/.exec(header);
  if (!score || !required) return undefined;
  // Folding may break the list after a comma: read up to the next "name=" field.
  const tests = /tests=(.*?)(?:\s+[a-z_]+=|$)/.exec(header)?.[1] ?? '';
  return { score: Number(score[1]), required: Number(required[1]), rules: tests.split(/[,\s]+/).filter((t) => t && t !== 'none') };
}

function run(command: string, args: string[], input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Our own timer, not spawn's `timeout`: that one outlives a command that was never found and holds the process open.
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const timer = setTimeout(() => child.kill(), TIMEOUT_MS).unref();
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (e) => (clearTimeout(timer), reject(e)));
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr })));
    child.stdin.on('error', () => undefined); // a runner that exits early must not crash us
    child.stdin.end(input);
  });
}
