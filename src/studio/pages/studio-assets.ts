// The studio's own style and its one script. The script keeps the page live (server-sent
// events, then fetch this page again and swap each block whose data-render changed), sizes the
// email frame to its content, scrolls to a section when a finding's heading is chosen, posts the
// action forms in place (they work without it too: post, then back to the page) and copies a
// share link. Served in <head> and allowed by its hash: no inline handlers anywhere.
import { BASE_CSS } from '../../site/frame.js';

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
.tag-fresh{background:#cce2d8;color:#005a30}.tag-partial{background:#fff7bf;color:#594d00}.tag-stale{background:#f6d7d2;color:#942514}
.tag-sending{background:#bbd4ea;color:#0c2d4a}.tag-cancelled{background:#e8e8e8;color:#383f43}.tag-needs-attention{background:#f6d7d2;color:#942514}
.standing{display:flex;flex-wrap:wrap;gap:.25rem 2rem;margin:0 0 1rem}.standing div{display:flex;gap:.5rem;align-items:baseline}
.standing dt{font-weight:bold}.standing dd{margin:0}
.actions{border:1px solid #b1b4b6;padding:.25rem 1rem 1rem;margin:0 0 1rem}.actions h2{font-size:1.25rem;margin:.5rem 0}
.forms{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:0 1.5rem}
.action h3{font-size:1rem;margin:.5rem 0 0}.action label{display:block;font-weight:bold;margin-top:.5rem}
.action .check label{display:inline;font-weight:normal}.hint{color:#505a5f;font-size:.875rem;margin:.25rem 0}
.action input[type="text"],.action select,.result input{width:100%;box-sizing:border-box;font:inherit;padding:.25rem;border:2px solid #0b0c0c}
input:focus,select:focus{outline:3px solid #fd0;outline-offset:0;box-shadow:inset 0 0 0 2px #0b0c0c}
button{font:inherit;padding:.4rem .8rem;margin-top:.5rem;background:#00703c;color:#fff;border:0;border-bottom:2px solid #002d18;cursor:pointer}
button:disabled{opacity:.6;cursor:progress}
.result{margin:.5rem 0}.result:empty{display:none}.result.ok,.result.bad{padding:.25rem .75rem}
.result .warning{border-left:5px solid #f47738;padding-left:.5rem;margin:.5rem 0}.result.ok{border-left:5px solid #00703c}.result.bad{border-left:5px solid #d4351c}.result ul{margin:0;padding-left:1.1rem}
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
      if (frame.dataset.wired) continue;
      frame.dataset.wired = 'yes';
      frame.addEventListener('load', () => fit(frame));
      fit(frame);
    }
    for (const button of document.querySelectorAll('button[data-copy]')) button.hidden = false;
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
  const adopt = (from, into) => into.replaceChildren(...[...from.childNodes].map((n) => document.adoptNode(n)));
  const swapFrom = (next) => {
    const overlay = next.getElementById('overlay');
    if (overlay) document.getElementById('overlay').replaceWith(document.adoptNode(overlay));
    for (const fresh of [...next.querySelectorAll('[data-render][id]')]) {
      const mine = document.getElementById(fresh.id);
      if (mine && mine.dataset.render !== fresh.dataset.render) mine.replaceWith(document.adoptNode(fresh));
    }
    document.title = next.title;
    wire();
  };
  const swap = async () => {
    const response = await fetch(location.href, { cache: 'no-store' });
    if (!response.ok) return;
    swapFrom(new DOMParser().parseFromString(await response.text(), 'text/html'));
  };
  document.addEventListener('click', async (event) => {
    const button = event.target.closest && event.target.closest('button[data-copy]');
    if (!button) return;
    const field = document.getElementById(button.dataset.copy);
    const note = button.parentElement.querySelector('[data-copied]');
    try {
      await navigator.clipboard.writeText(field.value);
      note.textContent = 'Copied.';
    } catch (e) {
      field.focus();
      field.select();
      note.textContent = 'Selected: press Ctrl+C (Cmd+C on a Mac) to copy it.';
    }
  });
  document.addEventListener('submit', async (event) => {
    const form = event.target.closest && event.target.closest('form[data-action]');
    const region = document.getElementById('action-result');
    if (!form || !region) return;
    event.preventDefault();
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    region.className = 'result';
    region.textContent = 'Working…';
    try {
      const response = await fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), cache: 'no-store' });
      const next = new DOMParser().parseFromString(await response.text(), 'text/html');
      const result = next.getElementById('action-result');
      if (response.ok && result) {
        region.className = result.className;
        adopt(result, region);
        swapFrom(next);
      } else {
        region.className = 'result bad';
        const said = next.querySelector('main p');
        region.textContent = said ? said.textContent : 'The studio could not do this; the terminal running it says why.';
      }
    } catch (e) {
      region.className = 'result bad';
      region.textContent = 'The studio did not answer: is newsletter serve still running?';
    } finally {
      button.disabled = false;
    }
  });
  let running = Promise.resolve();
  document.addEventListener('DOMContentLoaded', () => {
    wire();
    const events = new EventSource('/events');
    events.addEventListener('change', () => { running = running.then(swap, swap); });
  });
})();
`;
