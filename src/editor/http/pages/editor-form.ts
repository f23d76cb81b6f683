// The editor's form as plain HTML, from the form model (src/editor/form.ts). Every input names
// its place in the file (data-path) and has a slot for its message; lists have up/down buttons
// that say which item they move. Pure, every value escaped by markup``; the page's one script
// (editor-assets.ts) makes it live.
import type { FormField, FormItem, FormList, FormNode } from '../../form.js';
import type { FieldMessage } from '../../validate.js';
import { type Html, joinHtml, markup } from '../../../page/html.js';

/** An attribute's text: a string as it is, anything else (a path) as JSON; markup`` escapes it. */
const attr = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** The fields of a form; `anchors` names each section's heading in the email, for click-to-focus. */
export function formHtml(nodes: FormNode[], messages: FieldMessage[], anchors: readonly string[] = []): Html {
  const byField = new Map<string, FieldMessage[]>();
  for (const m of messages) if (m.fieldId) byField.set(m.fieldId, [...(byField.get(m.fieldId) ?? []), m]);
  const render = (n: FormNode): Html => {
    if (n.kind === 'field') return field(n, byField.get(n.id) ?? []);
    if (n.kind === 'list') return list(n, render, anchors);
    if (n.kind === 'item') return item(n, render, undefined, byField.get(n.id) ?? []);
    return markup`<fieldset class="block" id="${attr(n.id)}"><legend>${n.label}</legend>${joinHtml(n.children.map(render), '\n')}</fieldset>`;
  };
  return joinHtml(nodes.map(render), '\n');
}

function messageSlot(id: string, messages: FieldMessage[]): Html {
  const errors = messages.filter((m) => m.severity === 'error');
  const text = errors.map((m) => m.message).join(' ');
  return markup`<p class="field-error" id="${attr(id)}-error"${errors.length ? '' : ' hidden'}><span class="visually-hidden">Error:</span> <span class="text">${text}</span></p>
<ul class="field-findings" id="${attr(id)}-finding" hidden></ul>`;
}

function field(f: FormField, messages: FieldMessage[]): Html {
  if (f.fixed !== undefined) return fixedField(f);
  const invalid = messages.some((m) => m.severity === 'error');
  const describedBy = [f.hint ? `${f.id}-hint` : '', `${f.id}-error`, `${f.id}-finding`].filter(Boolean).join(' ');
  const common = markup`id="${attr(f.id)}" name="${attr(f.id)}" data-path="${attr(f.path)}" data-kind="${attr(f.input)}" data-optional="${String(f.optional)}" aria-describedby="${attr(describedBy)}"${invalid ? markup` aria-invalid="true"` : ''}`;
  const value = f.value === undefined || f.value === null || f.value === false ? '' : f.value;
  let control: Html;
  if (f.input === 'markdown') {
    const tools = (['bold', 'link', 'list'] as const).map(
      (t) =>
        markup`<button type="button" class="md" data-insert="${t}" data-for="${attr(f.id)}">${{ bold: 'Bold', link: 'Link', list: 'List' }[t]}</button>`,
    );
    control = markup`<div class="md-tools" role="group" aria-label="Format ${attr(f.label)}">${tools}</div><textarea ${common} rows="8" spellcheck="true">${String(value)}</textarea>`;
  } else if (f.input === 'boolean') {
    return markup`<div class="field check${invalid ? ' invalid' : ''}" id="${attr(f.id)}-wrap"><input type="checkbox" ${common}${f.value === true ? ' checked' : ''}> <label for="${attr(f.id)}">${f.label}</label>${messageSlot(f.id, messages)}</div>`;
  } else if (f.input === 'choice') {
    const options = [...(f.optional ? [''] : []), ...(f.choices ?? [])].map(
      (c) => markup`<option value="${attr(c)}"${c === value ? ' selected' : ''}>${c || '(not set)'}</option>`,
    );
    control = markup`<select ${common}>${options}</select>`;
  } else {
    const shown = Array.isArray(value) ? value.join(', ') : String(value);
    const omitted = f.input === 'text-or-omit' && f.value === false ? markup` placeholder="(left out of In this issue)"` : '';
    const noSpelling = f.input === 'url' || f.input === 'date' || f.input === 'datetime' ? markup` spellcheck="false"` : '';
    control = markup`<input type="${f.input === 'email' ? 'email' : 'text'}" ${common} value="${attr(shown)}"${omitted}${noSpelling}>`;
  }
  const hint = f.hint ? markup`<p class="hint" id="${attr(f.id)}-hint">${f.hint}</p>` : '';
  return markup`<div class="field${invalid ? ' invalid' : ''}" id="${attr(f.id)}-wrap"><label for="${attr(f.id)}">${f.label}</label>${hint}${messageSlot(f.id, messages)}${control}</div>`;
}

/** A field the form shows but does not edit: no input, so nothing of it is ever sent to be saved. */
function fixedField(f: FormField): Html {
  const value = typeof f.value === 'string' ? f.value : JSON.stringify(f.value ?? '');
  return markup`<div class="field fixed" id="${attr(f.id)}-wrap"><p class="label" id="${attr(f.id)}-label">${f.label}</p>
<p class="value" id="${attr(f.id)}"><strong>${value}</strong></p><p class="hint">${f.fixed ?? ''}</p></div>`;
}

function list(l: FormList, render: (n: FormNode) => Html, anchors: readonly string[]): Html {
  const top = l.path.length === 1 && l.path[0] === 'sections';
  const items = joinHtml(
    l.items.map((i) => item(i, render, top ? anchors[i.index] : undefined, [])),
    '\n',
  );
  const add =
    l.addable.length > 1
      ? markup`<label for="${attr(l.id)}-add-type">Type of section to add</label> <select id="${attr(l.id)}-add-type">${l.addable.map((a) => markup`<option value="${attr(a.value)}">${a.label}</option>`)}</select> <button type="button" class="add" data-list="${attr(l.path)}" data-count="${l.items.length}" data-type-from="${attr(l.id)}-add-type">Add section</button>`
      : markup`<button type="button" class="add" data-list="${attr(l.path)}" data-count="${l.items.length}">Add ${l.addable[0]?.label ?? 'item'}</button>`;
  return markup`<fieldset class="list" id="${attr(l.id)}"><legend>${l.label}</legend><p class="field-error" id="${attr(l.id)}-error" hidden><span class="visually-hidden">Error:</span> <span class="text"></span></p>\n${items}\n<div class="list-add">${add}</div></fieldset>`;
}

function item(i: FormItem, render: (n: FormNode) => Html, anchor: string | undefined, messages: FieldMessage[]): Html {
  const name = i.typeLabel ? `${i.typeLabel}: ${i.label}` : i.label;
  const listPath = i.path.slice(0, -1);
  const button = (dir: 'up' | 'down', to: number, disabled: boolean) =>
    markup`<button type="button" class="move" id="${attr(i.id)}-${dir}" data-list="${attr(listPath)}" data-from="${i.index}" data-to="${to}" aria-label="Move ${name} ${dir}"${disabled ? ' disabled' : ''}>${dir === 'up' ? 'Up' : 'Down'}</button>`;
  const controls = markup`<div class="item-tools">${button('up', i.index - 1, i.index === 0)}${button('down', i.index + 1, i.index === i.count - 1)}<button type="button" class="remove" data-list="${attr(listPath)}" data-index="${i.index}" aria-label="Remove ${name}">Remove</button></div>`;
  const anchorAttr = anchor ? markup` data-anchor="${anchor}"` : '';
  return markup`<fieldset class="item" id="${attr(i.id)}"${anchorAttr}><legend>${name}</legend>${messageSlot(i.id, messages)}${controls}\n${joinHtml(i.children.map(render), '\n')}</fieldset>`;
}
