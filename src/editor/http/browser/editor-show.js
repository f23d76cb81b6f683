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

  const reset = () => {
    for (const slot of document.querySelectorAll('#editor-form .field-error')) {
      slot.hidden = true;
      slot.querySelector('.text').textContent = '';
    }
    for (const slot of document.querySelectorAll('#editor-form .field-findings')) {
      slot.hidden = true;
      slot.replaceChildren();
    }
    for (const el of document.querySelectorAll('#editor-form [aria-invalid]')) el.removeAttribute('aria-invalid');
    for (const wrap of document.querySelectorAll('#editor-form .field.invalid')) wrap.classList.remove('invalid');
  };

  /** The form's own messages (`messages`, all errors) and the checks' findings, where they belong. */
  const show = (messages, findings) => {
    reset();
    const summary = [];
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
      summary.push({ href: slot ? m.fieldId : 'editor-form', text: (m.where ? m.where + ': ' : '') + m.message });
    }
    for (const f of findings || []) {
      const slot = f.fieldId && $(f.fieldId + '-finding');
      if (slot) {
        slot.hidden = false;
        slot.append(findingItem(f, false));
      }
      if (f.severity === 'error')
        summary.push({ href: slot ? f.fieldId : 'findings-list', text: 'Check: ' + (f.where ? f.where + ': ' : '') + f.message });
    }
    $('error-list').replaceChildren(...summary.map((s) => make('li', {}, make('a', { href: '#' + s.href, textContent: s.text }))));
    $('error-summary').hidden = summary.length === 0;
    const list = $('findings-list');
    if (list) list.replaceChildren(...(findings || []).map((f) => findingItem(f, true)));
  };

  return { show };
})();
