// The daily reminder to the secretariat (REMINDERS_TO, each address allowed by PROOF_ALLOWLIST):
// drafts due within N days and not approved, approved issues not yet scheduled, and anything that
// needs attention, with the reason. `reminderItems` and `reminderMail` are pure; `sendReminder`
// loads the project, asks the store and sends it.
import { allowed, parseAllowlist } from '../distribute/allowlist.js';
import type { OutgoingMail } from '../distribute/transport.js';
import type { Newsletter } from '../content/schema.js';
import { NewsletterError } from '../errors.js';
import { loadProject } from '../pipeline.js';
import { londonToUtc, ukInstant } from '../time/uk.js';
import type { IssueStatus } from '../state/status.js';
import { readStatuses } from '../workflow/sent-status.js';
import { attentionReason, type SchedulerContext } from './context.js';
import { escapeHtml } from '../render/html.js';
import { byCodePoint } from '../order.js';

export interface ReminderItem {
  kind: 'needs-attention' | 'to-approve' | 'to-schedule';
  issue: string;
  subject: string;
  /** UK send time in words. */
  sendAt: string;
  /** Why it needs attention, or how soon it is due. */
  note: string;
}

export interface IssueView {
  id: string;
  subject: string;
  /** The planned send time, "YYYY-MM-DD HH:MM" UK. */
  sendAt: string;
  status: IssueStatus;
  reason?: string;
}

export function reminderItems(issues: IssueView[], now: Date, days: number): ReminderItem[] {
  const items: ReminderItem[] = [];
  const horizon = now.getTime() + days * 86_400_000;
  for (const i of issues) {
    const at = safeInstant(i.sendAt);
    const base = { issue: i.id, subject: i.subject, sendAt: at ? ukInstant(at) : i.sendAt };
    if (i.status === 'needs-attention') items.push({ ...base, kind: 'needs-attention', note: i.reason ?? 'see `newsletter log`' });
    else if (i.status === 'approved') items.push({ ...base, kind: 'to-schedule', note: 'approved, not yet published' });
    else if (i.status === 'draft' && at && at.getTime() <= horizon) {
      const left = Math.ceil((at.getTime() - now.getTime()) / 86_400_000);
      items.push({
        ...base,
        kind: 'to-approve',
        note: left < 0 ? 'its send time has passed' : `due in ${left} day${left === 1 ? '' : 's'}`,
      });
    }
  }
  const order = { 'needs-attention': 0, 'to-approve': 1, 'to-schedule': 2 } as const;
  return items.sort((a, b) => order[a.kind] - order[b.kind] || byCodePoint(a.issue, b.issue));
}

const HEADINGS = { 'needs-attention': 'Needs attention', 'to-approve': 'Not yet approved', 'to-schedule': 'Approved, not yet published' };

export function reminderMail(items: ReminderItem[], newsletter: Newsletter, to: string[], day: string): OutgoingMail {
  const groups = (['needs-attention', 'to-approve', 'to-schedule'] as const)
    .map((kind) => ({ kind, list: items.filter((i) => i.kind === kind) }))
    .filter((g) => g.list.length);
  const text = [
    `Newsletter reminders for ${day}`,
    '',
    ...groups.flatMap((g) => [
      `${HEADINGS[g.kind]}:`,
      ...g.list.map((i) => `- ${i.issue} "${i.subject}" (send ${i.sendAt}): ${i.note}`),
      '',
    ]),
    'Run `newsletter status` for the detail.',
  ].join('\n');
  const esc = escapeHtml;
  const html = [
    `<!doctype html><html lang="en-GB"><body><h1>Newsletter reminders for ${esc(day)}</h1>`,
    ...groups.map(
      (g) =>
        `<h2>${HEADINGS[g.kind]}</h2><ul>${g.list.map((i) => `<li><strong>${esc(i.issue)}</strong> “${esc(i.subject)}” (send ${esc(i.sendAt)}): ${esc(i.note)}</li>`).join('')}</ul>`,
    ),
    '<p>Run <code>newsletter status</code> for the detail.</p></body></html>',
  ].join('');
  const count = (k: ReminderItem['kind']) => items.filter((i) => i.kind === k).length;
  const parts = [
    count('needs-attention') && `${count('needs-attention')} need${count('needs-attention') === 1 ? 's' : ''} attention`,
    count('to-approve') && `${count('to-approve')} to approve`,
    count('to-schedule') && `${count('to-schedule')} to publish`,
  ].filter(Boolean);
  return {
    from: { name: `${newsletter.name} (reminders)`, address: newsletter.sender.email },
    replyTo: newsletter.sender.replyTo,
    to,
    subject: `[Reminder] ${newsletter.name}: ${parts.join(', ')}`,
    html,
    text,
    headers: { 'Auto-Submitted': 'auto-generated' },
  };
}

/** REMINDERS_TO, each address allowed by PROOF_ALLOWLIST; a refusal names the ones that are not. */
export function reminderRecipients(to: string[], allowlistValue: string | undefined): string[] {
  const list = parseAllowlist(allowlistValue);
  const refused = to.filter((a) => !allowed(a, list));
  if (refused.length)
    throw new NewsletterError('reminders-refused', `REMINDERS_TO names addresses PROOF_ALLOWLIST does not allow: ${refused.join(', ')}`);
  return to;
}

/** Build and send today's reminder; 'nothing' when there is nothing to remind anyone of. */
export async function sendReminder(
  ctx: SchedulerContext,
  env: NodeJS.ProcessEnv,
  day: string,
): Promise<'sent' | 'nothing' | 'no-recipients'> {
  if (ctx.config.remindersTo.length === 0) return 'no-recipients';
  const to = reminderRecipients(ctx.config.remindersTo, env.PROOF_ALLOWLIST);
  const project = await loadProject(ctx.paths);
  const content = project.content;
  if (!content) throw new NewsletterError('content-invalid', 'the content cannot be loaded, so no reminder can be written');
  const statuses = await readStatuses(ctx.store, ctx.paths);
  const views: IssueView[] = content.issues.map((i) => {
    return { id: i.id, subject: i.subject, sendAt: i.sendAt, status: statuses.get(i.id), reason: attentionReason(ctx.store, i.id) };
  });
  const items = reminderItems(views, ctx.clock(), ctx.config.reminderDays);
  if (items.length === 0) return 'nothing';
  const transport = ctx.transport();
  try {
    await transport.send(reminderMail(items, content.newsletter, to, day));
  } finally {
    transport.close();
  }
  return 'sent';
}

function safeInstant(local: string): Date | undefined {
  try {
    return londonToUtc(local);
  } catch {
    return undefined;
  }
}
