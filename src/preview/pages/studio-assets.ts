// The studio's own style and its one script. The script keeps the page live (server-sent
// events, then fetch this page again and swap what changed), sizes the email frame to its
// content, and scrolls to a section when a finding's heading is chosen.
import { BASE_CSS } from './shell.js';

export const STUDIO_CSS = `${BASE_CSS}
.top{background:#0b0c0c;color:#fff}.top .wrap{display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap;padding:.75rem 1.25rem}
.top a{color:#fff}.top strong{font-size:1.1rem}
.issue-head h1{margin:.25rem 0}.issue-head p{margin:.25rem 0 .75rem}
.toolbar{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:0 0 1rem;padding:.5rem 0;border-bottom:1px solid #b1b4b6}
.toolbar ul{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem;margin:0;padding:0}
.toolbar h2{font-size:.875rem;margin:0 .5rem 0 0;align-self:center}.toolbar .group{display:flex}
.toolbar a{display:inline-block;padding:.25rem .6rem;border:1px solid #1d70b8;border-radius:3px;text-decoration:none}
.toolbar a[aria-current="page"]{background:#1d70b8;color:#fff}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:1.5rem;align-items:start}
@media (max-width:60rem){.layout{grid-template-columns:1fr}}
.frame{background:#f3f2f1;padding:1rem;border:1px solid #b1b4b6;overflow:auto}.frame.dark{background:#1b1b1b}
.frame iframe{display:block;margin:0 auto;border:0;background:#fff;width:100%;height:70vh}
.frame.mobile iframe{width:375px;box-shadow:0 0 0 8px #0b0c0c;border-radius:4px}
.frame.dark iframe{background:#121212}
pre.plain,pre.source{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;border:1px solid #b1b4b6;padding:1rem;margin:0;max-width:100%;font-size:.875rem}
pre.plain{max-width:40rem}
.report h2{font-size:1.25rem;margin-top:0}.report h3{font-size:1rem;margin:1rem 0 .25rem}
.report ul{padding-left:1.1rem;margin:0}.finding{margin-bottom:.5rem}.finding .fix{display:block}
.finding.error strong{color:#d4351c}.finding.warning strong{color:#594d00}
.verdict.bad{border-left:5px solid #d4351c;padding-left:.5rem}.verdict.good{border-left:5px solid #00703c;padding-left:.5rem}
.overlay{position:sticky;top:0;z-index:10;background:#fff;border:5px solid #d4351c;padding:.5rem 1rem;margin:0 0 1rem}
.overlay h2{color:#d4351c;margin:.25rem 0;font-size:1.25rem}.overlay code{white-space:pre-wrap;overflow-wrap:anywhere}
`;

export const STUDIO_SCRIPT = `
(() => {
  const fit = (frame) => {
    try {
      const doc = frame.contentDocument;
      if (doc && doc.documentElement) frame.style.height = doc.documentElement.scrollHeight + 'px';
    } catch (e) { /* not ready */ }
  };
  const wire = () => {
    for (const frame of document.querySelectorAll('iframe.email')) {
      frame.addEventListener('load', () => fit(frame));
      fit(frame);
    }
  };
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('a[data-anchor]');
    const frame = document.querySelector('iframe.email');
    if (!link || !frame || !frame.contentDocument) return;
    const doc = frame.contentDocument;
    const target = doc.getElementById(link.dataset.anchor) ||
      [...doc.querySelectorAll('h1,h2,h3')].find((h) => h.textContent.trim() === link.dataset.title);
    if (!target) return;
    event.preventDefault();
    const top = frame.getBoundingClientRect().top + window.scrollY + target.getBoundingClientRect().top;
    window.scrollTo({ top: Math.max(0, top - 16) });
  });
  const swap = async () => {
    const response = await fetch(location.href, { cache: 'no-store' });
    if (!response.ok) return;
    const next = new DOMParser().parseFromString(await response.text(), 'text/html');
    const overlay = next.getElementById('overlay');
    if (overlay) document.getElementById('overlay').replaceWith(document.adoptNode(overlay));
    const live = next.getElementById('live');
    const mine = document.getElementById('live');
    if (live && mine && live.dataset.render !== mine.dataset.render) {
      mine.replaceWith(document.adoptNode(live));
      wire();
    }
    document.title = next.title;
  };
  let running = Promise.resolve();
  document.addEventListener('DOMContentLoaded', () => {
    wire();
    const events = new EventSource('/events');
    events.addEventListener('change', () => { running = running.then(swap, swap); });
  });
})();
`;
