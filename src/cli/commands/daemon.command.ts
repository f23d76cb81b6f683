// `newsletter daemon`: the scheduler — due sends, reconciliation with Mailchimp, daily reminders.
// The work is in scheduler/; this wires the edges (store, Mailchimp, SMTP, logs, signals).
import { type Command, text } from '../command.js';
import { UsageError } from '../io.js';

export const daemon: Command = {
  name: 'daemon',
  summary:
    'run the scheduler: fire due sends, follow Mailchimp, read reports on sent issues, email daily reminders (stops on Ctrl-C or SIGTERM)',
  usage: ['daemon [--health-port <number>]'],
  options: {
    'health-port': { type: 'string', value: '<number>', description: 'serve GET /healthz on 127.0.0.1 at this port (0: any free port)' },
  },
  example: ['newsletter daemon --health-port 4100   # then: curl http://127.0.0.1:4100/healthz'],
  async run(context) {
    const portText = text(context, 'health-port');
    if (portText !== undefined && !/^\d{1,5}$/.test(portText))
      throw new UsageError(`--health-port must be a port number, not "${portText}"`);
    const [{ runDaemon }] = await Promise.all([import('./daemon.js')]);
    return runDaemon({
      root: context.root,
      env: context.env,
      io: context.io,
      clock: context.now,
      healthPort: portText === undefined ? undefined : Number(portText),
    });
  },
};
