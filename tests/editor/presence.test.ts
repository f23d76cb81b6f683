// Presence kept in memory: beats, expiry, goodbyes, one name per person, the bound on tabs, and
// who saved a file last, as a stale save names them.
import { describe, expect, it } from 'vitest';
import { editingWords, EXPIRY_MS, Presence } from '../../src/editor/http/presence.js';

const FILE = 'issues/2022-05/issue.yaml';
const at = (ms: number) => new Date(Date.UTC(2022, 2, 30, 9) + ms);
const priya = { name: 'Priya Shah' };
const sam = { name: 'Sam Lee' };

describe('presence', () => {
  it('names who beats, once each, and says when that changes', () => {
    const p = new Presence();
    expect(p.beat(FILE, 'tab-priya-1', priya, at(0))).toBe(true);
    expect(p.beat(FILE, 'tab-priya-2', priya, at(1))).toBe(false); // a second tab of hers changes nothing
    expect(p.beat(FILE, 'tab-sam-001', sam, at(2))).toBe(true);
    expect(p.editing(FILE, at(3)).map((x) => x.name)).toEqual(['Priya Shah', 'Sam Lee']);
    expect(p.editing(FILE, at(3), 'tab-sam-001').map((x) => x.name)).toEqual(['Priya Shah']);
    expect(p.editing('regions.yaml', at(3))).toEqual([]);
    expect(editingWords(p.editing(FILE, at(3)))).toBe('Priya Shah and Sam Lee are editing this issue');
    expect(editingWords([priya])).toBe('Priya Shah is editing this issue');
    expect(editingWords([])).toBeUndefined();
  });

  it('forgets a tab not heard from within the expiry, and one that said goodbye', () => {
    const p = new Presence();
    p.beat(FILE, 'tab-priya-1', priya, at(0));
    p.beat(FILE, 'tab-sam-001', sam, at(0));
    p.beat(FILE, 'tab-sam-001', sam, at(EXPIRY_MS)); // Sam keeps beating; Priya's laptop went to sleep
    expect(p.editing(FILE, at(EXPIRY_MS)).map((x) => x.name)).toEqual(['Priya Shah', 'Sam Lee']);
    expect(p.editing(FILE, at(EXPIRY_MS + 1)).map((x) => x.name)).toEqual(['Sam Lee']);
    expect(p.expire(at(EXPIRY_MS + 1))).toEqual([FILE]);
    expect(p.expire(at(EXPIRY_MS + 2))).toEqual([]);
    expect(p.leave(FILE, 'tab-other-1', at(EXPIRY_MS + 3))).toBe(false);
    expect(p.leave(FILE, 'tab-sam-001', at(EXPIRY_MS + 3))).toBe(true);
    expect(p.editing(FILE, at(EXPIRY_MS + 3))).toEqual([]);
  });

  it('a tab that moves to another file leaves the first', () => {
    const p = new Presence();
    p.beat(FILE, 'tab-priya-1', priya, at(0));
    expect(p.beat('regions.yaml', 'tab-priya-1', priya, at(1))).toBe(true);
    expect(p.editing(FILE, at(1))).toEqual([]);
  });

  it('keeps at most 500 tabs, dropping the longest silent', () => {
    const p = new Presence();
    for (let i = 0; i < 600; i++) p.beat(FILE, `tab-${String(i).padStart(6, '0')}`, { name: `Person ${i}` }, at(i));
    const names = p.editing(FILE, at(600)).map((x) => x.name);
    expect(names).toHaveLength(500);
    expect(names[0]).toBe('Person 100');
  });

  it('names who saved a file last, only while the file still holds their save', () => {
    const p = new Presence();
    expect(p.changedBy(FILE, 'h1')).toBeUndefined();
    p.saved(FILE, sam, 'h1');
    expect(p.changedBy(FILE, 'h1')).toBe('Sam Lee');
    expect(p.changedBy(FILE, 'h2')).toBeUndefined(); // changed since, outside the editor: not guessed
  });
});
