(() => {
  const fit = (frame) => {
    try {
      const doc = frame.contentDocument;
      if (doc && doc.documentElement) frame.style.height = doc.documentElement.scrollHeight + 'px';
    } catch {
      /* not ready */
    }
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
    const target =
      doc.getElementById(link.dataset.anchor) ||
      [...doc.querySelectorAll('h1,h2,h3')].find((h) => h.textContent.trim() === link.dataset.title);
    if (!target) return;
    event.preventDefault();
    const top = frame.getBoundingClientRect().top + window.scrollY + target.getBoundingClientRect().top;
    window.scrollTo({ top: Math.max(0, top - 16) });
  });
  const adopt = (from, into) => into.replaceChildren(...[...from.childNodes].map((n) => document.adoptNode(n)));
  // A block whose only change is the email in its frame keeps its frame: the new email, which a
  // swap carries (#email-next), is put into it in place (page/browser/email-frame.js), so showing
  // it takes no request and no new document. Anything else about the block changed: replaced.
  const emailInPlace = (mine, fresh, html) => {
    const frame = mine.querySelector('iframe.email');
    const next = fresh.querySelector('iframe.email');
    if (html === undefined || !frame || !next || frame.getAttribute('src') !== next.getAttribute('src')) return false;
    if (frame.parentElement.className !== next.parentElement.className) return false;
    if (mine.querySelectorAll('*').length !== fresh.querySelectorAll('*').length) return false;
    if (!window.EmailFrame.put(frame, html)) return false;
    frame.title = next.title;
    mine.dataset.render = fresh.dataset.render;
    return true;
  };
  const swapFrom = (next) => {
    const overlay = next.getElementById('overlay');
    if (overlay) document.getElementById('overlay').replaceWith(document.adoptNode(overlay));
    const email = next.getElementById('email-next');
    if (email) email.remove();
    for (const fresh of [...next.querySelectorAll('[data-render][id]')]) {
      const mine = document.getElementById(fresh.id);
      if (!mine || mine.dataset.render === fresh.dataset.render) continue;
      if (!emailInPlace(mine, fresh, email ? email.textContent : undefined)) mine.replaceWith(document.adoptNode(fresh));
    }
    document.title = next.title;
    wire();
  };
  const swap = async () => {
    // A swap takes the new email without waiting for its checks; the server says when they are done.
    const response = await fetch(location.href, { cache: 'no-store', headers: { 'X-Studio-Swap': '1' } });
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
    } catch {
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
    } catch {
      region.className = 'result bad';
      region.textContent = 'The studio did not answer: is newsletter serve still running?';
    } finally {
      button.disabled = false;
    }
  });
  // The new issue's checklist, ticked by hand: the editor's request, with the editor's key.
  document.addEventListener('change', async (e) => {
    const box = e.target;
    if (!box.dataset || !box.dataset.check || !box.checked) return;
    const key = document.querySelector('meta[name="studio-token"]');
    const response = await fetch('/api/checklist', {
      method: 'POST',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json', 'X-Studio-Token': key ? key.content : '' },
      body: JSON.stringify({ file: 'issues/' + document.body.dataset.issue + '/issue.yaml', ids: [box.dataset.check] }),
    });
    const r = await response.json().catch(() => ({}));
    if (!Array.isArray(r.checklist)) return;
    const left = r.checklist.filter((i) => !i.done).map((i) => i.id);
    const section = document.getElementById('checklist');
    for (const b of section.querySelectorAll('[data-check]')) if (!left.includes(b.dataset.check)) b.closest('li').remove();
    if (left.length === 0) section.remove();
  });
  let running = Promise.resolve();
  document.addEventListener('DOMContentLoaded', () => {
    wire();
    const events = new EventSource('/events');
    events.addEventListener('change', () => {
      running = running.then(swap, swap);
    });
    // Someone opened or left an issue's editor: the page's "… is editing this issue" line.
    events.addEventListener('presence', () => {
      running = running.then(swap, swap);
    });
  });
})();
