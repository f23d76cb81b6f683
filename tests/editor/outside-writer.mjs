// An outside program rewriting an issue's preheader in a loop, as text editors and `git pull` do:
// read, change, write a temporary file, rename it over. Before each write it checks that its
// previous write is still there; a write that is gone was lost. It checks the file again just
// before its own rename (as the studio does), so it does not itself undo a studio save: what is
// measured is the studio's side. Prints {writes, lost, last} as JSON.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { setTimeout as sleep } from 'node:timers/promises';

const [file, count, pauseMs] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
let last;
let lost = 0;
for (let i = 1; i <= count; i++) {
  for (;;) {
    const text = readFileSync(file, 'utf8');
    const now = /^preheader: "(.*)"$/m.exec(text)?.[1];
    if (last !== undefined && now !== last) lost++;
    const next = `Outside write ${i}`;
    const tmp = `${file}.outside-tmp`;
    writeFileSync(tmp, text.replace(/^preheader: .*$/m, `preheader: "${next}"`));
    if (readFileSync(file, 'utf8') !== text) continue;
    renameSync(tmp, file);
    last = next;
    break;
  }
  await sleep(pauseMs);
}
process.stdout.write(JSON.stringify({ writes: count, lost, last }));
