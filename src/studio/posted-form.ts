// A form posted to one of the studio's actions or publishing steps: read within the body limits and
// checked for origin and form token (http/csrf.ts) before anything else. A refused one is answered
// here with the page that says why, and nothing is done.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { StudioSessions } from '../http/csrf.js';
import { htmlPage as page, readForm } from '../http/http.js';
import { messagePage } from '../page/frame.js';

export interface PostedForm {
  form: URLSearchParams;
  /** The browser's studio session, which the form token belongs to. */
  session: string;
}

/** The checked form, or undefined once the refusal has been answered. */
export async function readPostedForm(
  sessions: Pick<StudioSessions, 'verify'>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<PostedForm | undefined> {
  const form = await readForm(req);
  if (typeof form === 'string') {
    const status = form === 'too-large' ? 413 : 415;
    page(req, res, messagePage('The studio refused this request', 'Send the form from the issue page in the studio.'), { status });
    return undefined;
  }
  const verdict = sessions.verify(req, form.get('csrf'));
  if (!verdict.ok) {
    const why =
      verdict.why === 'origin'
        ? 'It did not come from a page of this studio, so nothing was done.'
        : 'The form has expired (the studio was restarted) or did not come from this studio, so nothing was done. Reload the issue page and try again.';
    page(req, res, messagePage('The studio refused this request', why), { status: 403 });
    return undefined;
  }
  return { form, session: verdict.session };
}
