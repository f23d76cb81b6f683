// The publishing steps from the studio — publish (plan first, then confirm), unschedule, send a
// due send now, import-sent and refresh the report — through the very use cases the CLI runs, so
// each records what the command records and is refused in the command's words. Each result says
// what comes next.
import { createHash, randomBytes } from 'node:crypto';
import { ContentInvalid, formatContentError } from '../content/errors.js';
import { ERRORS, NewsletterError } from '../errors.js';
import { actorName, type Person } from '../http/person.js';
import type { Audience } from '../mailchimp/index.js';
import type { ProjectPaths } from '../pipeline.js';
import { describePlan } from '../publish/describe.js';
import type { PublishPlan, RemoteCampaign } from '../publish/plan.js';
import { publish } from '../publish/publish.js';
import { unschedule } from '../publish/unschedule.js';
import { refreshReport } from '../report/refresh.js';
import { memoryLogger } from '../scheduler/log.js';
import { SEND_NOW_SAID, sendDueNow } from '../scheduler/send-now.js';
import type { Store } from '../state/store.js';
import { ukInstant } from '../time/uk.js';
import { importSent } from '../workflow/import-sent.js';

export const STEPS = ['publish', 'unschedule', 'send-now', 'import-sent', 'report'] as const;
export type StepName = (typeof STEPS)[number];

export interface StepResult {
  step: StepName;
  ok: boolean;
  /** What happened, in the CLI's words; the first line is the headline. */
  lines: string[];
  /** What to do next, in a sentence. */
  next?: string;
  /** A publish refused because the plan confirmed is not the plan now: it is shown again. */
  stale?: true;
}

export interface StepContext {
  paths: ProjectPaths;
  store: Store;
  now: () => Date;
  /** MAILCHIMP_* (and the daemon's settings for a due send). */
  env: NodeJS.ProcessEnv;
}

/** The plan as the person is shown it, and the fingerprint their confirmation must carry. */
export interface ShownPlan {
  id: string;
  /** describePlan's lines: the campaign, the audience and its members, each numbered step. */
  lines: string[];
  sendAt: Date;
  hash: string;
  fingerprint: string;
  /** Mailchimp already holds this content, scheduled for this time. */
  nothingToDo: boolean;
}

/** What the plan is for and what it does, hashed: a confirmation of any other plan is refused. */
export function planFingerprint(plan: PublishPlan, remote: RemoteCampaign | null, audience: Audience, hash: string, sendAt: Date): string {
  const held = remote && { id: remote.id, status: remote.status, sendTime: remote.sendTime, bodies: remote.bodiesHash };
  const facts = { issue: plan.issueId, hash, sendAt, audience: audience.id, campaign: plan.campaignId, steps: plan.steps, held };
  return createHash('sha256').update(JSON.stringify(facts)).digest('base64url');
}

/** `publish --dry-run`: the plan, or why the issue cannot be published now. */
export async function planToPublish(c: StepContext, id: string, by: Person): Promise<{ ok: true; plan: ShownPlan } | StepResult> {
  let shown: ShownPlan | undefined;
  const done = await attempt('publish', () =>
    publish(c.paths, c.store, {
      id,
      dryRun: true,
      by: actorName(by),
      now: c.now,
      env: c.env,
      progress: () => undefined,
      onPlan: (plan, remote, audience, { hash, sendAt }) => {
        const lines = describePlan(plan, remote, audience).split('\n');
        const fingerprint = planFingerprint(plan, remote, audience, hash, sendAt);
        shown = { id, lines, sendAt, hash, fingerprint, nothingToDo: plan.steps.length === 0 };
      },
    }).then(() => ({ step: 'publish' as const, ok: true, lines: [] })),
  );
  return shown && done.ok ? { ok: true, plan: shown } : done;
}

/** The plan refused at confirmation because it is not the one the person was shown. */
export class PlanChanged extends NewsletterError {
  constructor(id: string) {
    super('publish-refused', `The plan for ${id} changed after you saw it, so nothing was changed in Mailchimp`, {
      hint: 'Read the plan as it is now, below, and confirm it if it is right',
    });
  }
}

/** `publish`, confirmed: applied only when the plan made now is the one the person saw. */
export async function confirmPublish(c: StepContext, id: string, by: Person, fingerprint: string): Promise<StepResult> {
  const result = await attempt('publish', async (): Promise<StepResult> => {
    const r = await publish(c.paths, c.store, {
      id,
      dryRun: false,
      by: actorName(by),
      now: c.now,
      env: c.env,
      progress: () => undefined,
      // Inside the issue's lease, before any step: a plan that differs from the one confirmed changes nothing.
      onPlan: (plan, remote, audience, { hash, sendAt }) => {
        if (planFingerprint(plan, remote, audience, hash, sendAt) !== fingerprint) throw new PlanChanged(id);
      },
    });
    return {
      step: 'publish',
      ok: true,
      lines: [`${id} is scheduled in Mailchimp for ${ukInstant(r.sendAt)}: campaign ${r.campaignId}, content ${r.hash.slice(0, 12)}.`],
      next: `Mailchimp sends it then; nothing more to do. To change it first, unschedule it here, edit it and approve it again.`,
    };
  });
  // A step that failed part-way is never repeated blindly: the next plan reads Mailchimp first.
  if (result.ok || result.stale) return result;
  return { ...result, next: 'Review the plan again: it reads Mailchimp first and shows only what is still to be done.' };
}

export async function runStep(c: StepContext, step: Exclude<StepName, 'publish'>, id: string, by: Person): Promise<StepResult> {
  return attempt(step, () => STEP_RUNS[step](c, id, by));
}

const STEP_RUNS: Record<Exclude<StepName, 'publish'>, (c: StepContext, id: string, by: Person) => Promise<StepResult>> = {
  async unschedule(c, id, by) {
    const r = await unschedule(c.store, { id, by: actorName(by), env: c.env, progress: () => undefined });
    const said = r.unscheduled
      ? `Campaign ${r.campaignId} is no longer scheduled; ${id} is ${r.status}.`
      : `${r.campaignId ? `Campaign ${r.campaignId} was not scheduled in Mailchimp` : `Mailchimp has no campaign for ${id}`}; ${id} is ${r.status}.`;
    return {
      step: 'unschedule',
      ok: true,
      lines: [said],
      next: 'Edit it if it needs changing, approve it again, then publish it again from this page.',
    };
  },
  async 'send-now'(c, id, by) {
    const log = memoryLogger(c.now);
    const result = await sendDueNow({ store: c.store, paths: c.paths, env: c.env, by: actorName(by), log, clock: c.now }, id);
    const ok = result === 'sent' || result === 'found-sending';
    const said = SEND_NOW_SAID[result].replace(' (see above and `newsletter log`)', ' (see below, and the log on this page)');
    const warnings = log.lines.filter((l) => l.level !== 'info').map((l) => l.message);
    const next = ok
      ? 'Mailchimp reports it sent within minutes; this page then shows it as sent, with what readers did a day later.'
      : 'Nothing was sent. Read why above; once it is put right, send it again from this page.';
    return { step: 'send-now', ok, lines: [`${id}: ${said}.`, ...warnings], next };
  },
  async 'import-sent'(c, id, by) {
    const r = await importSent(c.paths, c.store, { id, by: actorName(by), now: c.now });
    return {
      step: 'import-sent',
      ok: true,
      lines: [`${id} is recorded as sent on ${ukInstant(r.sentAt)}, from today's render, in ${r.record}; the audit log names you.`],
      next: `Its public page is /archive/${id}/. Commit ${r.record} so everyone's copy shows it as sent.`,
    };
  },
  async report(c, id) {
    const outcome = await refreshReport(c.paths, c.store, { id, env: c.env, now: c.now(), progress: () => undefined });
    const said =
      outcome.state === 'not-ready'
        ? 'Mailchimp has no report on it yet (not ready yet); the readings kept are shown.'
        : `Mailchimp's report on ${id} was read now.`;
    return { step: 'report', ok: true, lines: [said], next: `See what readers did on its report page, /issues/${id}/report/.` };
  },
};

/** Run a step; what the person must fix comes back as a refused result, in the CLI's words; anything else is thrown. */
async function attempt<T>(step: StepName, work: () => Promise<T>): Promise<T | StepResult> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ContentInvalid) {
      const n = e.errors.length;
      return { step, ok: false, lines: [`The content has ${n} problem${n === 1 ? '' : 's'}:`, ...e.errors.map(formatContentError)] };
    }
    if (!(e instanceof NewsletterError)) throw e;
    const lines = e.message.split('\n').map((l) => l.trim());
    const said = e.hint !== ERRORS[e.code].hint && e.hint ? [...lines, e.hint] : lines;
    return { step, ok: false, lines: said, ...(e instanceof PlanChanged ? { stale: true as const } : {}) };
  }
}

/** Results kept for the page the browser is sent back to, readable only by the session that acted. */
export class StepResults {
  private readonly kept = new Map<string, { session: string; result: StepResult }>();

  put(session: string, result: StepResult): string {
    const ref = randomBytes(12).toString('base64url');
    this.kept.set(ref, { session, result });
    if (this.kept.size > 100) this.kept.delete(this.kept.keys().next().value!);
    return ref;
  }

  get(session: string, ref: string | null): StepResult | undefined {
    const found = ref === null ? undefined : this.kept.get(ref);
    return found?.session === session ? found.result : undefined;
  }
}
