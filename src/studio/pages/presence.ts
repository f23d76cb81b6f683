// "Priya Shah is editing this issue": who has the issue's editor open now, on its studio page,
// in a live block (its data-render names them) so it changes as people come and go. Pure.
import { editingWords } from '../../editor/http/presence.js';
import type { Person } from '../../http/person.js';
import { type Html, markup } from '../../page/html.js';

export function presenceLine(id: string, people: readonly Person[]): Html {
  const said = editingWords(people);
  const key = people.map((p) => p.name).join('|');
  return markup`<div id="presence" data-render="${key}">${said ? markup`<p class="notice">${said}: <a href="/issues/${id}/edit/">open the editor</a> to work with them; saves are merged, and where you both change the same thing you are asked to choose.</p>` : ''}</div>`;
}
