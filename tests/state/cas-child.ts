// One contender in the two-process compare-and-set test: open the store, say "ready", wait for
// "go" on stdin, then try draft → approved once and print who won.
import { openStore } from '../../src/state/store.js';
import { StatusChanged } from '../../src/state/status.js';

const [file, issue] = process.argv.slice(2) as [string, string];
const store = openStore(file);
const seen = store.statuses.get(issue);
process.stdout.write(`ready ${seen}\n`);
process.stdin.once('data', () => {
  try {
    store.tx(() => {
      store.statuses.change(issue, seen, 'approved');
      store.audit.append({ actor: `pid ${process.pid}`, action: 'approve', issue, hash: null, details: {} });
    });
    process.stdout.write('won\n');
  } catch (e) {
    process.stdout.write(e instanceof StatusChanged ? 'lost\n' : `error ${String(e)}\n`);
  } finally {
    store.close();
    process.stdin.destroy();
  }
});
