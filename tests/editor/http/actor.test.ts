// Who an acknowledgement is from: the person signed in when there is one (whatever the page
// sent), else the name typed in the page.
import type { IncomingMessage } from 'node:http';
import { expect, it } from 'vitest';
import { pagePerson, requestActor } from '../../../src/editor/http/actor.js';
import { markSignedIn } from '../../../src/team/http/context.js';

it('is the person signed in, else the name typed', () => {
  const typed = {} as IncomingMessage;
  expect(requestActor(typed, { actor: '  A.  Secretariat ' })).toBe('A. Secretariat');
  expect(requestActor(typed, {})).toBeUndefined();
  expect(pagePerson(typed)).toBeUndefined();
  const signed = {} as IncomingMessage;
  const person = {
    email: 'priya.shah@example.gov.uk',
    name: 'Priya Shah',
    role: 'writer',
    issuer: 'https://id.example',
    subject: 's1',
  } as const;
  markSignedIn(signed, person, 'session-1');
  expect(requestActor(signed, { actor: 'Someone Else' })).toBe('Priya Shah <priya.shah@example.gov.uk>');
  expect(pagePerson(signed)).toBe('Priya Shah <priya.shah@example.gov.uk>');
});
