// A picture's file field in the editor form: the file name (an ordinary field, so typing one works
// too), a button to choose a file and a place to drop one, a thumbnail, and Remove picture. The
// file is saved into the images/ folder as soon as it is chosen (pictures.ts); the issue's
// `image:` changes only in the form, and is written with Save like any other change. The script is
// browser/pictures.js.
import type { FormField } from '../../form.js';
import { type Html, markup } from '../../../page/html.js';

const attr = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** The controls after the file name's input; `issue` is the issue whose images/ folder takes the file. */
export function imageTools(f: FormField): Html {
  const block = f.path.slice(0, -1);
  const value = typeof f.value === 'string' ? f.value : '';
  return markup`<div class="picture-tools" data-picture-for="${attr(f.id)}">
<img class="picture-thumb" id="${attr(f.id)}-thumb" alt="" data-picture-name="${attr(value)}"${value ? '' : ' hidden'}>
<label class="picture-choose">Choose a picture <input type="file" accept="image/jpeg,image/png,image/gif" data-picture-input="${attr(f.id)}"></label>
<p class="picture-drop" data-picture-drop="${attr(f.id)}">or drop a JPEG, PNG or GIF file here. It is saved in the issue's images/ folder; the issue changes when you save.</p>
<p class="hint">Alt text: say what the picture means in the newsletter, not what it looks like (<a href="https://www.gov.uk/guidance/content-design/images" rel="noopener" target="_blank">GOV.UK guidance on images</a>). Tick Decorative if it adds nothing.</p>
<input type="hidden" data-path="${attr(block)}" data-optional="true" data-kind="text" value="" data-picture-block="${attr(f.id)}">
<button type="button" class="picture-remove" data-picture-remove="${attr(f.id)}"${value ? '' : ' hidden'}>Remove picture</button>
<p class="picture-status" id="${attr(f.id)}-status" role="status"></p>
</div>`;
}
