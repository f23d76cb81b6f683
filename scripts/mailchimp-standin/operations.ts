// The operations the stand-in carries out, by the spec's operationId. Requests reach these only
// after openapi-backend has checked them against the published spec; what is left to check here
// is what the spec cannot say (state.ts).
import type { Context } from 'openapi-backend';
import { problem, wrap, type Reply } from './problem.js';
import { publicCampaign, type Account, type StoredCampaign } from './state.js';

type Body = Record<string, unknown>;

export function operations(account: Account): Record<string, (c: Context) => Reply> {
  const id = (c: Context) => String(c.request.params.campaign_id);
  const body = (c: Context) => (c.request.requestBody ?? {}) as Body;
  const audience = account.options.audience;
  const list = { id: audience.id, web_id: 1, name: audience.name, stats: { member_count: audience.memberCount }, _links: [] };

  return {
    getPing: () => ({ status: 200, body: { health_status: "Everything's Chimpy!" } }),
    getLists: (c) => ({ status: 200, body: project({ lists: [list], total_items: 1, _links: [] }, fieldsOf(c)) }),
    getListsId: (c) =>
      String(c.request.params.list_id) === audience.id
        ? { status: 200, body: project(list, fieldsOf(c)) }
        : problem(404, 'Resource Not Found', 'The requested resource could not be found.'),
    getCampaigns: (c) => ({ status: 200, body: project(campaignPage(account, c.request.query as Record<string, string>), fieldsOf(c)) }),
    postCampaigns: (c) => wrap(() => ({ status: 200, body: publicCampaign(account.create(body(c) as Parameters<Account['create']>[0])) })),
    getCampaignsId: (c) => wrap(() => ({ status: 200, body: project(publicCampaign(account.campaign(id(c))), fieldsOf(c)) })),
    patchCampaignsId: (c) =>
      wrap(() => ({
        status: 200,
        body: publicCampaign(account.update(id(c), body(c) as Parameters<Account['update']>[1])),
      })),
    getCampaignsIdContent: (c) => wrap(() => ({ status: 200, body: project(contentOf(account.campaign(id(c))), fieldsOf(c)) })),
    putCampaignsIdContent: (c) =>
      wrap(() => ({ status: 200, body: contentOf(account.setContent(id(c), body(c) as { html?: string; plain_text?: string })) })),
    getCampaignsIdSendChecklist: (c) => wrap(() => ({ status: 200, body: { ...account.checklist(id(c)), _links: [] } })),
    postCampaignsIdActionsSchedule: (c) => wrap(() => (account.schedule(id(c), String(body(c).schedule_time)), { status: 204 })),
    postCampaignsIdActionsUnschedule: (c) => wrap(() => (account.unschedule(id(c)), { status: 204 })),
    postCampaignsIdActionsSend: (c) => wrap(() => (account.send(id(c)), { status: 204 })),
    postCampaignsIdActionsTest: (c) => wrap(() => (account.sendTest(id(c), body(c).test_emails as string[]), { status: 204 })),
  };
}

function contentOf(c: StoredCampaign): Body {
  return { html: c.content.html, plain_text: c.content.plain_text, archive_html: c.content.html, _links: [] };
}

/** GET /campaigns with the filters the tool uses: audience, status, type, sort, count and offset. */
function campaignPage(account: Account, q: Record<string, string>): Body {
  let all = [...account.campaigns.values()];
  if (q.list_id) all = all.filter((c) => c.recipients.list_id === q.list_id);
  if (q.status) all = all.filter((c) => c.status === q.status);
  if (q.type) all = all.filter((c) => c.type === q.type);
  const key = q.sort_field === 'send_time' ? 'send_time' : 'create_time';
  // Equal create times (same second) keep creation order, as web ids grow.
  all.sort((a, b) => a[key].localeCompare(b[key]) || a.web_id - b.web_id);
  if (q.sort_dir === 'DESC') all.reverse();
  const offset = Number(q.offset ?? 0);
  const count = Number(q.count ?? 10);
  return { campaigns: all.slice(offset, offset + count).map(publicCampaign), total_items: all.length, _links: [] };
}

export function fieldsOf(c: Context): string[][] | undefined {
  const raw = (c.request.query as Record<string, string | string[] | undefined>).fields;
  if (raw === undefined) return undefined;
  const list = Array.isArray(raw) ? raw : raw.split(',');
  return list.map((f) => f.trim().split('.')).filter((p) => p[0]);
}

/** Mailchimp's `fields` parameter: keep only the listed dot paths (arrays are projected item by item). */
export function project(value: unknown, paths: string[][] | undefined): unknown {
  if (!paths) return value;
  if (Array.isArray(value)) return value.map((v) => project(v, paths));
  if (paths.some((p) => p.length === 0) || typeof value !== 'object' || value === null) return value;
  const out: Body = {};
  for (const [k, v] of Object.entries(value)) {
    const sub = paths.filter((p) => p[0] === k).map((p) => p.slice(1));
    if (sub.length > 0) out[k] = project(v, sub);
  }
  return out;
}
