// Every action in every status, for every role and for none: the lifecycle table's answer, read
// off a grid written out here by hand (not computed from the module), and the words of each refusal.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as stateTable from '../src/state/status.js';
import {
  ACTIONS,
  type Action,
  canChange,
  decide,
  ISSUE_STATUSES,
  type IssueStatus,
  ROLES,
  type Role,
  stepsToSent,
  TRANSITIONS,
} from '../src/lifecycle.js';

// Columns: draft approved scheduled sending sent cancelled needs-attention. y = may be done.
const GRID: Record<Action, string> = {
  new: '          y y y y y y y',
  edit: '         y y . . . y .',
  check: '        y y y y y y y',
  share: '        y y y . . y y',
  proof: '        y y y . . y y',
  approve: '      y y . . . . .',
  unapprove: '    y y . . . . .',
  publish: '      . y y . . . .',
  unschedule: '   y y y . . y y',
  'send-now': '   . y y . . . y',
  'import-sent': '  y . . . . . .',
  report: '       . . . . y . .',
  team: '         y y y y y y y',
};

// Which role is the least that may do each action: a writer's five, an approver's two more, and so on.
const LEAST: Record<Action, Role> = {
  new: 'writer',
  edit: 'writer',
  check: 'writer',
  share: 'writer',
  proof: 'writer',
  approve: 'approver',
  unapprove: 'approver',
  publish: 'publisher',
  unschedule: 'publisher',
  'send-now': 'publisher',
  'import-sent': 'publisher',
  report: 'publisher',
  team: 'admin',
};

/** What a refusal for each status says of it. */
const SAYS: Record<IssueStatus, RegExp> = {
  draft: /is not approved/,
  approved: /^$/, // an approved issue refuses only a report and an import
  scheduled: /is scheduled/,
  sending: /is being sent now/,
  sent: /has been sent/,
  cancelled: /is cancelled/,
  'needs-attention': /needs attention/,
};

const allowedBy = (action: Action, status: IssueStatus) => GRID[action].trim().split(/\s+/)[ISSUE_STATUSES.indexOf(status)] === 'y';

describe('the lifecycle table', () => {
  it('covers exactly the actions and statuses of the contract', () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(GRID).sort());
    expect(ISSUE_STATUSES).toEqual(['draft', 'approved', 'scheduled', 'sending', 'sent', 'cancelled', 'needs-attention']);
    expect(ROLES).toEqual(['writer', 'approver', 'publisher', 'admin']);
  });

  for (const action of ACTIONS)
    for (const status of ISSUE_STATUSES)
      for (const role of [undefined, ...ROLES]) {
        const byRole = role === undefined || ROLES.indexOf(role) >= ROLES.indexOf(LEAST[action]);
        const expected = byRole && allowedBy(action, status);
        it(`${action} in ${status} by ${role ?? 'the host (no role)'}: ${expected ? 'done' : 'refused'}`, () => {
          const verdict = decide(action, status, role, '2027-02');
          expect(verdict.ok).toBe(expected);
          if (verdict.ok) return;
          // A refusal says why and what to do instead, in sentences, with no status left unexplained.
          expect(verdict.reason).toMatch(/^[A-Z0-9].*[^.]$/);
          expect(verdict.instead).toMatch(/^[A-Z].*[^.]$/);
          if (!byRole) expect(verdict.reason).toContain(LEAST[action]);
          else if (action === 'report') expect(verdict.reason).toContain('has not been sent');
          else if (action === 'import-sent')
            expect(verdict.reason).toMatch(status === 'sent' ? /already recorded as sent/ : `(it is ${status})`);
          else expect(verdict.reason).toMatch(SAYS[status]);
        });
      }

  it('says "Unschedule to edit" for a scheduled issue, naming the command', () => {
    expect(decide('edit', 'scheduled', undefined, '2027-02')).toEqual({
      ok: false,
      reason: '2027-02 is scheduled: Mailchimp will send the approved version, so it cannot be edited now',
      instead: 'Unschedule to edit: run `newsletter unschedule 2027-02`, then edit it, approve it again and publish it again',
    });
  });

  it('refuses a sent or sending issue with the same sentence for every action that would change or send it', () => {
    for (const action of ['edit', 'share', 'proof', 'approve', 'publish'] as const) {
      expect(decide(action, 'sent', undefined, '2022-04')).toEqual({
        ok: false,
        reason: '2022-04 has been sent',
        instead: 'Its public page, /archive/2022-04/, is what subscribers received; it is not approved, proofed, shared or edited again',
      });
      expect(decide(action, 'sending')).toEqual({
        ok: false,
        reason: 'This issue is being sent now',
        instead: 'It cannot be approved, proofed, shared or edited while it goes out; see `newsletter status` once it has gone',
      });
    }
  });

  it('allows the status changes, and the way to sent, of the state table', () => {
    const allowed = ISSUE_STATUSES.flatMap((from) => ISSUE_STATUSES.filter((to) => canChange(from, to)).map((to) => `${from}>${to}`));
    expect(allowed).toEqual([
      'draft>approved',
      'draft>cancelled',
      'approved>draft',
      'approved>scheduled',
      'approved>sending',
      'approved>cancelled',
      'scheduled>approved',
      'scheduled>sending',
      'scheduled>sent',
      'scheduled>cancelled',
      'scheduled>needs-attention',
      'sending>sent',
      'sending>needs-attention',
      'cancelled>draft',
      'needs-attention>draft',
      'needs-attention>approved',
      'needs-attention>scheduled',
      'needs-attention>sent',
      'needs-attention>cancelled',
    ]);
    expect(TRANSITIONS.sent).toEqual([]);
    expect(Object.fromEntries(ISSUE_STATUSES.map((s) => [s, stepsToSent(s).join('>')]))).toEqual({
      draft: '',
      approved: 'sending>sent',
      scheduled: 'sent',
      sending: 'sent',
      sent: '',
      cancelled: '',
      'needs-attention': 'sent',
    });
  });

  it('is the one list of allowed changes: state/status.ts enforces this one, and no other file in src/ writes one (defect 3)', async () => {
    expect(TRANSITIONS).toBe(stateTable.TRANSITIONS);
    expect(canChange).toBe(stateTable.canChange);
    const src = path.resolve(import.meta.dirname, '../src');
    const files = (await readdir(src, { recursive: true })).filter((f) => f.endsWith('.ts') && f !== 'lifecycle.ts');
    const status = `(?<![\\w-])'?(?:${ISSUE_STATUSES.join('|')})'?`;
    // A status mapped to a list of statuses, e.g. `approved: ['sending', 'sent']`.
    const listing = new RegExp(`${status}\\s*:\\s*\\[\\s*${status}`);
    const found: string[] = [];
    for (const f of files) if (listing.test(await readFile(path.join(src, f), 'utf8'))) found.push(f);
    expect(found).toEqual([]);
  });
});
