// The editor's messages on screen, in the GOV.UK Design System's patterns: an error summary at the
// top listing every error (the form's and the checks'), each linked to its field; each message on
// its field, one item per finding, errors, warnings and hints told apart by their words and marks,
// not by colour alone; the place named as the form labels it. A finding that may be let stand has
// an "Acknowledge" button, which asks only why. Loaded before editor.js, which calls it.
window.EditorShow = (() => {
  const $ = (id) => document.getElementById(id);
  const LABEL = { error: 'Error', warning: 'Warning', hint: 'Hint' };
  const NAME_KEY = 'newsletter-your-name';
  const make = (tag, props, ...children) => {
    const e = document.createElement(tag);
    Object.assign(e, props || {});
    e.append(...children.filter((c) => c !== undefined && c !== null));
    return e;
  };
  let acks = 0;

  /** The person acknowledging: the one signed in (the page says), else the name typed before on this computer. */
  const person = () => document.body.dataset.person || window.localStorage.getItem(NAME_KEY) || '';

  const ackButton = (f) =>
    f.quote === undefined || f.code === 'privacy/unused-acknowledgement'
      ? null
      : make('button', {
          type: 'button',
          className: 'acknowledge',
          textContent: 'Acknowledge',
          ariaLabel: 'Acknowledge "' + f.quote + '" (' + f.code + ')',
          onclick: (e) => openAck(e.currentTarget, f),
        });

  /** The question beside the finding: why it may stand (and a name, the first time only). */
  const openAck = (button, f) => {
    if (button.nextElementSibling && button.nextElementSibling.classList.contains('ack-form')) return;
    const n = ++acks;
    const reason = make('textarea', { id: 'ack-reason-' + n, rows: 2 });
    reason.setAttribute('aria-describedby', 'ack-hint-' + n);
    const name = make('input', { type: 'text', id: 'ack-by-' + n, autocomplete: 'name', value: person() });
    const error = make('p', { className: 'field-error', hidden: true });
    const nameField = person()
      ? null
      : make('div', { className: 'field' }, make('label', { htmlFor: name.id, textContent: 'Your name' }), name);
    const form = make(
      'div',
      { className: 'ack-form', role: 'group' },
      make('p', { className: 'ack-what', textContent: 'Let "' + f.quote + '" stand (' + f.code + ').' }),
      make(
        'div',
        { className: 'field' },
        make('label', { htmlFor: reason.id, textContent: 'Why may it stand?' }),
        make('p', { className: 'hint', id: 'ack-hint-' + n, textContent: 'For example: the published report gives it.' }),
        reason,
      ),
      nameField,
      error,
      make('button', {
        type: 'button',
        className: 'ack-confirm',
        textContent: 'Let it stand',
        onclick: () => {
          const by = name.value.trim();
          if (!reason.value.trim() || !by) {
            error.hidden = false;
            error.textContent = !by ? 'Error: type your name.' : 'Error: say why it may stand.';
            (!by ? name : reason).focus();
            return;
          }
          if (!document.body.dataset.person) window.localStorage.setItem(NAME_KEY, by);
          form.remove();
          document.dispatchEvent(
            new window.CustomEvent('editor:acknowledge', {
              detail: { op: 'acknowledge', code: f.code, text: f.quote, reason: reason.value.trim() },
            }),
          );
        },
      }),
      ' ',
      make('button', { type: 'button', textContent: 'Cancel', onclick: () => (form.remove(), button.focus()) }),
    );
    form.setAttribute('aria-label', 'Acknowledge ' + f.code);
    button.after(form);
    reason.focus();
  };

  /** One finding as an item: its kind in words and a mark, where, what, and the button when it may stand. */
  const findingItem = (f, withPlace) =>
    make(
      'li',
      { className: 'finding ' + f.severity },
      make('strong', { className: 'tag', textContent: LABEL[f.severity] + ':' }),
      ' ',
      withPlace && f.where ? make('span', { className: 'place', textContent: f.where + ': ' }) : null,
      f.message,
      ' ',
      ackButton(f),
    );

  // Each place is written only when what it shows changes. The error summary has role="alert": hidden
  // and shown again, or its list written again (even the same), a screen reader may say it again.
  const shown = new WeakMap();
  const keyOf = (findings) => JSON.stringify(findings.map((f) => [f.severity, f.where, f.message, f.quote, f.code]));
  const put = (el, key, write) => {
    if ((shown.get(el) ?? '[]') === key) return;
    shown.set(el, key);
    write();
  };
  const hide = (el, hidden) => el.hidden !== hidden && (el.hidden = hidden);
  const mark = (el, name, on) => {
    if (!el || on === el.hasAttribute(name)) return;
    if (on) el.setAttribute(name, 'true');
    else el.removeAttribute(name);
  };

  /** The form's own messages on their fields (all errors): each field's text, `aria-invalid` and mark. */
  const onFields = (messages) => {
    const texts = new Map();
    for (const m of messages) {
      const slot = m.fieldId && $(m.fieldId + '-error');
      if (slot) texts.set(slot, texts.has(slot) ? texts.get(slot) + ' ' + m.message : m.message);
    }
    const slots = [...document.querySelectorAll('#editor-form .field-error > .text')].map((t) => t.parentElement);
    for (const slot of new Set([...slots, ...texts.keys()])) {
      const text = texts.get(slot) || '';
      const out = slot.querySelector('.text');
      if (out.textContent !== text) out.textContent = text;
      hide(slot, !text);
      const input = $(slot.id.replace(/-error$/, ''));
      if (!input || !/^(INPUT|TEXTAREA|SELECT)$/.test(input.tagName)) continue;
      mark(input, 'aria-invalid', Boolean(text));
      if (input.closest('.field')) input.closest('.field').classList.toggle('invalid', Boolean(text));
    }
  };

  /** The checks' findings on their fields, each one's slot written only when its findings changed. */
  const onFindingSlots = (findings) => {
    const bySlot = new Map();
    for (const f of findings) {
      const slot = f.fieldId && $(f.fieldId + '-finding');
      if (slot) bySlot.set(slot, (bySlot.get(slot) || []).concat(f));
    }
    for (const slot of new Set([...document.querySelectorAll('#editor-form .field-findings'), ...bySlot.keys()])) {
      const mine = bySlot.get(slot) || [];
      put(slot, keyOf(mine), () => slot.replaceChildren(...mine.map((f) => findingItem(f, false))));
      hide(slot, mine.length === 0);
    }
  };

  // The summary's lines from the checks: kept from one edit's findings until the next edit's arrive.
  let checkLines = [];
  /**
   * The form's own messages (`messages`, all errors) and the checks' findings, where they belong.
   * `findings` undefined: this edit's findings are still to come, so the last ones stay, and the
   * summary and the findings list are marked `aria-busy` meanwhile (hiding the summary until they
   * came made it flicker at every keystroke, and be said again).
   */
  const show = (messages, findings) => {
    const pending = findings === undefined;
    onFields(messages);
    if (!pending) {
      onFindingSlots(findings);
      checkLines = findings
        .filter((f) => f.severity === 'error')
        .map((f) => ({
          href: f.fieldId && $(f.fieldId + '-finding') ? f.fieldId : 'findings-list',
          text: 'Check: ' + (f.where ? f.where + ': ' : '') + f.message,
        }));
    }
    const lines = messages
      .map((m) => ({
        href: m.fieldId && $(m.fieldId + '-error') ? m.fieldId : 'editor-form',
        text: (m.where ? m.where + ': ' : '') + m.message,
      }))
      .concat(checkLines);
    const summary = $('error-summary');
    const list = $('error-list');
    // Compared with the list as it is, so the summary the server wrote is not written again either.
    const now = [...list.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href').slice(1), text: a.textContent }));
    if (JSON.stringify(now) !== JSON.stringify(lines))
      list.replaceChildren(...lines.map((s) => make('li', {}, make('a', { href: '#' + s.href, textContent: s.text }))));
    hide(summary, lines.length === 0);
    mark(summary, 'aria-busy', pending);
    const report = $('findings-list');
    if (report && !pending) put(report, keyOf(findings), () => report.replaceChildren(...findings.map((f) => findingItem(f, true))));
    mark(report, 'aria-busy', pending);
  };

  /** No findings are coming for the version shown (its preview failed): those shown stay, not marked as being updated. */
  const settle = () => {
    mark($('error-summary'), 'aria-busy', false);
    mark($('findings-list'), 'aria-busy', false);
  };

  /**
   * Items were added, removed or moved: each kept check line links where its field is now, given by
   * `where(fieldId)` (undefined or null: its item was removed, and the line links to the list of findings).
   */
  const moved = (where) => {
    checkLines = checkLines.map((line) => {
      if (!line.href.startsWith('f.')) return line;
      const now = where(line.href);
      return Object.assign({}, line, { href: now || 'findings-list' });
    });
  };

  return { show, settle, moved };
})();
