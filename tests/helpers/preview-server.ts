// A preview server on 127.0.0.1 with an ephemeral port, over a temporary project and its own
// state database, for one test file.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type PreviewOptions, type PreviewServer, startPreview } from '../../src/server/server.js';
import { openStore, type Store } from '../../src/state/store.js';
import { type TempProject, tempProject } from './project.js';

export const SECRET = 'test-preview-secret-0123456789abcdef';

export interface Running {
  project: TempProject;
  server: PreviewServer;
  store: Store;
  dbFile: string;
  url: string;
  /** The clock the server uses; tests move it. */
  clock: { now: Date };
  errors: unknown[];
  stop(): Promise<void>;
}

export async function runPreview(
  mode: 'studio' | 'public' = 'studio',
  prepare?: (p: TempProject) => Promise<void>,
  extra: Partial<PreviewOptions> = {},
): Promise<Running> {
  const project = await tempProject();
  await prepare?.(project);
  const stateDir = await mkdtemp(path.join(tmpdir(), 'newsletter-state-'));
  const dbFile = path.join(stateDir, 'state.db');
  const clock = { now: new Date('2024-05-01T09:00:00Z') };
  const store = openStore(dbFile, () => clock.now);
  const errors: unknown[] = [];
  const server = await startPreview({
    paths: project.paths,
    store,
    secret: SECRET,
    mode,
    port: 0,
    now: () => clock.now,
    onError: (e) => errors.push(e),
    ...extra,
  });
  return {
    project,
    server,
    store,
    dbFile,
    url: server.url,
    clock,
    errors,
    async stop() {
      await server.close();
      store.close();
      await project.remove();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}

/** A draft issue beside April 2022: its copy, marked draft, sent later, with its own subject. */
export async function addDraft(project: TempProject, id = '2099-01', subject = 'Draft newsletter: January 2099'): Promise<void> {
  const april = await project.read('content/issues/2022-04/issue.yaml');
  const draft = april
    .replace(/^subject: .*$/m, `subject: "${subject}"`)
    .replace(/^sendAt: .*$/m, 'sendAt: "2099-01-12 09:00"')
    .replace(/^status: sent$/m, 'status: draft');
  await mkdir(path.join(project.root, 'content/issues', id), { recursive: true });
  await writeFile(path.join(project.root, 'content/issues', id, 'issue.yaml'), draft);
}

/** A raw GET, path sent exactly as given (browsers and fetch would normalise it). */
export function rawGet(
  base: string,
  rawPath: string,
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: rawPath, method: 'GET', headers: { host: url.host } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

export interface RawReply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request with exactly the headers given (no Origin, no cookies unless given). */
export function rawRequest(
  base: string,
  method: string,
  rawPath: string,
  headers: Record<string, string> = {},
  body = '',
): Promise<RawReply> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: rawPath,
        method,
        headers: { host: url.host, 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A session of the studio as a browser gets it: its cookie and the form token of its issue page. */
export async function studioSession(base: string, issue: string): Promise<{ cookie: string; token: string }> {
  const page = await rawRequest(base, 'GET', `/issues/${issue}/`);
  const set = [page.headers['set-cookie'] ?? []].flat()[0];
  const token = /name="csrf" value="([^"]+)"/.exec(page.body)?.[1];
  if (!set || !token) throw new Error(`no studio session on /issues/${issue}/ (status ${page.status})`);
  return { cookie: set.split(';')[0]!, token };
}

/**
 * The editor of issue `id` as its page gives it over HTTP: the hash of the file it shows, and the
 * headers the page's own requests carry (its origin and studio token).
 */
export async function editorOverHttp(url: string, id: string): Promise<{ hash: string; headers: Record<string, string> }> {
  const page = await rawGet(url, `/issues/${id}/edit/`);
  const hash = /data-hash="([0-9a-f]{64})"/.exec(page.body)?.[1];
  const token = /<meta name="studio-token" content="([^"]+)">/.exec(page.body)?.[1];
  if (!hash || !token) throw new Error(`no editor on /issues/${id}/edit/ (status ${page.status})`);
  return { hash, headers: { origin: url, 'x-studio-token': token, 'content-type': 'application/json' } };
}

/** A copy of April 2022 as a draft that passes every check (same dates), with its own subject. */
export async function addCleanDraft(project: TempProject, id = '2022-05', subject = 'Draft newsletter: May 2022'): Promise<void> {
  await addDraft(project, id, subject);
  await project.edit(`content/issues/${id}/issue.yaml`, /^sendAt: .*$/m, 'sendAt: "2022-04-05 09:00"');
}
