// Record an issue that was sent before the tool existed as sent: render it from today's content
// and templates and write content/issues/<id>/sent/, to be committed with the content.
//   PUBLIC_URL=https://… node --import tsx scripts/freeze-sent.ts <id>
// Issues sent by the tool are recorded by distribution when Mailchimp reports them sent.
import { freezeIssue } from '../src/workflow/record-sent.js';
import { projectPaths } from '../src/pipeline.js';
import { publicUrl } from '../src/http/config.js';

const id = process.argv[2];
if (!id || !process.env.PUBLIC_URL) {
  console.error('usage: PUBLIC_URL=https://… node --import tsx scripts/freeze-sent.ts <id>');
  process.exit(1);
}
const { result, snapshot } = await freezeIssue(projectPaths(), id, { publicUrl: publicUrl(process.env, 4000), now: new Date() });
console.log(`${id}: ${result === 'written' ? 'recorded as sent' : 'already recorded, unchanged'} (hash ${snapshot.hash.slice(0, 12)})`);
