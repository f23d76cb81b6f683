// `proof` sends the issue as it stands to allow-listed reviewers and records what it showed them.
// The lifecycle table is asked first, then recipients are judged, so a refused address never opens a connection;
// errors from check stop a proof unless forced, and a forced proof says so in the audit log.
import { proofRecipients } from '../distribute/allowlist.js';
import { proofMail } from '../distribute/proof-mail.js';
import type { MailTransport, RecipientRefused } from '../distribute/transport.js';
import { NewsletterError } from '../errors.js';
import type { ProjectPaths } from '../pipeline.js';
import type { Store } from '../state/store.js';
import { currentIssue, refuseOnErrors, validActor } from './current.js';
import { refuseUnless } from '../lifecycle.js';
import { readStatuses } from './sent-status.js';
import { type Person, personDetails } from '../state/team.js';

/** What a proof asks for, by SMTP or as a Mailchimp test email. */
export interface ProofRequest {
  id: string;
  to: string[];
  /** Who sends it, for the audit log. */
  by: string;
  /** Team mode: the signed-in person (their role is checked, their identity recorded). */
  person?: Person;
  force: boolean;
  now: () => Date;
  env: NodeJS.ProcessEnv;
}

export interface ProofArgs extends ProofRequest {
  /** Made only once the recipients and the content have passed; SMTP_URL by default. */
  transport: (smtpUrl: string) => MailTransport;
}

/** What a proof did, by SMTP or as a Mailchimp test email. */
export interface ProofOutcome {
  id: string;
  hash: string;
  subject: string;
  via: string;
  delivered: string[];
  /** Errors from check that --force sent anyway. */
  forcedErrors: number;
}

export interface ProofResult extends ProofOutcome {
  refused: RecipientRefused[];
}

export async function proof(paths: ProjectPaths, store: Store, args: ProofArgs): Promise<ProofResult> {
  const by = validActor(args.by, 'sends the proof');
  // A sending or sent issue is refused here, before any address is judged or SMTP is reached.
  refuseUnless('not-allowed-now', 'proof', (await readStatuses(store, paths)).get(args.id), args.id, args.person?.role);
  const to = proofRecipients(args.to, args.env.PROOF_ALLOWLIST);
  const smtpUrl = args.env.SMTP_URL?.trim();
  if (!smtpUrl) throw new NewsletterError('smtp-config', 'SMTP_URL is not set, so proofs cannot be sent');
  const { content, snapshot, report } = await currentIssue(paths, args.id, args.now());
  if (!args.force) refuseOnErrors(report, 'proofed (add --force to send the proof anyway; it is recorded)');
  const mail = proofMail(snapshot, content.newsletter, to);
  const transport = args.transport(smtpUrl);
  const record = proofRecorder(
    store,
    args,
    { by, to, hash: snapshot.hash, checkErrors: report.errors },
    { via: transport.describe, ...(args.person ? { person: personDetails(args.person) } : {}) },
  );
  try {
    const delivery = await transport.send(mail);
    record({ delivered: delivery.accepted, refused: delivery.refused });
    return {
      id: args.id,
      hash: snapshot.hash,
      subject: mail.subject,
      via: transport.describe,
      delivered: delivery.accepted,
      refused: delivery.refused,
      forcedErrors: args.force ? report.errors : 0,
    };
  } catch (e) {
    record({ delivered: [], failed: e instanceof Error ? e.message : String(e) });
    throw e;
  } finally {
    transport.close();
  }
}

/**
 * How a proof is written to the audit log, by SMTP or as a Mailchimp test email: who sent what to
 * whom, whether check errors were forced through, then what happened (`details`).
 */
export function proofRecorder(
  store: Store,
  request: Pick<ProofRequest, 'id' | 'force'>,
  sent: { by: string; to: string[]; hash: string; checkErrors: number },
  how: Record<string, unknown>,
): (details: Record<string, unknown>) => void {
  return (details) =>
    store.audit.append({
      actor: sent.by,
      action: 'proof',
      issue: request.id,
      hash: sent.hash,
      details: { to: sent.to, ...how, forced: request.force && sent.checkErrors > 0, checkErrors: sent.checkErrors, ...details },
    });
}
