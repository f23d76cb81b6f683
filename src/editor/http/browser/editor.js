(() => {
  const $ = (id) => document.getElementById(id);
  const body = () => document.body.dataset;
  const token = () => document.querySelector('meta[name="studio-token"]').content;
  const pending = new Map();
  let timer;
  let seq = 0;
  const api = async (url, payload) => {
    const response = await fetch(url, {
      method: 'POST',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json', 'X-Studio-Token': token() },
      body: JSON.stringify(payload),
    });
    const data = await response.json().catch(() => ({ error: 'The studio gave no answer it could read.' }));
    return Object.assign({ status: response.status }, data);
  };
  const valueOf = (el) => {
    const kind = el.dataset.kind;
    const optional = el.dataset.optional === 'true';
    if (kind === 'boolean') return el.checked;
    if (kind === 'words') {
      const words = el.value
        .split(',')
        .map((w) => w.trim())
        .filter(Boolean);
      return words.length || !optional ? words : undefined;
    }
    if (el.value === '' && (optional || kind === 'text-or-omit')) return undefined;
    return el.value;
  };
  const note = (text) => {
    const n = $('editor-status');
    n.textContent = text;
  };
  const showMessages = (messages, findings) => {
    for (const slot of document.querySelectorAll('#editor-form .field-error')) {
      slot.hidden = true;
      slot.querySelector('.text').textContent = '';
    }
    for (const slot of document.querySelectorAll('#editor-form .field-finding')) {
      slot.hidden = true;
      slot.textContent = '';
    }
    for (const el of document.querySelectorAll('#editor-form [aria-invalid]')) el.removeAttribute('aria-invalid');
    for (const wrap of document.querySelectorAll('#editor-form .field.invalid')) wrap.classList.remove('invalid');
    const links = [];
    for (const m of messages) {
      const slot = m.fieldId && $(m.fieldId + '-error');
      if (slot) {
        slot.hidden = false;
        const text = slot.querySelector('.text');
        text.textContent = (text.textContent ? text.textContent + ' ' : '') + m.message;
        const input = $(m.fieldId);
        if (input && /^(INPUT|TEXTAREA|SELECT)$/.test(input.tagName)) {
          input.setAttribute('aria-invalid', 'true');
          input.closest('.field').classList.add('invalid');
        }
      }
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = '#' + (slot ? m.fieldId : 'editor-form');
      a.textContent = (m.where ? m.where + ': ' : '') + m.message;
      li.append(a);
      links.push(li);
    }
    $('error-list').replaceChildren(...links);
    $('error-summary').hidden = links.length === 0;
    for (const f of findings || []) {
      const slot = f.fieldId && $(f.fieldId + '-finding');
      if (slot) {
        slot.hidden = false;
        slot.textContent =
          (slot.textContent ? slot.textContent + ' ' : '') +
          (f.severity === 'error' ? 'Check error: ' : f.severity === 'hint' ? 'Check hint: ' : 'Check warning: ') +
          f.message;
      }
    }
    const list = $('findings-list');
    if (list)
      list.replaceChildren(
        ...(findings || []).map((f) => {
          const li = document.createElement('li');
          li.className = 'finding ' + f.severity;
          li.textContent = (f.where ? f.where + ': ' : '') + f.message;
          return li;
        }),
      );
  };
  const preview = async () => {
    const mine = ++seq;
    const r = await api('/api/edit/preview', { file: body().file, hash: body().hash, ops: [...pending.values()] });
    if (mine !== seq) return;
    if (r.error) {
      note(r.error);
      return;
    }
    showMessages(r.messages, []);
    $('disk-changed').hidden = r.diskHash === body().hash;
    const frame = document.querySelector('iframe.email');
    if (frame && r.draft) frame.src = r.draft;
    else body().previewed = String(mine);
    body().validated = String(mine);
    // The checks take longer than the render: their findings follow, for this same edit, without
    // holding up the next edit's preview (an edit made meanwhile never asks for these).
    if (typeof r.findings === 'string') void findingsOf(r, mine);
  };
  const findingsOf = async (r, mine) => {
    if (mine !== seq) return;
    const found = await (await fetch(r.findings, { cache: 'no-store' })).json().catch(() => ({ findings: [] }));
    if (mine === seq) {
      showMessages(r.messages, found.findings);
      body().checked = String(mine);
    }
  };
  // Debounced: a burst of keystrokes makes one request, and while one is on its way the next
  // waits for it (each would be superseded anyway), so the server renders only what is shown.
  let inflight = null;
  let again = false;
  const run = async () => {
    if (inflight) {
      again = true;
      return;
    }
    inflight = preview();
    try {
      await inflight;
    } finally {
      inflight = null;
    }
    if (again) {
      again = false;
      run();
    }
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, Number(body().debounce || 15));
  };
  const record = (el) => {
    const path = JSON.parse(el.dataset.path);
    const value = valueOf(el);
    pending.set(el.dataset.path, value === undefined ? { op: 'set', path } : { op: 'set', path, value });
    note(waiting());
    schedule();
  };
  document.addEventListener('input', (e) => {
    if (e.target.dataset && e.target.dataset.path) record(e.target);
  });
  document.addEventListener('change', (e) => {
    if (e.target.dataset && e.target.dataset.path) record(e.target);
  });
  const reloadForm = async (focusId) => {
    const response = await fetch(location.href, { cache: 'no-store' });
    const next = new DOMParser().parseFromString(await response.text(), 'text/html');
    $('editor-form').replaceWith(document.adoptNode(next.getElementById('editor-form')));
    body().hash = next.body.dataset.hash;
    const target = focusId && $(focusId);
    if (target) (target.disabled ? target.closest('fieldset').querySelector('button.move:not([disabled])') : target).focus();
    await preview();
  };
  const waiting = () => 'Not saved yet: ' + pending.size + ' change' + (pending.size === 1 ? '' : 's') + '.';
  // The result in a sentence per change ("Preheader changed"), the lines of the file on request.
  const showSave = (r) => {
    const out = $('save-result');
    out.replaceChildren();
    const p = document.createElement('p');
    out.append(p);
    if (r.kind === 'saved') {
      body().hash = r.hash;
      pending.clear();
      p.textContent = !r.diff ? 'Saved: nothing changed.' : r.merged ? 'Saved, merged with changes made to the file meanwhile.' : 'Saved.';
      if (r.summary && r.summary.length) {
        const ul = document.createElement('ul');
        ul.id = 'save-summary';
        ul.append(
          ...r.summary.map((line) => {
            const li = document.createElement('li');
            li.textContent = line;
            return li;
          }),
        );
        out.append(ul);
      }
      if (r.diff) {
        const details = document.createElement('details');
        const summary = document.createElement('summary');
        summary.textContent = 'What changed in the file';
        const pre = document.createElement('pre');
        pre.className = 'diff';
        pre.id = 'save-diff';
        pre.textContent = r.diff;
        details.append(summary, pre);
        out.append(details);
      }
      note('All changes saved.');
      return;
    }
    note(waiting());
    if (r.kind === 'conflict') {
      p.textContent = 'Not saved: the file was changed meanwhile in the same places. Choose for each:';
      for (const c of r.conflicts) {
        const div = document.createElement('div');
        div.className = 'conflict';
        div.textContent = c.where + ' — in the file now: ' + JSON.stringify(c.theirs) + '; yours: ' + JSON.stringify(c.mine);
        const mine = document.createElement('button');
        mine.type = 'button';
        mine.textContent = 'Use mine';
        mine.dataset.resolve = 'mine';
        mine.dataset.path = JSON.stringify(c.path);
        mine.dataset.hash = r.hash;
        const theirs = document.createElement('button');
        theirs.type = 'button';
        theirs.textContent = "Keep the file's";
        theirs.dataset.resolve = 'theirs';
        theirs.dataset.path = JSON.stringify(c.path);
        theirs.dataset.hash = r.hash;
        div.append(' ', mine, ' ', theirs);
        out.append(div);
      }
    } else p.textContent = 'Not saved: ' + (r.reason || r.error);
  };
  const save = async (extra) => {
    $('save-result').replaceChildren();
    note('Saving…');
    let r;
    try {
      r = await api('/api/edit/save', { file: body().file, hash: body().hash, ops: [...pending.values(), ...(extra ? [extra] : [])] });
    } catch {
      r = { error: 'the studio could not be reached — is it still running?' };
    }
    showSave(r);
    return r;
  };
  document.addEventListener('click', async (e) => {
    const t = e.target.closest ? e.target.closest('button, a') : null;
    if (!t) return;
    if (t.matches('#error-summary a')) {
      const target = $(t.getAttribute('href').slice(1));
      if (target) {
        e.preventDefault();
        target.focus();
        target.scrollIntoView({ block: 'center' });
      }
    } else if (t.id === 'save') {
      const r = await save();
      await preview();
      if (r.kind === 'saved' && !$('error-summary').hidden) $('error-summary').focus();
    } else if (t.classList.contains('md')) {
      const area = $(t.dataset.for);
      const [s, end] = [area.selectionStart, area.selectionEnd];
      const sel = area.value.slice(s, end);
      const text =
        t.dataset.insert === 'bold'
          ? '**' + (sel || 'bold text') + '**'
          : t.dataset.insert === 'link'
            ? '[' + (sel || 'link text') + '](https://)'
            : (sel || 'item')
                .split('\n')
                .map((l) => '- ' + l)
                .join('\n');
      area.focus();
      area.setRangeText(text, s, end, 'end');
      area.dispatchEvent(new Event('input', { bubbles: true }));
    } else if (t.classList.contains('move') || t.classList.contains('remove') || t.classList.contains('add')) {
      const path = JSON.parse(t.dataset.list);
      const list = path.map(String).join('.');
      let op, focus;
      if (t.classList.contains('move')) {
        op = { op: 'move', path, from: Number(t.dataset.from), to: Number(t.dataset.to) };
        focus = 'f.' + list + '.' + op.to + (op.to < op.from ? '-up' : '-down');
      } else if (t.classList.contains('remove')) {
        if (!confirm('Remove this item? It is taken out of the file when you confirm.')) return;
        op = { op: 'remove', path, index: Number(t.dataset.index) };
        focus = 'f.' + list;
      } else {
        const type = t.dataset.typeFrom ? $(t.dataset.typeFrom).value : '';
        op = { op: 'insert', path, index: Number(t.dataset.count), value: { type } };
        focus = 'f.' + list + '.' + t.dataset.count + '-up';
      }
      const r = await save(op);
      if (r.kind === 'saved') await reloadForm(focus);
    } else if (t.dataset.resolve) {
      const key = t.dataset.path;
      const op = pending.get(key);
      body().hash = t.dataset.hash;
      if (t.dataset.resolve === 'theirs') pending.delete(key);
      else if (op) pending.set(key, op);
      t.closest('.conflict').remove();
      // Once every conflict is settled, what is still pending (the choices, and edits that did
      // not clash) is saved against the file as it is now, and the form shows the result.
      if (document.querySelector('.conflict')) return;
      if (pending.size) await save();
      await reloadForm();
    } else if (t.id === 'reload-form') {
      pending.clear();
      await reloadForm();
    }
  });
  const wireFrame = (frame) => {
    frame.addEventListener('load', () => {
      body().previewed = String(seq);
      const doc = frame.contentDocument;
      if (!doc) return;
      frame.style.height = doc.documentElement.scrollHeight + 'px';
      doc.addEventListener('click', (e) => {
        if (e.target.closest('a')) return;
        const heads = [...doc.querySelectorAll('h2[id]')].filter((h) => h.getBoundingClientRect().top <= e.clientY);
        const head = heads[heads.length - 1];
        // Section headings are "s<number>-<title>" (render/model.ts anchorFor): the number finds the section.
        const n = head && /^s(\d+)-/.exec(head.id);
        const section = n && $('f.sections.' + (Number(n[1]) - 1));
        const input = section && section.querySelector('textarea, input[type="text"], select');
        if (input) {
          input.focus();
          input.scrollIntoView({ block: 'center' });
        }
      });
    });
  };
  document.addEventListener('DOMContentLoaded', () => {
    const frame = document.querySelector('iframe.email');
    if (frame) wireFrame(frame);
    if (window.EventSource) new EventSource('/events').addEventListener('change', () => run());
    const form = $('new-issue');
    if (form)
      form.addEventListener('submit', async (e) => {
        e.preventDefault();
        const r = await api('/api/issues/new', { id: $('new-id').value.trim(), from: $('new-from').value || undefined });
        if (r.edit) {
          location.href = r.edit;
          return;
        }
        showMessages([{ fieldId: 'new-id', where: 'Issue id', message: r.error }], []);
        $('error-summary').focus();
      });
    if ($('editor-form')) preview();
  });
})();
