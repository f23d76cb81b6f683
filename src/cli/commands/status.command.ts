// `newsletter status`: where each issue stands; the work is in workflow/status-report.ts.
import { type Command, flag } from '../command.js';

export const status: Command = {
  name: 'status',
  summary: 'status, planned send time, approval (fresh or stale), proofs and share links of one issue or all',
  usage: ['status [<id>...] [--json]'],
  options: { json: { type: 'boolean', description: 'print as JSON' } },
  example: ['newsletter status            # every issue', 'newsletter status 2022-05 --json'],
  async run(context) {
    const [{ issueStandings, proofContent }, { projectPaths }, { withStateStore }, { ukDateTime, londonLocal }] = await Promise.all([
      import('../../workflow/status-report.js'),
      import('../../pipeline.js'),
      import('../store.js'),
      import('../../time/uk.js'),
    ]);
    return withStateStore(context, async (store) => {
      const now = context.now();
      const ids = context.positionals.length ? context.positionals : 'all';
      const standings = await issueStandings(projectPaths(context.root), store, ids, now);
      // Mailchimp's view beside ours (publish/mailchimp-view.ts); "not configured" when it is not.
      const { mailchimpViews, describeView } = await import('../../publish/mailchimp-view.js');
      const views = await mailchimpViews(
        projectPaths(context.root),
        store,
        standings.map((s) => s.id),
        {
          env: context.env,
          now,
          approvalsNeeded: standings[0]?.approval.needed ?? 1,
        },
      );
      for (const s of standings) if (views.get(s.id)?.state === 'campaign') s.status = store.statuses.get(s.id);
      const withViews = standings.map((s) => ({ ...s, mailchimp: views.get(s.id) }));
      if (flag(context, 'json')) return (context.io.out(JSON.stringify(withViews, null, 2)), 0);
      const when = (d: Date) => ukDateTime(londonLocal(d));
      const blocks = standings.map((s) => {
        const a = s.approval;
        const people = a.state === 'none' ? '' : a.approvals.map((x) => `${x.approver} on ${when(x.approvedAt)}`).join(', ');
        const approval = {
          none: s.status === 'sent' ? 'n/a (sent)' : 'not approved',
          fresh: `fresh — ${people}`,
          partial: `${a.state === 'partial' ? a.approvals.length : 0} of ${a.needed} approvers — ${people}`,
          stale: `STALE — the content changed since ${people} approved it; approve again`,
        }[a.state];
        return [
          `${s.id}  ${s.status}  "${s.subject}"`,
          ...(s.attention ? [`  attention ${s.attention}`] : []),
          `  send      ${s.sendAtUk}`,
          `  approval  ${approval}`,
          `  proofs    ${s.proofs.length ? s.proofs.map((p) => `${when(p.at)} by ${p.by} to ${p.delivered.length}/${p.to.length}${proofContent(s, p)}${p.forced ? ' (forced)' : ''}`).join('; ') : 'none'}`,
          `  mailchimp ${describeView(views.get(s.id)!)}`,
          `  links     ${s.shareLinks.length ? s.shareLinks.map((l) => `until ${when(l.expiresAt)}${l.hash !== s.hash ? ' (changed since)' : ''}`).join('; ') : 'none live'}`,
        ].join('\n');
      });
      const { daemonLine } = await import('../../scheduler/liveness.js');
      const { auditChainWords } = await import('../../workflow/audit-words.js');
      const chain = store.audit.verify();
      const warning = chain.intact ? [] : [`WARNING: ${auditChainWords(chain)}`];
      context.io.out([...warning, ...blocks, daemonLine(store, now)].join('\n\n'));
      return 0;
    });
  },
};
