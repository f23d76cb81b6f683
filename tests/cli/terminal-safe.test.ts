// terminal-safe.ts: what every command prints is cleaned of escape sequences and controls.
import { expect, it } from 'vitest';
import { terminalSafe } from '../../src/cli/terminal-safe.js';

it('removes whole escape sequences (CSI, OSC with its title, 8-bit CSI) and stray controls', () => {
  expect(terminalSafe('a\x1b[2Jb\x1b]0;title\x07c\x1b]8;;http://x\x1b\\d\x9b2Je\x07f\x00g\x7fh')).toBe('abcdefgh');
  expect(terminalSafe('one\rtwo')).toBe('onetwo');
});

it('keeps line breaks, tabs and the CSV row ending; bidi overrides go', () => {
  expect(terminalSafe('a\tb\nc\r\nd\u202ee\u2066f')).toBe('a\tb\nc\r\ndef');
});

it('keeps plain colour codes only when colour is on', () => {
  expect(terminalSafe('\x1b[31mred\x1b[0m', true)).toBe('\x1b[31mred\x1b[0m');
  expect(terminalSafe('\x1b[31mred\x1b[0m', false)).toBe('red');
  expect(terminalSafe('\x1b[2J', true)).toBe('');
});

it('cleans long hostile runs: unfinished sequences, digits, more unfinished sequences', () => {
  const text = `${'\x1b['.repeat(20_000)}${'0'.repeat(200_000)}${'\x1b]'.repeat(20_000)}`;
  expect(terminalSafe(text)).toBe('0'.repeat(200_000));
});
