// `share` prints an address that opens: PUBLIC_URL, else the server running now (which records
// its address in the state folder while it runs), never a port guessed while a server runs elsewhere.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/cli/commands/serve.js';
import { main } from '../../src/cli/main.js';
import { announceServer, runningServers, secretId } from '../../src/http/running.js';
import { onThisComputerOnly, shareAddress } from '../../src/share/address.js';
import { type TempProject, tempProject } from '../helpers/project.js';
import { addDraft, rawGet, rawRequest, runPreview, SECRET, studioSession } from '../helpers/preview-server.js';

let project: TempProject;
let stateDir: string;
let env: Record<string, string>;

beforeAll(async () => {
  project = await tempProject();
  await addDraft(project);
  stateDir = await mkdtemp(path.join(tmpdir(), 'newsletter-state-'));
  env = { NEWSLETTER_DB: path.join(stateDir, 'state.db'), PREVIEW_SECRET: SECRET };
});
afterAll(async () => {
  await project?.remove();
  await rm(stateDir, { recursive: true, force: true });
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t), tty: false } };
}

/** `newsletter share` as a person runs it: no PUBLIC_URL, no PORT. */
async function share(id: string): Promise<{ code: number; out: string; err: string }> {
  const c = capture();
  const saved = { ...process.env };
  Object.assign(process.env, env);
  delete process.env.PUBLIC_URL;
  delete process.env.PORT;
  try {
    return { code: await main(['share', id], c.io, project.root), out: c.out.join('\n'), err: c.err.join('\n') };
  } finally {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  }
}

describe('newsletter share, with `newsletter serve` running on a port of its own', () => {
  it('prints the address of the running server, which opens the draft; the record goes when it stops', async () => {
    const served = capture();
    let stop!: () => void;
    const until = new Promise<void>((r) => (stop = r));
    const serving = serveCommand(project.paths, { port: '0', public: true, until }, served.io, env);
    await expect.poll(() => served.out.join('\n'), { timeout: 10_000 }).toMatch(/Public archive: http:\/\/127\.0\.0\.1:\d+\//);
    const server = /Public archive: (http:\/\/127\.0\.0\.1:\d+)\//.exec(served.out.join('\n'))![1]!;
    try {
      const made = await share('2099-01');
      expect(made.code, made.err).toBe(0);
      const url = /http:\/\/127\.0\.0\.1:\d+\/share\/\S+\//.exec(made.out)![0];
      expect(url.startsWith(`${server}/share/`)).toBe(true);
      expect(made.out).toContain(`while the server at ${server} runs`);
      const page = await rawGet(server, new URL(url).pathname);
      expect(page.status).toBe(200);
      expect(page.body).toContain('Draft newsletter: January 2099');
    } finally {
      stop();
      expect(await serving).toBe(0);
    }
    expect(await readdir(path.join(project.root, '.newsletter/servers'))).toEqual([]);
    const after = await share('2099-01');
    expect(after.out).toContain('No preview server is running');
    expect(after.out).toContain('http://127.0.0.1:4000/share/');
  });
});

describe('shareAddress', () => {
  const db = '/tmp/state.db';
  const server = (over: object = {}) => ({
    url: 'http://127.0.0.1:4123',
    mode: 'public' as const,
    pid: 1,
    db,
    secretId: secretId(SECRET),
    ...over,
  });

  it('PUBLIC_URL wins; otherwise a server that would accept the link, the public one first', () => {
    expect(shareAddress({ PUBLIC_URL: 'https://news.example.org/' }, [server()], { db, secret: SECRET })).toEqual({
      base: 'https://news.example.org',
    });
    const two = [server({ url: 'http://127.0.0.1:4001', mode: 'studio' }), server({ url: 'http://127.0.0.1:4002' })];
    expect(shareAddress({}, two, { db, secret: SECRET }).base).toBe('http://127.0.0.1:4002');
  });

  it('says so when the running server would refuse the link (another secret or store)', () => {
    for (const other of [server({ secretId: secretId('another-secret-entirely-0123456789') }), server({ db: '/elsewhere/state.db' })]) {
      const got = shareAddress({}, [other], { db, secret: SECRET });
      expect(got.base).toBe('http://127.0.0.1:4000');
      expect(got.note).toContain('http://127.0.0.1:4123 uses another PREVIEW_SECRET or NEWSLETTER_DB');
    }
  });

  it('records of servers whose process is gone are ignored and removed; the record never holds the secret', async () => {
    const remove = announceServer(project.root, server());
    const file = path.join(project.root, '.newsletter/servers/4123.json');
    expect(await readdir(path.dirname(file))).toEqual(['4123.json']);
    expect(await readFile(file, 'utf8')).not.toContain(SECRET);
    expect(runningServers(project.root, () => true)).toHaveLength(1);
    expect(runningServers(project.root, () => false)).toEqual([]);
    expect(await readdir(path.dirname(file))).toEqual([]);
    remove();
    await writeFile(file, '{"url":"http://attacker.example"}');
    expect(runningServers(project.root, () => true)).toEqual([]);
  });
});

describe("the studio's share link", () => {
  /** A share link made with the studio's form, and the result the page then shows. */
  async function studioShare(publicUrl?: string): Promise<{ base: string; link: string; page: string }> {
    const run = await runPreview('studio', (p) => addDraft(p), publicUrl ? { publicUrl } : {});
    try {
      const { cookie, token } = await studioSession(run.url, '2099-01');
      const headers = { origin: run.url, cookie, 'content-type': 'application/x-www-form-urlencoded' };
      const posted = await rawRequest(run.url, 'POST', '/issues/2099-01/share', headers, `csrf=${token}&expires=7d`);
      const page = (await rawRequest(run.url, 'GET', String(posted.headers.location).split('#')[0]!, { cookie })).body;
      return { base: run.url, link: /id="share-url" type="text" readonly value="([^"]+)"/.exec(page)![1]!, page };
    } finally {
      await run.stop();
    }
  }

  it('says, as the CLI does, that a link to the studio itself opens on this computer only', async () => {
    const { base, link, page } = await studioShare();
    expect(link.startsWith(`${base}/share/`)).toBe(true);
    expect(page).toContain(`<p class="warning" id="share-note">${onThisComputerOnly(base)}</p>`);
    expect(page).toContain('aria-describedby="share-note"');
  });

  it('offers the PUBLIC_URL address when it is set, with nothing to warn of', async () => {
    const { link, page } = await studioShare('https://news.example.org');
    expect(link).toMatch(/^https:\/\/news\.example\.org\/share\/[^/]+\/$/);
    expect(page).not.toContain('share-note');
  });
});
