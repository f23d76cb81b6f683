(() => {
  const $ = (id) => document.getElementById(id);
  const body = () => document.body.dataset;
  const token = () => document.querySelector('meta[name="studio-token"]').content;
  // The person's changes not yet saved, in the order made: field values, items added, removed
  // or moved, findings acknowledged. Nothing reaches the file until Save.
  let pending = [];
  let timer;
  let seq = 0;
  const actor = () => body().person || window.localStorage.getItem('newsletter-your-name') || undefined;
  const api = async (url, payload) => {
    const response = await fetch(url, {
      method: 'POST',
      cache: 'no-store',
      headers: { 'Content-Type': 'application/json', 'X-Studio-Token': token() },
      body: JSON.stringify(Object.assign({ actor: actor() }, payload)),
    });
    const data = await response.json().catch(() => ({ error: 'The studio gave no answer it could read.' }));
    return Object.assign({ status: response.status }, data);
  };
  const request = (ops) => ({ file: body().file, hash: body().hash, ops: ops || pending });
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
    $('editor-status').textContent = text;
  };
  // Whether the form itself has errors now (the summary may also list check errors, kept meanwhile).
  let formErrors = false;
  const showMessages = (messages, findings) => {
    formErrors = messages.length > 0;
    window.EditorShow.show(messages, findings);
  };
  const fieldId = (path) => ['f'].concat(path).join('.');
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const structural = (op) => op.op !== 'set';
  // Where a field is after an item is added, removed or moved (null: removed with its item).
  const movedPath = (path, op) => {
    if (!structural(op) || op.op === 'acknowledge') return path;
    const n = op.path.length;
    if (path.length <= n || !same(path.slice(0, n), op.path)) return path;
    const k = path[n];
    const at = (i) => path.slice(0, n).concat([i], path.slice(n + 1));
    if (op.op === 'insert') return at(k >= op.index ? k + 1 : k);
    if (op.op === 'remove') return k === op.index ? null : at(k > op.index ? k - 1 : k);
    if (k === op.from) return at(op.to);
    if (op.from < k && k <= op.to) return at(k - 1);
    if (op.to <= k && k < op.from) return at(k + 1);
    return path;
  };
  // Where a field edited before later moves, additions and removals is now (null: removed with its item).
  const pathNow = (i) => pending.slice(i + 1).reduce((path, op) => path && movedPath(path, op), pending[i].path.slice());
  /** Each field and list with an unsaved change says so, in words. */
  const markUnsaved = () => {
    for (const tag of document.querySelectorAll('#editor-form .unsaved-tag')) tag.remove();
    for (const el of document.querySelectorAll('#editor-form .unsaved')) el.classList.remove('unsaved');
    const tag = (where, text) => {
      if (!where || where.querySelector(':scope > .unsaved-tag')) return;
      where.classList.add('unsaved');
      const p = document.createElement('p');
      p.className = 'unsaved-tag';
      p.textContent = text;
      const after = where.querySelector(':scope > label, :scope > legend');
      if (after) after.after(p);
      else where.prepend(p);
    };
    pending.forEach((op, i) => {
      if (op.op === 'set') {
        const path = pathNow(i);
        const el = path && $(fieldId(path));
        if (el) tag(el.closest('.field'), 'Not saved yet');
      } else {
        const list = $(fieldId(op.op === 'acknowledge' ? ['acknowledgements'] : op.path));
        tag(list, 'Not saved yet: items added, removed, moved or acknowledged');
      }
    });
  };
  // The draft whose findings were asked for last: the next preview names it, and the studio
  // answers that request at once (so it holds none of the browser's few connections) and drops
  // its checks if they have not started.
  let asking;
  const preview = async () => {
    const mine = ++seq;
    const r = await api('/api/edit/preview', Object.assign(request(), { supersedes: asking }));
    if (mine !== seq) return;
    if (r.error) {
      note(r.error);
      // No findings are coming for this version: those shown stay, no longer marked as being updated.
      window.EditorShow.settle();
      return;
    }
    // The form's own messages at once; the check findings shown stay until this edit's arrive
    // (editor-show.js), unless the answer has them already (none are run on a form with errors).
    const later = typeof r.findings === 'string';
    showMessages(r.messages, later ? undefined : r.findings || []);
    // The file changed underneath: the form shows it, with the unsaved changes kept on top.
    if (r.diskHash && r.diskHash !== body().hash && !body().conflictWith) {
      await refreshForm();
      return;
    }
    $('disk-changed').hidden = r.diskHash === body().hash;
    // The answer carries the email: put in place in the frame, with no second request; a frame
    // not showing an email yet (still loading, or none at first) loads the draft's address.
    const frame = document.querySelector('iframe.email');
    if (frame && r.draft && !window.EmailFrame.put(frame, r.html)) frame.src = r.draft;
    else body().previewed = String(mine);
    body().validated = String(mine);
    // The checks take longer than the render: their findings follow, for this same edit, without
    // holding up the next edit's preview (an edit made meanwhile never asks for these).
    if (later) void findingsOf(r, mine);
  };
  const findingsOf = async (r, mine) => {
    if (mine !== seq) return;
    const draft = (asking = r.findings.split('/').pop());
    const found = await fetch(r.findings, { cache: 'no-store' })
      .then((response) => (response.ok ? response.json() : undefined))
      .catch(() => undefined);
    if (asking === draft) asking = undefined;
    if (mine !== seq) return;
    if (!found || !Array.isArray(found.findings)) {
      // The checks did not answer: what they found last stays, said to be from before this change.
      note('The checks did not answer for this change: the findings shown are from before it. Type on, or save, to check again.');
      window.EditorShow.settle();
    } else if (!found.superseded) {
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
  // 5 ms gathers the events of one change (a paste, an edit button's insert); keys typed or held
  // down come 30 ms or more apart and are gathered by the wait for the request on its way.
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, Number(body().debounce || 5));
  };
  const waiting = () => 'Not saved yet: ' + pending.length + ' change' + (pending.length === 1 ? '' : 's') + '.';
  const record = (el) => {
    const path = JSON.parse(el.dataset.path);
    const value = valueOf(el);
    const op = value === undefined ? { op: 'set', path } : { op: 'set', path, value };
    // A field typed in again replaces its unsaved value, unless items moved since (its path then means another place).
    const last = pending.length - 1 - [...pending].reverse().findIndex((o) => o.op === 'set' && same(o.path, path));
    const found = last < pending.length && !pending.slice(last + 1).some(structural);
    if (found) pending[last] = op;
    else pending.push(op);
    markUnsaved();
    note(waiting());
    schedule();
  };
  document.addEventListener('input', (e) => {
    if (e.target.dataset && e.target.dataset.path) record(e.target);
  });
  document.addEventListener('change', (e) => {
    if (e.target.dataset && e.target.dataset.path) record(e.target);
  });
  // The new issue's checklist: what is left of it after a tick by hand or a save.
  const showChecklist = (items) => {
    const section = $('checklist');
    if (!section || !items) return;
    const left = items.filter((i) => !i.done).map((i) => i.id);
    for (const box of section.querySelectorAll('[data-check]')) if (!left.includes(box.dataset.check)) box.closest('li').remove();
    if (left.length === 0) section.remove();
  };
  document.addEventListener('change', async (e) => {
    if (!e.target.dataset || !e.target.dataset.check || !e.target.checked) return;
    const r = await api('/api/checklist', { file: body().file, ids: [e.target.dataset.check] });
    if (r.error) note(r.error);
    else showChecklist(r.checklist);
  });
  /**
   * The form as the file is now with the unsaved changes on top (the server merges them when
   * they touch nothing that changed there); each unsaved change is marked.
   */
  const refreshForm = async (focusId) => {
    const active = document.activeElement && document.activeElement.id;
    const r = await api('/api/edit/form', request());
    if (r.error) {
      note(r.error);
      return;
    }
    $('editor-form').innerHTML = r.html;
    if (r.conflict) body().conflictWith = 'yes';
    else delete body().conflictWith;
    body().hash = r.hash;
    // Values typed while the form was on its way are kept.
    pending.forEach((op, i) => {
      const path = op.op === 'set' && pathNow(i);
      const el = path && $(fieldId(path));
      if (!el || !el.dataset.path) return;
      if (el.type === 'checkbox') el.checked = op.value === true;
      else if (el.dataset.kind === 'words') el.value = (op.value || []).join(', ');
      else el.value = op.value === undefined ? '' : op.value;
    });
    markUnsaved();
    const target = $(focusId || active);
    if (target) (target.disabled ? target.closest('fieldset').querySelector('button.move:not([disabled])') : target).focus();
    body().formed = String(Number(body().formed || 0) + 1);
    await preview();
  };
  const change = async (op, focus) => {
    pending.push(op);
    note(waiting());
    // The check lines kept in the summary until this version's findings arrive follow their fields.
    window.EditorShow.moved((id) => {
      const path = id
        .split('.')
        .slice(1)
        .map((step) => (/^\d+$/.test(step) ? Number(step) : step));
      const now = movedPath(path, op);
      return now && fieldId(now);
    });
    await refreshForm(focus);
  };
  document.addEventListener('editor:acknowledge', (e) => change(e.detail, 'f.acknowledgements'));
  // The result in a sentence per change ("Preheader changed"), the lines of the file on request.
  const showSave = (r, sent) => {
    const out = $('save-result');
    out.replaceChildren();
    const p = document.createElement('p');
    out.append(p);
    if (r.kind === 'saved') {
      body().hash = r.hash;
      pending = pending.filter((op) => !sent.includes(op));
      p.textContent = !r.diff
        ? 'Saved: nothing changed.'
        : r.merged
          ? 'Saved, merged with changes ' + (r.by ? r.by + ' saved' : 'made to the file') + ' meanwhile.'
          : 'Saved.';
      if (r.summary && r.summary.length) {
        const ul = document.createElement('ul');
        ul.id = 'save-summary';
        ul.append(...r.summary.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
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
      showChecklist(r.checklist);
      note(pending.length ? waiting() : 'All changes saved.');
      return;
    }
    note(waiting());
    if (r.kind === 'conflict') {
      p.textContent =
        'Not saved: ' + (r.by ? r.by + ' changed the file' : 'the file was changed') + ' meanwhile in the same places. Choose for each:';
      for (const c of r.conflicts) {
        const div = document.createElement('div');
        div.className = 'conflict';
        div.textContent = c.where + ' — in the file now: ' + JSON.stringify(c.theirs) + '; yours: ' + JSON.stringify(c.mine);
        for (const [resolve, text] of [
          ['mine', 'Use mine'],
          ['theirs', "Keep the file's"],
        ]) {
          const b = document.createElement('button');
          b.type = 'button';
          b.textContent = text;
          b.dataset.resolve = resolve;
          b.dataset.path = JSON.stringify(c.path);
          b.dataset.hash = r.hash;
          div.append(' ', b);
        }
        out.append(div);
      }
    } else if (r.kind === 'wrong') {
      // A value the form calls wrong is not written: which, why, and the choice to save the rest.
      p.id = 'save-wrong';
      p.textContent = 'Not saved: ' + (r.wrong.length === 1 ? 'this value is' : 'these values are') + ' not right yet.';
      const ul = document.createElement('ul');
      ul.id = 'wrong-list';
      for (const w of r.wrong) {
        const a = document.createElement('a');
        a.href = '#' + (w.fieldId || 'editor-form');
        a.textContent = w.where + ': ' + w.message;
        const li = document.createElement('li');
        li.append(a);
        ul.append(li);
      }
      out.append(ul);
      if (r.rest > 0) {
        const b = document.createElement('button');
        b.type = 'button';
        b.id = 'save-rest';
        b.textContent =
          'Save the other ' + (r.rest === 1 ? 'change' : r.rest + ' changes') + ' without ' + (r.wrong.length === 1 ? 'it' : 'them');
        b.dataset.skip = JSON.stringify(r.skip);
        out.append(b);
      }
    } else p.textContent = 'Not saved: ' + (r.reason || r.error);
  };
  const save = async (ops) => {
    $('save-result').replaceChildren();
    note('Saving…');
    const sent = ops || pending.slice();
    let r;
    try {
      r = await api('/api/edit/save', request(sent));
    } catch {
      r = { error: 'the studio could not be reached — is it still running?' };
    }
    showSave(r, sent);
    if (r.kind === 'saved') {
      delete body().conflictWith;
      await refreshForm();
    }
    return r;
  };
  document.addEventListener('click', async (e) => {
    const t = e.target.closest ? e.target.closest('button, a') : null;
    if (!t) return;
    if (t.matches('#error-summary a, #wrong-list a')) {
      const target = $(t.getAttribute('href').slice(1));
      if (target) {
        e.preventDefault();
        target.focus();
        target.scrollIntoView({ block: 'center' });
      }
    } else if (t.id === 'save') {
      const r = await save();
      // GOV.UK's summary takes the focus for the form's own errors; the checks' do not move it at each save.
      if (r.kind === 'saved' && formErrors) $('error-summary').focus();
    } else if (t.id === 'save-rest') {
      const skip = JSON.parse(t.dataset.skip);
      await save(pending.filter((_, i) => !skip.includes(i)));
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
      if (t.classList.contains('move')) {
        const op = { op: 'move', path, from: Number(t.dataset.from), to: Number(t.dataset.to) };
        await change(op, 'f.' + list + '.' + op.to + (op.to < op.from ? '-up' : '-down'));
      } else if (t.classList.contains('remove')) {
        await change({ op: 'remove', path, index: Number(t.dataset.index) }, 'f.' + list);
      } else {
        const type = t.dataset.typeFrom ? $(t.dataset.typeFrom).value : '';
        await change({ op: 'insert', path, index: Number(t.dataset.count), value: { type } }, 'f.' + list + '.' + t.dataset.count + '-up');
      }
    } else if (t.dataset.resolve) {
      const path = JSON.parse(t.dataset.path);
      body().hash = t.dataset.hash;
      if (t.dataset.resolve === 'theirs') pending = pending.filter((op) => !(op.op === 'set' && same(op.path, path)));
      t.closest('.conflict').remove();
      // Once every conflict is settled, what is still pending (the choices, and edits that did
      // not clash) is saved against the file as it is now, and the form shows the result.
      if (document.querySelector('.conflict')) return;
      if (pending.length) await save();
      else await refreshForm();
    } else if (t.id === 'reload-form' || t.id === 'discard') {
      pending = [];
      delete body().conflictWith;
      $('save-result').replaceChildren();
      note('Unsaved changes discarded.');
      await refreshForm();
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
