// The daemon's log: one JSON object a line when its output goes to a file or journald (machines
// read it), a readable line when a person watches a terminal. Events have stable names
// ("due-send.sent"); the message says the same in words.
import { londonLocal } from '../time/uk.js';
import type { Clock } from './clock.js';

export type Level = 'info' | 'warn' | 'error';
export type Fields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(event: string, message: string, fields?: Fields): void;
  warn(event: string, message: string, fields?: Fields): void;
  error(event: string, message: string, fields?: Fields): void;
}

export interface LogLine extends Fields {
  time: string;
  level: Level;
  event: string;
  message: string;
}

export function createLogger(write: (line: string) => void, options: { tty: boolean; clock: Clock }): Logger {
  const emit = (level: Level, event: string, message: string, fields: Fields = {}) => {
    const at = options.clock();
    if (!options.tty) {
      write(JSON.stringify({ time: at.toISOString(), level, event, message, ...fields }));
      return;
    }
    const extra = Object.entries(fields)
      .filter(([, v]) => v !== undefined && v !== null)
      .map(([k, v]) => `${k}=${String(v)}`)
      .join(' ');
    write(`${londonLocal(at)}  ${level === 'info' ? '' : `${level.toUpperCase()}: `}${message}${extra ? `  (${extra})` : ''}`);
  };
  return {
    info: (e, m, f) => emit('info', e, m, f),
    warn: (e, m, f) => emit('warn', e, m, f),
    error: (e, m, f) => emit('error', e, m, f),
  };
}

/** A logger that keeps lines in memory, for tests. */
export function memoryLogger(clock: Clock): Logger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const logger = createLogger((l) => lines.push(JSON.parse(l) as LogLine), { tty: false, clock });
  return Object.assign(logger, { lines });
}
