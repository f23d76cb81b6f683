// Who else has this file open in the editor: the page beats every 15 seconds (and says goodbye
// when it is closed); each answer names the others, shown under the heading. Told by the studio's
// event stream when someone opens or leaves, it asks again at once.
(() => {
  // The script runs in the head: the body, and which file it edits, are read once the page is there.
  let file = '';
  const tab = (window.crypto.randomUUID ? window.crypto.randomUUID() : String(Math.random()).slice(2) + String(Date.now())).replace(
    /[^\w-]/g,
    '',
  );
  const token = () => document.querySelector('meta[name="studio-token"]').content;
  const line = document.createElement('p');
  line.id = 'presence';
  line.className = 'notice';
  line.setAttribute('role', 'status');
  line.hidden = true;
  const words = (others) => {
    const named = others.filter((o) => !o.you).map((o) => o.name);
    if (named.length === 0) return others.length ? 'You also have this file open in another tab or window.' : '';
    const list = named.length === 1 ? named[0] : named.slice(0, -1).join(', ') + ' and ' + named[named.length - 1];
    return (
      list +
      (named.length === 1 ? ' is' : ' are') +
      ' editing this file too. Saves are merged; where you both change the same thing, you are asked to choose.'
    );
  };
  const beat = async (leaving) => {
    try {
      const response = await fetch('/api/edit/presence', {
        method: 'POST',
        cache: 'no-store',
        keepalive: Boolean(leaving),
        headers: { 'Content-Type': 'application/json', 'X-Studio-Token': token() },
        body: JSON.stringify(leaving ? { file, tab, leaving: true } : { file, tab }),
      });
      if (leaving || !response.ok) return;
      const said = words((await response.json()).others || []);
      line.textContent = said;
      line.hidden = !said;
    } catch {
      /* the studio is not answering: the next beat tries again */
    }
  };
  document.addEventListener('DOMContentLoaded', () => {
    file = document.body.dataset.file || '';
    if (!file || !document.getElementById('editor-form')) return;
    const heading = document.querySelector('main h1');
    if (heading) heading.after(line);
    beat();
    window.setInterval(beat, 15000);
    if (window.EventSource)
      new EventSource('/events').addEventListener('presence', (e) => {
        const files = JSON.parse(e.data).files || [];
        if (files.includes(file)) beat();
      });
    window.addEventListener('pagehide', () => beat(true));
    window.addEventListener('pageshow', (e) => {
      if (e.persisted) beat();
    });
  });
})();
