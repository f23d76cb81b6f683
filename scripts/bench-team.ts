// The team studio's sign-in checks (called from `npm run bench`): the median extra time they add
// to a studio page request — the same page, over keep-alive loopback, from the one-person studio
// and from the team studio with a signed-in session (cookie → keyed hash → session row → team
// row → role), in alternating blocks so both see the same warm machine.
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { projectPaths } from '../src/pipeline.js';
import { startPreview } from '../src/server/server.js';
import { openStore } from '../src/state/store.js';
import { teamConfig } from '../src/team/config.js';
import { putMember } from '../src/team/members.js';
import { SessionKeeper } from '../src/team/sessions.js';
import { median, ROOT } from './bench-support.js';

const RUNS = Number(process.env.BENCH_TEAM_RUNS ?? 600);
const TARGET_MS = 2;
const PAGE = '/issues/2022-04/email';

async function studio(team: boolean) {
  const root = await mkdtemp(path.join(tmpdir(), 'newsletter-bench-team-'));
  for (const dir of ['content', 'templates']) await cp(path.join(ROOT, dir), path.join(root, dir), { recursive: true });
  const store = openStore(path.join(root, 'state.db'));
  const env = { STUDIO_SESSION_KEY: 'bench-session-key-0123456789-abcdefghijklmnop', SIGN_IN_EMAIL: 'on', SMTP_URL: 'smtp://127.0.0.1:1' };
  let cookie = '';
  const server = await startPreview({
    paths: projectPaths(root),
    store,
    secret: 'bench-secret-0123456789abcdefghij',
    mode: 'studio',
    port: 0,
    ...(team
      ? {
          team: {
            config: (listening: string) => {
              const config = teamConfig({ STUDIO_URL: listening, ...env });
              putMember(store, { email: 'bench@example.gov.uk', name: 'Bench', role: 'approver' }, { hostUser: 'bench' });
              cookie = new SessionKeeper(config, store)
                .start({ email: 'bench@example.gov.uk', name: 'Bench', issuer: listening, subject: 'bench' }, new Date())
                .setCookie.split(';')[0]!;
              return config;
            },
          },
        }
      : {}),
  });
  return {
    url: server.url,
    cookie,
    close: async () => {
      await server.close();
      store.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: 1 });
function get(base: string, cookie: string): Promise<void> {
  const url = new URL(PAGE, base);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, agent, headers: cookie ? { cookie } : {} }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`${PAGE} answered ${res.statusCode}`));
      res.resume();
      res.on('end', resolve);
    });
    req.on('error', reject);
    req.end();
  });
}

const solo = await studio(false);
const team = await studio(true);
try {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < 30; i++) await Promise.all([get(solo.url, ''), get(team.url, team.cookie)]);
  for (let done = 0; done < RUNS; done += 20) {
    for (const [s, out] of [
      [solo, times[0]],
      [team, times[1]],
    ] as const) {
      for (let i = 0; i < 20; i++) {
        const start = performance.now();
        await get(s.url, s.cookie);
        out.push(performance.now() - start);
      }
    }
  }
  const extra = median(times[1]) - median(times[0]);
  console.log(`\nTeam studio: ${PAGE}, ${RUNS} requests each, keep-alive loopback, medians`);
  console.log(`${'one-person studio'.padEnd(76)} ${`${median(times[0]).toFixed(2)} ms`.padStart(10)}`);
  console.log(`${'team studio, signed in'.padEnd(76)} ${`${median(times[1]).toFixed(2)} ms`.padStart(10)}`);
  console.log(
    `${'extra time the sign-in checks add to a studio page request'.padEnd(76)} ${`${extra.toFixed(2)} ms`.padStart(10)}  target ≤ ${TARGET_MS} ms  ${extra <= TARGET_MS ? 'met' : 'NOT MET'}`,
  );
} finally {
  agent.destroy();
  await solo.close();
  await team.close();
}
