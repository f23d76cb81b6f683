// The editor's speed, in real Chromium over loopback (called from `npm run bench`): the time from
// a keystroke in a field of the editor to the changed email shown in its preview frame
// (validation, render and checks of the unsaved edit, then the frame loading the draft).
import { launchBrowser, offlineContext } from '../tests/helpers/browser.js';
import { benchStudio, ROOT } from './bench-support.js';

const EDITS = Number(process.env.BENCH_EDITS ?? 15);
const FIELD = 'f.sections.4.title';

/** Keystroke → updated email, one time per edit, in a studio over `from` (April made a draft there). */
export async function keystrokeTimes(from = ROOT, edits = EDITS): Promise<number[]> {
  // April as a draft: a sent issue's editor is closed (it shows what went, not a form).
  const studio = await benchStudio({ drafts: ['2022-04'], from });
  const { server } = studio;
  const browser = await launchBrowser();
  try {
    const page = await (await offlineContext(browser)).newPage();
    await page.goto(`${server.url}/issues/2022-04/edit/`);
    await page.waitForSelector('body[data-validated]');
    const field = page.locator(`[id="${FIELD}"]`);
    const times: number[] = [];
    for (let i = 0; i <= edits; i++) {
      const marker = `Bench ${i} heading`;
      await field.fill(marker.slice(0, -1));
      await page.waitForFunction(
        (m) =>
          (document.querySelector('iframe.email') as HTMLIFrameElement | null)?.contentDocument?.body?.textContent?.includes(m) ?? false,
        marker.slice(0, -1),
        { polling: 'raf', timeout: 10_000 },
      );
      // One keystroke: the last character of the heading.
      const seen = page.waitForFunction(
        (m) =>
          [...((document.querySelector('iframe.email') as HTMLIFrameElement | null)?.contentDocument?.querySelectorAll('h2') ?? [])].some(
            (h) => h.textContent === m,
          ),
        marker,
        { polling: 'raf', timeout: 10_000 },
      );
      const start = performance.now();
      await page.keyboard.press(marker.at(-1)!);
      await seen;
      if (i > 0) times.push(performance.now() - start); // the first warms the render path
    }
    return times;
  } finally {
    await browser.close();
    await studio.close();
  }
}
