// The publish plan in words, as `publish` prints it before doing anything. Pure.
import type { Audience } from '../mailchimp/index.js';
import { campaignStatusWords } from '../mailchimp/status-words.js';
import { ukInstant } from '../time/uk.js';
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

/** The plan, one numbered line a step, headed by the campaign it works on and who it goes to. */
export function describePlan(plan: PublishPlan, remote: RemoteCampaign | null, audience?: Audience): string {
  const head = [
    remote
      ? `Campaign ${remote.id} is ${campaignStatusWords(remote.status, remote.sendTime ? ukInstant(remote.sendTime) : undefined)}.`
      : `Mailchimp has no campaign for ${plan.issueId} yet.`,
    ...(audience ? [describeAudience(audience)] : []),
  ].join('\n');
  if (plan.steps.length === 0) return `${head}\nNothing to do: it holds the approved issue and is scheduled for that time.`;
  return [`${head}\nPlan for ${plan.issueId}:`, ...plan.steps.map((s, i) => `  ${i + 1}. ${describeStep(s)}`)].join('\n');
}

/** "It goes to the audience "Panel newsletter" (1,234 subscribed members)." */
export function describeAudience(audience: Audience): string {
  const count = audience.memberCount.toLocaleString('en-GB');
  return `It goes to the audience "${audience.name}" (${count} subscribed member${audience.memberCount === 1 ? '' : 's'}).`;
}
