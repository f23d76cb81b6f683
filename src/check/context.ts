// What every check is given: the validated content, the issue, its render (parsed once), the issue
// before it, and — only when asked for — the edge functions a check may call (network, SpamAssassin).
import type { Content, Issue } from '../content/schema.js';
import type { SourceFile } from '../content/yaml.js';
import type { RenderedIssue } from '../render/index.js';
import { previousIssue } from '../render/model.js';
import { type EmailDom, parseEmail } from './email-dom.js';
import type { AcknowledgedFinding, Finding, SpamAssassinScore } from './finding.js';

export interface CheckInput {
  content: Content;
  issue: Issue;
  rendered: RenderedIssue;
  /** The email HTML already parsed, when the caller has it; parsed here otherwise. */
  email?: EmailDom;
  /** The issue file as read, when the caller has it: findings that know their field get its file:line:column. */
  source?: SourceFile;
}

/** Answers one request of the online link check; the CLI passes the global fetch. */
export type LinkFetcher = (
  url: string,
  init: { method: 'HEAD' | 'GET'; redirect: 'manual'; signal: AbortSignal },
) => Promise<{ status: number; headers: { get(name: string): string | null }; body?: { cancel(): Promise<void> } | null }>;

export interface SpamAssassinResult {
  score: number;
  required: number;
  rules: string[];
  /** spamd (through spamc) when one was running, else `spamassassin -L`. */
  scoredBy?: 'spamassassin' | 'spamd';
}
/** Scores a whole RFC 5322 message offline; present only when `spamassassin` is installed. */
export type SpamAssassin = (message: string) => Promise<SpamAssassinResult>;

export interface CheckOptions {
  /** Request every link (`check --online`); off by default. */
  fetch?: LinkFetcher;
  spamAssassin?: SpamAssassin;
  /** Bytes of each local image (src relative to the issue folder); null when the file is missing. */
  localImages?: Record<string, number | null>;
  /** Time allowed for the whole online link check, and for one request. */
  online?: { concurrency: number; requestMs: number; totalMs: number };
  /** The clock, passed in so checks stay pure: a draft whose send time has passed is an error. Without it, no check judges the time. */
  now?: Date;
  /** When the issue will actually go, when the caller moves it (`publish --at`); its sendAt otherwise. */
  sendAt?: Date;
  /** The issue has a sent record (content/issues/<id>/sent/): its send time is history. checkRendered looks when not told. */
  sent?: boolean;
}

export interface CheckContext extends CheckInput {
  /** The issue sent before this one, for windows that must join up. */
  previous: Issue | undefined;
  email: EmailDom;
  options: CheckOptions;
  /** What checks measured besides findings; the report carries it. */
  measured: { spamAssassin?: SpamAssassinScore; acknowledged?: AcknowledgedFinding[] };
}

export function checkContext(input: CheckInput, options: CheckOptions = {}): CheckContext {
  return {
    ...input,
    previous: previousIssue(input.content, input.issue),
    email: input.email ?? parseEmail(input.rendered.html),
    options,
    measured: {},
  };
}

export interface Check {
  /** The first part of every code this check reports, e.g. "size". */
  name: string;
  description: string;
  /** The WCAG 2.2 success criteria it checks, for the archive's accessibility statement. */
  wcag?: readonly string[];
  /** It waits on another process or the network: started first, so the other checks run meanwhile. */
  waits?: boolean;
  run(ctx: CheckContext): Finding[] | Promise<Finding[]>;
}

export { sectionRef, templateFor } from './section-ref.js';
