// The studio checks an issue again after every edit: the plain-English and privacy checks read
// again only the text that changed, and find the same as a first reading.
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../src/check/index.js';
import { scored } from '../../src/check/plain-english/readability.js';
import { plainEnglishCheck } from '../../src/check/plain-english/index.js';
import { privacyCheck } from '../../src/check/privacy/index.js';
import { scanned as fieldsScanned } from '../../src/check/privacy/scan.js';
import type { Issue } from '../../src/content/schema.js';
import { aprilInput } from './april.js';

const CHECKS = [plainEnglishCheck, privacyCheck];

describe('checking again after an edit', () => {
  it('reads only the changed paragraph and field again, and finds what a fresh reading finds', async () => {
    const input = await aprilInput();
    const first = await runChecks(input, {}, CHECKS);
    const [read, scanned] = [scored.read, fieldsScanned.read];
    expect(read).toBeGreaterThan(5);

    const again = await runChecks(input, {}, CHECKS);
    expect([scored.read, fieldsScanned.read]).toEqual([read, scanned]);
    expect(again.findings).toEqual(first.findings);

    // One sentence added to the first section's body: one paragraph and one field are new.
    const added =
      'Interviews are held at our office, LS1 4AP, and the long sentence that follows goes on and on about the panel and its many reviews of practice in every region of England this year.';
    const sections = input.issue.sections.map((s, i) => (i === 0 && 'body' in s ? { ...s, body: `${s.body}\n\n${added}\n` } : s));
    const issue = { ...input.issue, sections } as Issue;
    const edited = await runChecks({ ...input, issue, content: { ...input.content, issues: [issue] } }, {}, CHECKS);
    expect(scored.read - read).toBe(1);
    expect(fieldsScanned.read - scanned).toBe(1);
    const codes = edited.findings.map((f) => f.code);
    expect(codes).toContain('privacy/postcode');
    expect(codes).toContain('plain-english/long-sentence');
  });
});
