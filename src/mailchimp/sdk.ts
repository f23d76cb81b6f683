// The one place that knows @mailchimp/mailchimp_marketing. The SDK is CommonJS and untyped (its
// @types package is incomplete), so the little of it we call is declared here by hand.
// Each client gets its own ApiClient instance instead of the package's shared singleton, so two
// configurations (a test's stand-in, a proxy) never overwrite each other's key or base path.
import { createRequire } from 'node:module';

/** What the SDK resolves with for JSON answers (its own deserialisation passes objects through). */
export type SdkJson = unknown;

export interface SdkCampaigns {
  list(opts: Record<string, string | number | string[] | undefined>): Promise<SdkJson>;
  get(campaignId: string, opts?: { fields?: string[] }): Promise<SdkJson>;
  create(body: object): Promise<SdkJson>;
  update(campaignId: string, body: object): Promise<SdkJson>;
  getContent(campaignId: string, opts?: { fields?: string[] }): Promise<SdkJson>;
  setContent(campaignId: string, body: object): Promise<SdkJson>;
  getSendChecklist(campaignId: string): Promise<SdkJson>;
  schedule(campaignId: string, body: object): Promise<null>;
  unschedule(campaignId: string): Promise<null>;
  send(campaignId: string): Promise<null>;
  sendTestEmail(campaignId: string, body: object): Promise<null>;
}

/** The aggregate reports only; the per-person ones are deliberately not declared. */
export interface SdkReports {
  getCampaignReport(campaignId: string, opts?: { fields?: string[] }): Promise<SdkJson>;
  getCampaignClickDetails(campaignId: string, opts?: { fields?: string[]; count?: number; offset?: number }): Promise<SdkJson>;
  getDomainPerformanceForCampaign(campaignId: string, opts?: { fields?: string[] }): Promise<SdkJson>;
}

export interface Sdk {
  /** Read by the SDK on every call; set once here. */
  basePath: string;
  /** Superagent's whole-request deadline, in milliseconds (the SDK's default is two minutes). */
  timeout: number;
  setConfig(config: { apiKey: string; server?: string }): void;
  ping: { get(): Promise<SdkJson> };
  campaigns: SdkCampaigns;
  lists: { getList(listId: string, opts?: { fields?: string[] }): Promise<SdkJson> };
  reports: SdkReports;
  /** The File Manager: uploading pictures and making folders only; nothing here deletes. */
  fileManager: { upload(body: object): Promise<SdkJson>; createFolder(body: object): Promise<SdkJson> };
}

type SdkConstructor = new () => Sdk;

const require = createRequire(import.meta.url);

/**
 * A fresh SDK client for this base path and key. The server is deliberately not passed to
 * setConfig: the SDK would then replace the first "server" anywhere in each URL, ids included;
 * the base path given here already names the data centre.
 */
export function createSdk(options: { apiKey: string; basePath: string; timeoutMs: number }): Sdk {
  const ApiClient = require('@mailchimp/mailchimp_marketing/src/ApiClient.js') as SdkConstructor;
  const sdk = new ApiClient();
  sdk.basePath = options.basePath.replace(/\/+$/, '');
  sdk.timeout = options.timeoutMs;
  sdk.setConfig({ apiKey: options.apiKey });
  return sdk;
}
