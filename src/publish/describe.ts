// The publish plan in words, as `publish` prints it before doing anything. Pure.
import { ukInstant } from '../render/dates.js';
import type { CampaignSettings, PublishPlan, PublishStep, RemoteCampaign } from './plan.js';

const SETTING_NAMES: Record<keyof CampaignSettings, string> = {
  title: 'title',
  subjectLine: 'subject',
  previewText: 'preview text',
  fromName: 'from name',
  replyTo: 'reply-to',
};

export function describeStep(step: PublishStep): string {
  switch (step.kind) {
    case 'create-campaign':
      return `create the campaign "${step.settings.title}" (subject "${step.settings.subjectLine}")`;
    case 'unschedule':
      return `unschedule the campaign: ${step.reason}`;
    case 'update-settings':
      return `update ${[
        ...Object.keys(step.changes).map((k) => SETTING_NAMES[k as keyof CampaignSettings]),
        ...(step.tracking ? ['tracking (opens and clicks)'] : []),
      ].join(', ')}`;
    case 'set-content':
      return 'set the content (HTML and plain text) to the approved issue';
    case 'read-checklist':
      return "read Mailchimp's send checklist";
    case 'schedule':
      return `schedule for ${ukInstant(step.at)} (${step.at.toISOString().replace('.000Z', 'Z')})`;
  }
}

/** The plan, one numbered line a step, headed by the campaign it works on. */
export function describePlan(plan: PublishPlan, remote: RemoteCampaign | null): string {
  const head = remote
    ? `Campaign ${remote.id} in Mailchimp is ${remote.status}${remote.sendTime ? ` for ${ukInstant(remote.sendTime)}` : ''}.`
    : `Mailchimp has no campaign for ${plan.issueId} yet.`;
  if (plan.steps.length === 0) return `${head}\nNothing to do: it holds the approved issue and is scheduled for that time.`;
  return [`${head}\nPlan for ${plan.issueId}:`, ...plan.steps.map((s, i) => `  ${i + 1}. ${describeStep(s)}`)].join('\n');
}
