// `newsletter proof`: send the issue to allow-listed reviewers by SMTP; the work is in workflow/proof.ts.
import { type Command, type CommandContext, flag, text } from '../command.js';
import type { ProjectPaths } from '../../pipeline.js';
import type { Store } from '../../state/store.js';
import type { ProofOutcome, ProofRequest } from '../../workflow/proof.js';
import { UsageError } from '../io.js';

export const proof: Command = {
  name: 'proof',
  summary: 'send a proof by email (SMTP_URL, or a Mailchimp test email) to reviewers in PROOF_ALLOWLIST',
  usage: ['proof <id> --to a@x,b@y [--via smtp|mailchimp] [--by "Name"] [--force] [--json]'],
  options: {
    to: { type: 'string', value: '<addresses>', description: 'who receives it, separated by commas (at most 20, all in PROOF_ALLOWLIST)' },
    by: {
      type: 'string',
      value: '<name>',
      description: 'who sends it, recorded in the audit log (without it, your login name is recorded)',
    },
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
    const [{ projectPaths }, { withStateStore }, { userInfo }] = await Promise.all([
      import('../../pipeline.js'),
      import('../store.js'),
      import('node:os'),
    ]);
    const json = flag(context, 'json');
    const request: ProofRequest = {
      id,
      to: to.split(','),
      by: text(context, 'by') ?? userInfo().username,
      force: flag(context, 'force'),
      now: context.now,
      env: context.env,
    };
    return withStateStore(context, async (store) => {
      if (!json) context.io.err(`Rendering and checking ${id}…`);
      const paths = projectPaths(context.root);
      const sent = via === 'mailchimp' ? await viaMailchimp(context, paths, store, request, json) : await viaSmtp(paths, store, request);
      if (json) context.io.out(JSON.stringify(sent.result, null, 2));
      else
        context.io.out(
          [`Proof of ${id} ("${sent.result.subject}") ${sent.summary}`, ...sent.lines, `(content ${sent.result.hash.slice(0, 12)})`].join(
            '\n',
          ),
        );
      // A recipient the server refused is a failure of the service, not of the request.
      return sent.refused ? 2 : 0;
    });
  },
};

interface Sent {
  result: ProofOutcome;
  summary: string;
  lines: string[];
  refused: boolean;
}

const forced = (r: ProofOutcome) =>
  r.forcedErrors
    ? [`Sent with --force despite ${r.forcedErrors} error${r.forcedErrors === 1 ? '' : 's'} from check; this is recorded.`]
    : [];

/** By SMTP: the work is in workflow/proof.ts. */
async function viaSmtp(paths: ProjectPaths, store: Store, request: ProofRequest): Promise<Sent> {
  const [{ proof }, { smtpTransport }] = await Promise.all([import('../../workflow/proof.js'), import('../../distribute/smtp.js')]);
  const result = await proof(paths, store, { ...request, transport: (url) => smtpTransport(url) });
  return {
    result,
    summary: `through ${result.via}:`,
    lines: [
      ...result.delivered.map((a) => `  delivered  ${a}`),
      ...result.refused.map((r) => `  REFUSED    ${r.address} — ${r.response}`),
      ...forced(result),
    ],
    refused: result.refused.length > 0,
  };
}

/** `--via mailchimp`: the work is in publish/test-email.ts. */
async function viaMailchimp(
  context: CommandContext,
  paths: ProjectPaths,
  store: Store,
  request: ProofRequest,
  json: boolean,
): Promise<Sent> {
  const { mailchimpTestEmail } = await import('../../publish/test-email.js');
  const result = await mailchimpTestEmail(paths, store, {
    ...request,
    progress: (line) => {
      if (!json) context.io.err(line);
    },
  });
  return {
    result,
    summary: `as a ${result.via}:`,
    lines: [...result.delivered.map((a) => `  sent to  ${a}`), ...forced(result)],
    refused: false,
  };
}
