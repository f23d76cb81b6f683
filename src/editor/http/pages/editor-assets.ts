// The editor page's style and its one script, in src/editor/http/browser/, allowed by hash like
// every studio script (no inline handlers, no eval). The script turns each change of a field into an
// edit of its path, asks the server to validate and render the edited issue (debounced), shows the
// messages on the fields and in the error summary, saves (showing the YAML diff of what changed),
// and reorders list items.
import { browserFile } from '../../../page/assets.js';
import { studioCss } from '../../../page/studio-assets.js';

export const editorCss = (): string => `${studioCss()}${browserFile('editor/http/browser/editor.css')}`;
/**
 * The email frame's helper (page/browser/email-frame.js), the editor's scripts, then presence.js
 * (who else has this file open, the page's heartbeat) and pictures.js (the picture field: pages/image-field.ts).
 */
export const editorScript = (): string =>
  `${browserFile('page/browser/email-frame.js')}\n${browserFile('editor/http/browser/editor-show.js')}\n${browserFile('editor/http/browser/editor.js')}\n${browserFile('editor/http/browser/presence.js')}\n${browserFile('editor/http/browser/pictures.js')}`;
