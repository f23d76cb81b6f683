// The preview's speed, in real Chromium and over loopback (called from `npm run bench`):
//   reload — median time from writing a content file to the new text visible in the open page;
//   throughput — requests per second for a studio issue page under a bounded load, with 0 errors.
// April is made a draft in the copy: a sent issue shows its sent record, which no edit changes.
// Prints figures and ratios against the targets; timing never fails a build.
import { readFile, writeFile } from 'node:fs/promises';
import { Agent, request } from 'node:http';
import path from 'node:path';
import { launchBrowser, offlineContext } from '../tests/helpers/browser.js';
import { benchStudio, median, ROOT } from './bench-support.js';

const EDITS = Number(process.env.BENCH_EDITS ?? 15);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = 20;
const RELOAD_TARGET_MS = 100;
const ISSUE = '2022-04';
const FILE = `content/issues/${ISSUE}/issue.yaml`;
const ANCHOR = 'As we move into the new financial year';

/** Write → new text in Chromium, one time per edit, in a studio over `from`. */
export async function reloadTimes(from = ROOT, edits = EDITS): Promise<number[]> {
  const studio = await benchStudio({ from, drafts: [ISSUE] });
  try {
    return await reloadLatency(studio.server.url, studio.root, edits);
  } finally {
    await studio.close();
  }
}

async function reloadLatency(url: string, root: string, edits = EDITS): Promise<number[]> {
  const browser = await launchBrowser();
  try {
    const page = await (await offlineContext(browser)).newPage();
    await page.goto(`${url}/issues/${ISSUE}/`);
    await page.waitForSelector('iframe.email');
    const original = await readFile(path.join(root, FILE), 'utf8');
    const times: number[] = [];
    for (let i = 0; i <= edits; i++) {
      const marker = `Bench edit ${i} ${Date.now()}`;
      // Polled in the page every frame: the text is visible when the frame's document has it.
      const seen = page.waitForFunction(
        (m) => (document.querySelector('iframe.email') as HTMLIFrameElement | null)?.contentDocument?.body?.innerText.includes(m) ?? false,
        marker,
        { polling: 'raf', timeout: 10_000 },
      );
      const start = performance.now();
      await writeFile(path.join(root, FILE), original.replace(ANCHOR, marker));
      await seen;
      if (i > 0) times.push(performance.now() - start); // the first edit warms the render path
    }
    return times;
  } finally {
    await browser.close();
  }
}

async function throughput(url: string): Promise<{ perSecond: number; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const target = new URL(`${url}/issues/${ISSUE}/`);
  let next = 0;
  let errors = 0;
  const one = () =>
    new Promise<void>((resolve) => {
      const req = request({ host: target.hostname, port: target.port, path: target.pathname, agent }, (res) => {
        if (res.statusCode !== 200) errors++;
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  const worker = async () => {
    while (next++ < REQUESTS) await one();
  };
  await one(); // render and check once before timing
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return { perSecond: REQUESTS / seconds, errors };
}

export async function previewBench(): Promise<void> {
  const studio = await benchStudio({ drafts: [ISSUE] });
  const { root, server } = studio;
  try {
    const times = await reloadLatency(server.url, root);
    const m = median(times);
    console.log(
      `preview reload (write → new text in Chromium)  median ${m.toFixed(0)} ms over ${times.length} edits (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})  target ≤ ${RELOAD_TARGET_MS} ms  ratio ${(m / RELOAD_TARGET_MS).toFixed(2)}  ${m <= RELOAD_TARGET_MS ? 'met' : 'NOT MET'}`,
    );
    const load = await throughput(server.url);
    console.log(
      `preview throughput (studio issue page)          ${load.perSecond.toFixed(0)} requests/s  ${REQUESTS} requests, concurrency ${CONCURRENCY}, ${load.errors} errors  ${load.errors === 0 ? 'met' : 'NOT MET'}`,
    );
    if (load.errors > 0) process.exitCode = 1;
  } finally {
    await studio.close();
  }
}
