// The studio's actions call the very use cases the CLI calls (workflow/approve, workflow/proof,
// and share/share.ts), so each records exactly what the command records: the same rows in
// the store, the same audit entries. Refusals come back in the CLI's own words.
import { randomBytes } from 'node:crypto';
import { userInfo } from 'node:os';
import { ContentInvalid, formatContentError } from '../content/errors.js';
import type { MailTransport } from '../distribute/transport.js';
import { ERRORS, NewsletterError } from '../errors.js';
import type { ProjectPaths } from '../pipeline.js';
import type { Store } from '../state/store.js';
import { actorOf, type Person, personDetails } from '../state/team.js';
import { approve } from '../workflow/approve.js';
import { approverKey } from '../state/approvals.js';
import { proof } from '../workflow/proof.js';
import { refusedNow } from '../workflow/closed.js';
import type { ActionName, ActionResult } from './pages/actions.js';
import { studioShareAddress } from '../share/address.js';
import { shareDraft } from '../share/share.js';
import { parseDuration } from '../share/share-token.js';

/** What proofs need from outside: the environment (SMTP_URL, PROOF_ALLOWLIST) and how to reach SMTP. */
export interface ActionSettings {
  env: NodeJS.ProcessEnv;
  transport: (smtpUrl: string) => MailTransport;
}

export interface ActionContext {
  paths: ProjectPaths;
  store: Store;
  secret: string;
  publicUrl: string;
  now: () => Date;
  settings: ActionSettings;
  /** Team mode: the signed-in person, recorded in place of a typed name. */
  person?: Person;
}

type Action = (c: ActionContext, id: string, form: URLSearchParams) => Promise<ActionResult>;

const approveAction: Action = async (c, id, form) => {
  const by = form.get('by')?.trim();
  if (!by && !c.person) return refused('approve', ['Type your name in "Your name": an approval records who gave it.']);
  const r = await approve(c.paths, c.store, c.person ? { id, person: c.person, now: c.now } : { id, by, now: c.now });
  const people = r.approval.state === 'none' ? [] : [...new Set(r.approval.approvals.map(approverKey))];
  const more = r.approval.needed - people.length;
  return {
    action: 'approve',
    ok: true,
    lines: [
      `${r.already ? `${r.approver} had already approved` : `${r.approver} approved`} ${id} (content ${r.hash.slice(0, 12)}). ` +
        (more > 0
          ? `${more} more approver${more === 1 ? '' : 's'} needed (newsletter.yaml approvals: ${r.approval.needed}).`
          : `${id} is ${r.status}.`),
    ],
  };
};

const proofAction: Action = async (c, id, form) => {
  const r = await proof(c.paths, c.store, {
    id,
    to: (form.get('to') ?? '').split(/[\s,;]+/),
    // As the CLI: the name given, else the user running the tool; in team mode, the person signed in.
    by: c.person ? actorOf(c.person) : form.get('by')?.trim() || userInfo().username,
    ...(c.person ? { person: c.person } : {}),
    force: form.get('force') === 'yes',
    now: c.now,
    env: c.settings.env,
    transport: c.settings.transport,
  });
  return {
    action: 'proof',
    ok: r.refused.length === 0,
    lines: [
      `Proof of ${id} ("${r.subject}") through ${r.via}, content ${r.hash.slice(0, 12)}:`,
      ...r.delivered.map((a) => `delivered: ${a}`),
      ...r.refused.map((x) => `REFUSED: ${x.address} — ${x.response}`),
      ...(r.forcedErrors ? [`Sent despite ${r.forcedErrors} error${r.forcedErrors === 1 ? '' : 's'} from check; this is recorded.`] : []),
    ],
  };
};

const shareAction: Action = async (c, id, form) => {
  const expires = form.get('expires') ?? '7d';
  const seconds = parseDuration(expires);
  if (seconds === undefined) return refused('share', [`"${expires}" is not a duration — choose how long the link works for`]);
  const address = studioShareAddress(c.publicUrl);
  // Recorded in the audit log by shareDraft: in team mode the person signed in, else the name
  // given, else the user running the tool (as the CLI).
  const by = c.person ? actorOf(c.person) : form.get('by')?.trim() || userInfo().username;
  const person = c.person ? { person: personDetails(c.person) } : {};
  const link = await shareDraft(c.paths, c.store, c.secret, { id, seconds, now: c.now(), address, by, details: person });
  // As the CLI says it, note and all: a link to the studio's own loopback address opens here only.
  return { action: 'share', ok: true, lines: [`${link.headline}.`], link: link.url, note: link.note };
};

const ACTIONS: Record<ActionName, Action> = { approve: approveAction, proof: proofAction, share: shareAction };

/** Run one action; what the person must fix comes back as a result, anything else is thrown. */
export async function runAction(c: ActionContext, name: ActionName, id: string, form: URLSearchParams): Promise<ActionResult> {
  // The lifecycle table is asked first, with the very words the page shows in place of the form.
  const closed = refusedNow(name, c.store.statuses.get(id));
  if (closed) return refused(name, [closed]);
  try {
    return await ACTIONS[name](c, id, form);
  } catch (e) {
    if (e instanceof ContentInvalid) {
      const n = e.errors.length;
      return refused(name, [`The content has ${n} problem${n === 1 ? '' : 's'}:`, ...e.errors.map(formatContentError)]);
    }
    if (!(e instanceof NewsletterError)) throw e;
    // As the CLI prints it: the message, its lines, and a hint given for this very case.
    const lines = e.message.split('\n').map((l) => l.trim());
    return refused(name, e.hint !== ERRORS[e.code].hint && e.hint ? [...lines, e.hint] : lines);
  }
}

function refused(action: ActionName, lines: string[]): ActionResult {
  return { action, ok: false, lines };
}

/**
 * Results kept for the page the browser is sent back to (post, redirect, get), readable only by
 * the session that acted: a share link is not put in an address bar or a log.
 */
export class ActionResults {
  private readonly kept = new Map<string, { session: string; result: ActionResult }>();

  constructor(private readonly max = 100) {}

  put(session: string, result: ActionResult): string {
    const ref = randomBytes(12).toString('base64url');
    this.kept.set(ref, { session, result });
    if (this.kept.size > this.max) this.kept.delete(this.kept.keys().next().value!);
    return ref;
  }

  get(session: string, ref: string | null): ActionResult | undefined {
    const found = ref === null ? undefined : this.kept.get(ref);
    return found?.session === session ? found.result : undefined;
  }
}
