// Mailchimp's failures as errors a person and the publish flow can act on. The SDK rejects with
// superagent errors: an HTTP status with Mailchimp's problem document (type, title, status,
// detail, instance, errors), or a bare network code. They are turned into MailchimpError here,
// and the superagent error is never kept as `cause`: its request carries the Authorization header.
import { NewsletterError, type ErrorCode } from '../errors.js';

export type MailchimpFailure =
  | 'unauthorized' // 401: the key is wrong or revoked
  | 'forbidden' // 403 with Mailchimp's reason (not a throttle)
  | 'cannot-schedule' // 403 on schedule: the plan does not allow it (Free plan)
  | 'throttled' // 429, or a bare 403 with no body (Mailchimp's throttle seen through its edge)
  | 'not-found' // 404
  | 'invalid' // other 4xx: the request was refused and nothing changed
  | 'server-error' // 5xx
  | 'connection-refused' // ECONNREFUSED and friends: the request never reached Mailchimp
  | 'connection-dropped' // ECONNRESET, socket hang up: the request may have been carried out
  | 'timeout' // no answer within the deadline: the request may have been carried out
  | 'unexpected-answer'; // the answer does not match what the tool reads

export interface FieldProblem {
  field: string;
  message: string;
}

const CODE: Record<MailchimpFailure, ErrorCode> = {
  unauthorized: 'mailchimp-auth',
  forbidden: 'mailchimp-rejected',
  'cannot-schedule': 'mailchimp-cannot-schedule',
  throttled: 'mailchimp-unavailable',
  'not-found': 'mailchimp-rejected',
  invalid: 'mailchimp-rejected',
  'server-error': 'mailchimp-unavailable',
  'connection-refused': 'mailchimp-unavailable',
  'connection-dropped': 'mailchimp-unavailable',
  timeout: 'mailchimp-unavailable',
  'unexpected-answer': 'mailchimp-unexpected-answer',
};

/** Worth trying again (for a request that is safe to repeat). */
const TRANSIENT = new Set<MailchimpFailure>(['throttled', 'server-error', 'connection-refused', 'connection-dropped', 'timeout']);
/** Mailchimp may have carried the request out even though no answer said so. */
const UNCERTAIN = new Set<MailchimpFailure>(['server-error', 'connection-dropped', 'timeout']);

export class MailchimpError extends NewsletterError {
  /** Whether the failure may pass if the same request is made again. */
  readonly transient: boolean;
  /** Whether Mailchimp may have done what was asked: read the campaign back before repeating it. */
  readonly uncertain: boolean;

  constructor(
    readonly failure: MailchimpFailure,
    /** What the tool was doing, in words: "schedule campaign 3c1a2b4d5e". */
    readonly operation: string,
    readonly title: string,
    readonly detail: string,
    readonly status?: number,
    readonly fieldProblems: FieldProblem[] = [],
  ) {
    const fields = fieldProblems.map((p) => `\n  ${p.field}: ${p.message}`).join('');
    super(CODE[failure], `Mailchimp: could not ${operation}: ${title}${detail ? ` — ${detail}` : ''}${fields}`);
    this.name = 'MailchimpError';
    this.transient = TRANSIENT.has(failure);
    this.uncertain = UNCERTAIN.has(failure);
  }
}

/** True when an error leaves open whether Mailchimp carried out the request (read back before retrying). */
export function isOutcomeUncertain(error: unknown): boolean {
  return error instanceof MailchimpError && error.uncertain;
}

/** The parts of a superagent 3 error the SDK rejects with. */
interface SuperagentError {
  status?: number;
  code?: string;
  timeout?: number;
  message?: string;
  response?: { body?: unknown; text?: string };
}

const REFUSED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const DROPPED = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);

/** Turn whatever the SDK rejected with into a MailchimpError; `secret` is scrubbed from every text. */
export function mailchimpErrorFrom(raw: unknown, operation: string, secret: string): MailchimpError {
  if (raw instanceof MailchimpError) return raw;
  const e = (typeof raw === 'object' && raw !== null ? raw : { message: String(raw) }) as SuperagentError;
  const clean = (s: string) => scrub(s, secret);
  if (typeof e.status === 'number') {
    const problem = problemOf(e.response);
    const title = clean(problem.title ?? statusText(e.status));
    const detail = clean(problem.detail ?? '');
    const fields = problem.errors.map((p) => ({ field: clean(p.field), message: clean(p.message) }));
    return new MailchimpError(failureOfStatus(e.status, problem.empty, operation), operation, title, detail, e.status, fields);
  }
  // Superagent marks its own deadline with `timeout`; its code is then ECONNABORTED too.
  if (typeof e.timeout === 'number')
    return new MailchimpError('timeout', operation, 'No answer in time', `no answer within ${e.timeout} ms`);
  const code = e.code ?? '';
  if (REFUSED.has(code)) return new MailchimpError('connection-refused', operation, 'Cannot connect', `${code}: ${clean(e.message ?? '')}`);
  if (DROPPED.has(code) || /socket hang up|aborted/i.test(e.message ?? ''))
    return new MailchimpError(
      'connection-dropped',
      operation,
      'Connection dropped',
      `${code || 'the connection closed'} before the answer came`,
    );
  return new MailchimpError('connection-dropped', operation, 'Request failed', clean(e.message ?? code ?? 'unknown failure'));
}

function failureOfStatus(status: number, emptyBody: boolean, operation: string): MailchimpFailure {
  if (status === 429) return 'throttled';
  if (status === 403 && emptyBody) return 'throttled';
  if (status === 403 && operation.startsWith('schedule')) return 'cannot-schedule';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status >= 500) return 'server-error';
  return 'invalid';
}

interface Problem {
  title?: string;
  detail?: string;
  errors: FieldProblem[];
  empty: boolean;
}

function problemOf(response: SuperagentError['response']): Problem {
  let body: unknown = response?.body;
  const text = response?.text ?? '';
  if ((body === undefined || body === null || (typeof body === 'object' && Object.keys(body).length === 0)) && text.trim()) {
    try {
      body = JSON.parse(text);
    } catch {
      return { title: undefined, detail: text.trim().slice(0, 200), errors: [], empty: false };
    }
  }
  if (typeof body !== 'object' || body === null || Object.keys(body).length === 0) return { errors: [], empty: true };
  const b = body as { title?: unknown; detail?: unknown; errors?: unknown };
  const errors = Array.isArray(b.errors)
    ? b.errors.map((x: { field?: unknown; message?: unknown }) => ({ field: String(x?.field ?? ''), message: String(x?.message ?? '') }))
    : [];
  return {
    title: typeof b.title === 'string' ? b.title : undefined,
    detail: typeof b.detail === 'string' ? b.detail : undefined,
    errors,
    empty: false,
  };
}

function statusText(status: number): string {
  const names: Record<number, string> = {
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return names[status] ?? `HTTP ${status}`;
}

/** Remove the key, and the Basic credentials made from it, from a text Mailchimp or the network produced. */
export function scrub(text: string, secret: string): string {
  if (!secret) return text;
  const basic = Buffer.from(`user:${secret}`).toString('base64');
  return text.split(secret).join('[API key]').split(basic).join('[API key]');
}
