// Tracking policy as data: newsletter.yaml says whether Mailchimp counts opens and clicks; the
// approval pins it (a change needs a new approval; the default keeps every earlier hash), publish
// sets it on the campaign, and a change made in Mailchimp afterwards is drift that publish undoes.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStandin, type Standin } from '../../scripts/mailchimp-standin/server.js';
import type { IssueSnapshot } from '../../src/archive/snapshot.js';
import { contentHash as snapshotHash } from '../../src/render/content-hash.js';
import { formatContentError } from '../../src/content/errors.js';
import { loadProject } from '../../src/pipeline.js';
import { driftOf, planPublish, type RemoteCampaign, heldBodiesHash, settingsFor } from '../../src/publish/plan.js';
import { publishApproved } from '../../src/publish/sync.js';
import { openStore } from '../../src/state/store.js';
import { approve } from '../../src/workflow/approve.js';
import { makeDraft, tempProject, type TempProject } from '../helpers/project.js';
import { clientFor } from '../mailchimp/helpers.js';

const NEWSLETTER = 'content/newsletter.yaml';
const OPENS_ON = 'tracking:\n  opens: true\n';
const OPENS_OFF = 'tracking:\n  opens: false\n';
const now = () => new Date('2022-03-30T10:00:00Z');

const parts = {
  subject: 'Panel newsletter',
  preheader: 'Regional links',
  fromName: 'Panel',
  fromEmail: 'panel@example.org',
  replyTo: 'panel@example.org',
  html: '<p>Hello</p>',
  text: 'Hello',
};

describe('tracking in the content and the plan (pure)', () => {
  it('the default policy leaves every hash as it was; turning opens off changes it', () => {
    const before = snapshotHash(parts);
    expect(snapshotHash({ ...parts, tracking: { opens: true, htmlClicks: true, textClicks: true } })).toBe(before);
    expect(snapshotHash({ ...parts, tracking: { opens: false, htmlClicks: true, textClicks: true } })).not.toBe(before);
  });

  it('a campaign tracking other than approved gets a settings step and is drift', () => {
    const tracking = { opens: false, htmlClicks: true, textClicks: true };
    const snapshot: IssueSnapshot = {
      schemaVersion: 1,
      issueId: '2030-04',
      ...parts,
      tracking,
      web: '',
      hash: snapshotHash({ ...parts, tracking }),
      renderedAt: now().toISOString(),
    };
    const remote: RemoteCampaign = {
      id: 'c1',
      status: 'save',
      settings: settingsFor(snapshot),
      sendTime: null,
      bodiesHash: heldBodiesHash(parts.html, parts.text),
      emailsSent: 0,
      tracking: { opens: true, htmlClicks: true, textClicks: true },
    };
    const record = { campaignId: 'c1', contentSet: null };
    expect(driftOf(snapshot, remote, record)).toEqual(['tracking.opens']);
    expect(planPublish(snapshot, new Date('2022-04-05T08:00:00Z'), remote, record).steps[0]).toEqual({
      kind: 'update-settings',
      changes: {},
      tracking,
    });
    expect(driftOf(snapshot, { ...remote, tracking }, record)).toEqual([]);
  });

  it('a tracking value that is not true or false is a located content error', async () => {
    const project = await tempProject();
    try {
      await project.edit(NEWSLETTER, OPENS_ON, 'tracking:\n  opens: "no"\n');
      const loaded = await loadProject(project.paths);
      const lines = loaded.errors.map(formatContentError);
      expect(lines).toEqual([expect.stringMatching(/^content\/newsletter\.yaml:\d+:\d+ .*tracking\.opens.*true \(tracked\) or false/)]);
    } finally {
      await project.remove();
    }
  });
});

describe('tracking through approval and publish (stand-in)', () => {
  let standin: Standin;
  let project: TempProject;
  beforeAll(async () => {
    standin = await startStandin({ now });
    project = await tempProject();
    await makeDraft(project);
    await project.edit(NEWSLETTER, OPENS_ON, OPENS_OFF);
  });
  afterAll(async () => {
    await standin.stop();
    await project.remove();
  });

  it('approval pins it, publish sets it on the campaign, and a change in Mailchimp is drift publish puts back', async () => {
    const store = openStore(path.join(project.root, '.newsletter', 'state.db'), now);
    try {
      await approve(project.paths, store, { id: '2022-04', by: 'Ann Chair', now });
      const snapshot = store.approvals.approvedSnapshot('2022-04', 1)!;
      expect(snapshot.tracking).toEqual({ opens: false, htmlClicks: true, textClicks: true });

      const args = {
        client: clientFor(standin),
        store,
        snapshot,
        sendAt: new Date('2022-04-05T08:00:00Z'),
        actor: 'Ann Chair',
        dryRun: false,
        progress: () => undefined,
      };
      const { campaignId } = await publishApproved(args);
      const held = standin.account.campaign(campaignId!);
      expect(held.tracking).toEqual({ opens: false, html_clicks: true, text_clicks: true });

      // Someone turns opens back on in Mailchimp: publish sees it and sets it back.
      held.tracking.opens = true;
      const again = await publishApproved({
        ...args,
        onPlan: (plan) => expect(plan.steps.map((s) => s.kind)).toContain('update-settings'),
      });
      expect(again.campaignId).toBe(campaignId);
      expect(standin.account.campaign(campaignId!).tracking.opens).toBe(false);

      // Changing the policy after approval makes the approval stale: approve again.
      await project.edit(NEWSLETTER, OPENS_OFF, OPENS_ON);
      const { snapshotOf } = await import('../../src/archive/snapshot.js');
      const { findIssue, loadTemplates, renderIssue, usableContent } = await import('../../src/pipeline.js');
      const content = usableContent(await loadProject(project.paths), ['2022-04']);
      const issue = findIssue(content, '2022-04');
      const current = snapshotOf(content, issue, await renderIssue(content, issue, await loadTemplates(project.paths)), now());
      expect(current.html).toBe(snapshot.html);
      expect(store.approvals.stateOf('2022-04', current.hash, 1).state).toBe('stale');
    } finally {
      store.close();
    }
  });
});
