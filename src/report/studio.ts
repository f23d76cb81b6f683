// The studio's report page for one issue: the report built from the store (load.ts) and drawn
// (page.ts); undefined when the issue has not been sent with a campaign, so the route answers 404.
import type { ContentPaths } from '../archive/sent.js';
import { NewsletterError } from '../errors.js';
import type { Store } from '../state/store.js';
import { issueReport } from './load.js';
import { reportPage } from './page.js';
import { linksCsv } from './text.js';

export async function studioReportPage(
  name: string,
  paths: ContentPaths,
  store: Store,
  id: string,
  now: Date,
): Promise<string | undefined> {
  try {
    return reportPage(name, await issueReport(paths, store, id, now));
  } catch (e) {
    if (e instanceof NewsletterError && e.code === 'report-not-sent') return undefined;
    throw e;
  }
}

/** The per-link table as CSV for the studio's download link; undefined when the issue was not sent with a campaign. */
export async function studioReportCsv(paths: ContentPaths, store: Store, id: string, now: Date): Promise<string | undefined> {
  try {
    return linksCsv(await issueReport(paths, store, id, now));
  } catch (e) {
    if (e instanceof NewsletterError && e.code === 'report-not-sent') return undefined;
    throw e;
  }
}
