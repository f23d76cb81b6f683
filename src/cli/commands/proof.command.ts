// `newsletter proof`: send the issue to allow-listed reviewers by SMTP; the work is in workflow/proof.ts.
import { type Command, type CommandContext, flag, text } from '../command.js';
import { UsageError } from '../io.js';

export const proof: Command = {
  name: 'proof',
  summary: 'send a proof by email (SMTP_URL, or a Mailchimp test email) to reviewers in PROOF_ALLOWLIST',
  usage: ['proof <id> --to a@x,b@y [--via smtp|mailchimp] [--by "Name"] [--force] [--json]'],
  options: {
    to: { type: 'string', value: '<addresses>', description: 'who receives it, separated by commas (at most 20, all in PROOF_ALLOWLIST)' },
    by: { type: 'string', value: '<name>', description: 'who sends it, for the audit log (default: your user name)' },
    via: { type: 'string', value: 'smtp|mailchimp', description: 'by SMTP (the default), or as a Mailchimp test email of the campaign' },
    force: { type: 'boolean', description: 'send even though check finds errors (recorded in the audit log)' },
    json: { type: 'boolean', description: 'print the result as JSON' },
  },
  example: [
    'newsletter proof 2022-05 --to chair@example.org,comms@example.org',
    'newsletter proof 2022-05 --via mailchimp --to chair@example.org   # as Mailchimp sends it',
  ],
  async run(context) {
    const [id, ...extra] = context.positionals;
    const to = text(context, 'to');
    if (!id || extra.length || !to)
      throw new UsageError('say which issue and who receives it, e.g. `newsletter proof 2022-05 --to a@example.org`');
    const via = text(context, 'via') ?? 'smtp';
    if (via !== 'smtp' && via !== 'mailchimp') throw new UsageError(`--via is smtp or mailchimp, not "${via}"`);
    if (via === 'mailchimp') return viaMailchimp(context, id, to);
    const [{ proof: sendProof }, { smtpTransport }, { projectPaths }, { withStateStore }, { userInfo }] = await Promise.all([
      import('../../workflow/proof.js'),
      import('../../distribute/smtp.js'),
      import('../../pipeline.js'),
      import('../store.js'),
      import('node:os'),
    ]);
    return withStateStore(context, async (store) => {
      const json = flag(context, 'json');
      if (!json) context.io.err(`Rendering and checking ${id}…`);
      const result = await sendProof(projectPaths(context.root), store, {
        id,
        to: to.split(','),
        by: text(context, 'by') ?? userInfo().username,
        force: flag(context, 'force'),
        now: () => new Date(),
        env: context.env,
        transport: (url) => smtpTransport(url),
      });
      if (json) context.io.out(JSON.stringify(result, null, 2));
      else
        context.io.out(
          [
            `Proof of ${id} ("${result.subject}") through ${result.via}, content ${result.hash.slice(0, 12)}:`,
            ...result.delivered.map((a) => `  delivered  ${a}`),
            ...result.refused.map((r) => `  REFUSED    ${r.address} — ${r.response}`),
            ...(result.forcedErrors ? [`Sent with --force despite ${result.forcedErrors} error(s) from check; this is recorded.`] : []),
          ].join('\n'),
        );
      // A recipient the server refused is a failure of the service, not of the request.
      return result.refused.length ? 2 : 0;
    });
  },
};

/** `--via mailchimp`: the work is in publish/test-email.ts. */
async function viaMailchimp(context: CommandContext, id: string, to: string): Promise<number> {
  const [{ mailchimpTestEmail }, { projectPaths }, { withStateStore }, { userInfo }] = await Promise.all([
    import('../../publish/test-email.js'),
    import('../../pipeline.js'),
    import('../store.js'),
    import('node:os'),
  ]);
  return withStateStore(context, async (store) => {
    const json = flag(context, 'json');
    if (!json) context.io.err(`Rendering and checking ${id}…`);
    const result = await mailchimpTestEmail(projectPaths(context.root), store, {
      id,
      to: to.split(','),
      by: text(context, 'by') ?? userInfo().username,
      force: flag(context, 'force'),
      now: () => new Date(),
      env: context.env,
      progress: (line) => {
        if (!json) context.io.err(line);
      },
    });
    if (json) context.io.out(JSON.stringify(result, null, 2));
    else
      context.io.out(
        [
          `Proof of ${id} ("${result.subject}") as a ${result.via}, content ${result.hash.slice(0, 12)}:`,
          ...result.delivered.map((a) => `  sent to  ${a}`),
          ...(result.forcedErrors ? [`Sent with --force despite ${result.forcedErrors} error(s) from check; this is recorded.`] : []),
        ].join('\n'),
      );
    return 0;
  });
}
