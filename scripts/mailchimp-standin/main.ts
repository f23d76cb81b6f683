// npm run mailchimp-standin -- --port 4010 [--key KEY] [--audience ID] [--free-plan]
// Then point the tool at it: MAILCHIMP_API_BASE=http://127.0.0.1:4010/3.0 with the same key.
import { parseArgs } from 'node:util';
import { startStandin } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    key: { type: 'string' },
    audience: { type: 'string' },
    'free-plan': { type: 'boolean', default: false },
  },
});
const standin = await startStandin({
  port: Number(values.port),
  apiKey: values.key,
  audienceId: values.audience,
  canSchedule: !values['free-plan'],
});
console.log(`Mailchimp stand-in at ${standin.baseUrl}`);
console.log(`  MAILCHIMP_API_BASE=${standin.baseUrl} MAILCHIMP_AUDIENCE_ID=${standin.audienceId} MAILCHIMP_API_KEY=${standin.apiKey}`);
console.log(
  '  faults: POST /__standin/faults {"kind":"429-empty"|"403-empty"|"500"|"503"|"hang"|"drop-after-apply","operation"?:operationId,"times"?:n}',
);
console.log(
  '  progress: POST /__standin/campaigns/<id>/advance {"to":"sending"|"sent"}; plan: POST /__standin/account {"canSchedule":false}; GET /__standin/state',
);
const stop = () => void standin.stop().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
