// A Mailchimp stand-in on loopback. Every request under /3.0/ is checked against Mailchimp's own
// published Marketing API spec (openapi-backend + ajv-formats): path, method, Basic auth, query
// and body, with unknown body fields refused (spec.ts). A violation gets Mailchimp's problem
// document with status 400. What passes is carried out on an in-memory account (state.ts), and
// the answer is held to the spec's response schema too (answers.ts). Faults can be injected per
// operation, and /__standin/ offers the same controls over HTTP for `npm run mailchimp-standin`.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OpenAPIBackend, type Context } from 'openapi-backend';
import addFormats from 'ajv-formats';
import { checkedAnswer } from './answers.js';
import { standinSpec } from './spec.js';
import { Account, type AccountOptions } from './state.js';
import { fieldsOf, operations, project } from './operations.js';
import { reportControl, reportOperations, Reports } from './reports.js';
import { problem, wrap, type Reply } from './problem.js';
import { Faults, type FaultKind } from './faults.js';
import { FileManager, fileOperations } from './files.js';

export interface StandinOptions {
  port?: number;
  /** The key requests must carry (Basic auth, any user name). */
  apiKey?: string;
  audienceId?: string;
  now?: () => Date;
  canSchedule?: boolean;
  testLimits?: AccountOptions['testLimits'];
  /** Spec validation of requests and answers; switched off only to prove that a test depends on it. */
  validate?: boolean;
  /** Handlers that replace the stand-in's own, by operationId: tests use one to prove an answer off the spec is caught. */
  handlers?: Record<string, (c: Context) => Reply>;
}

export interface RequestRecord {
  method: string;
  path: string;
  operationId: string | undefined;
  status: number | 'dropped' | 'hung';
}

export interface Standin {
  /** The base path for the SDK: http://127.0.0.1:PORT/3.0 */
  baseUrl: string;
  port: number;
  apiKey: string;
  audienceId: string;
  account: Account;
  /** The File Manager: folders, uploads and deletes (files.ts). */
  fileManager: FileManager;
  /** Campaign reports: figures a test sets (reports.ts). */
  reports: Reports;
  faults: Faults;
  /** Every API request received, in order. */
  requests: RequestRecord[];
  /** Most API requests that were in flight at once. */
  readonly maxInFlight: number;
  stop(): Promise<void>;
}

export const DEFAULT_KEY = '0123456789abcdef0123456789abcdef-us1';

export async function startStandin(options: StandinOptions = {}): Promise<Standin> {
  const apiKey = options.apiKey ?? DEFAULT_KEY;
  const audienceId = options.audienceId ?? 'a1b2c3d4e5';
  const account = new Account({
    audience: { id: audienceId, name: 'Child Safeguarding Practice Review Panel newsletter', memberCount: 3 },
    now: options.now ?? (() => new Date()),
    canSchedule: options.canSchedule ?? true,
    testLimits: options.testLimits ?? { perRequest: 6, perCampaign: 24 },
  });
  const reports = new Reports(account);
  const fileManager = new FileManager(options.now ?? (() => new Date()));
  const faults = new Faults();
  const requests: RequestRecord[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  const validate = options.validate ?? true;
  const definition = await standinSpec();
  const api = new OpenAPIBackend({
    definition,
    apiRoot: '/3.0',
    // quick: validators are compiled when an operation is first used (the spec has 166 paths),
    // and the spec document itself is not linted (it has harmless schema warnings).
    quick: true,
    validate,
    customizeAjv: (ajv) => {
      addFormats.default(ajv);
      return ajv;
    },
    securityHandlers: { basicAuth: (c) => basicKey(c.request.headers.authorization) === apiKey },
    handlers: {
      ...operations(account),
      ...fileOperations(fileManager),
      ...reportOperations(reports, (value, c) => project(value, fieldsOf(c))),
      ...options.handlers,
      validationFail: (c: Context): Reply =>
        problem(
          400,
          'Invalid Resource',
          "The resource submitted could not be validated. For field-specific details, see the 'errors' array.",
          (c.validation.errors ?? []).map(violation),
        ),
      unauthorizedHandler: (c: Context): Reply =>
        c.request.headers.authorization
          ? problem(401, 'API Key Invalid', "Your API key may be invalid, or you've attempted to access the wrong datacenter.")
          : problem(401, 'API Key Missing', 'Your request did not include an API key.'),
      notFound: (): Reply => problem(404, 'Resource Not Found', 'The requested resource could not be found.'),
      methodNotAllowed: (): Reply => problem(405, 'Method Not Allowed', 'The requested method and resource are not compatible.'),
      notImplemented: (c: Context): Reply =>
        problem(501, 'Not Implemented', `The stand-in does not implement ${c.operation.operationId ?? 'this operation'}.`),
    },
  });
  await api.init();

  const server: Server = createServer((req, res) => {
    void handle(req, res).catch((e: unknown) =>
      send(res, problem(500, 'Internal Server Error', e instanceof Error ? e.message : String(e))),
    );
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    if (url.pathname.startsWith('/__standin/')) return send(res, control(url.pathname, req.method ?? 'GET', raw));
    const method = (req.method ?? 'GET').toLowerCase();
    const operationId = api.router.matchOperation({ method, path: url.pathname, headers: {} })?.operationId;
    const record: RequestRecord = { method: method.toUpperCase(), path: url.pathname + url.search, operationId, status: 'hung' };
    requests.push(record);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => inFlight--);
    await faults.gate();
    const fault = faults.take(operationId);
    if (fault === 'hang') return; // the answer never comes; stop() closes the socket
    if (fault === '429-empty' || fault === '403-empty') {
      record.status = fault === '429-empty' ? 429 : 403;
      res.writeHead(record.status, { 'content-length': '0' }).end();
      return;
    }
    if (fault === '500' || fault === '503') {
      record.status = Number(fault);
      return send(res, problem(record.status, fault === '500' ? 'Internal Server Error' : 'Service Unavailable', 'An injected fault.'));
    }
    let body: unknown = undefined;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        record.status = 400;
        return send(res, problem(400, 'JSON Parse Error', 'The request body is not valid JSON.'));
      }
    }
    const query = Object.fromEntries(url.searchParams);
    const answer = (await api.handleRequest({
      method,
      path: url.pathname,
      query,
      headers: req.headers as Record<string, string>,
      body,
    })) as Reply;
    const reply = validate ? checkedAnswer(api, operationId, answer) : answer;
    if (reply !== answer) console.error(`mailchimp stand-in: ${JSON.stringify(reply.body)}`);
    if (fault === 'drop-after-apply') {
      record.status = 'dropped';
      res.socket?.destroy();
      return;
    }
    record.status = reply.status;
    send(res, reply);
  }

  function control(path: string, method: string, raw: string): Reply {
    const body = (raw ? JSON.parse(raw) : {}) as {
      kind?: FaultKind;
      operation?: string;
      times?: number;
      to?: 'sending' | 'sent';
      canSchedule?: boolean;
    };
    if (path === '/__standin/faults' && method === 'POST' && body.kind) {
      faults.inject(body.kind, { operation: body.operation, times: body.times });
      return { status: 204 };
    }
    if (path === '/__standin/account' && method === 'POST' && typeof body.canSchedule === 'boolean') {
      account.options.canSchedule = body.canSchedule;
      return { status: 204 };
    }
    const advance = /^\/__standin\/campaigns\/([^/]+)\/advance$/.exec(path);
    if (advance?.[1] && method === 'POST' && body.to) return wrap(() => ({ status: 200, body: account.advance(advance[1]!, body.to!) }));
    const report = reportControl(reports, path, method, body);
    if (report) return report;
    if (path === '/__standin/state' && method === 'GET')
      return { status: 200, body: { campaigns: [...account.campaigns.values()], requests } };
    return problem(404, 'Resource Not Found', `No stand-in control at ${method} ${path}.`);
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}/3.0`,
    port,
    apiKey,
    audienceId,
    account,
    fileManager,
    reports,
    faults,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    stop: async () => {
      faults.releaseAll();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, reply: Reply): void {
  if (reply.body === undefined) {
    res.writeHead(reply.status).end();
    return;
  }
  const type = reply.status >= 400 ? 'application/problem+json' : 'application/json';
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { 'content-type': `${type}; charset=utf-8`, 'content-length': Buffer.byteLength(text) }).end(text);
}

/** One ajv error as Mailchimp names a field: "settings.from_name", "query.count". */
function violation(e: { instancePath: string; params: Record<string, unknown>; message?: string; keyword: string }): {
  field: string;
  message: string;
} {
  const named = [e.params.missingProperty, e.params.additionalProperty].filter((p): p is string => typeof p === 'string');
  const parts = [...e.instancePath.split('/').filter(Boolean), ...named];
  if (parts[0] === 'requestBody') parts.shift();
  const message = e.keyword === 'additionalProperties' ? 'is not a field of this request in the published spec' : (e.message ?? e.keyword);
  return { field: parts.join('.') || '(body)', message };
}

function basicKey(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = /^Basic\s+(.+)$/i.exec(value ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
