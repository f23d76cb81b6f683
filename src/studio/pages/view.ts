// What the studio's toolbar chooses: what to show, at which width, in which colours. It lives
// in the query string (?show=email&width=mobile&scheme=dark), so every view has its own address.
export const SHOWS = { email: 'Email', text: 'Plain text', source: 'HTML source' } as const;
export const WIDTHS = { desktop: 'Desktop', mobile: 'Mobile (375 px)' } as const;
export const SCHEMES = { light: 'Light', dark: 'Dark (the email’s own styles)', inverted: 'Forced dark (Gmail, Outlook.com)' } as const;

export interface PreviewView {
  show: keyof typeof SHOWS;
  width: keyof typeof WIDTHS;
  scheme: keyof typeof SCHEMES;
}

export const DEFAULT_VIEW: PreviewView = { show: 'email', width: 'desktop', scheme: 'light' };

export function parseView(query: URLSearchParams): PreviewView {
  const pick = <T extends object>(name: string, options: T, fallback: keyof T): keyof T => {
    const value = query.get(name);
    return value !== null && Object.hasOwn(options, value) ? (value as keyof T) : fallback;
  };
  return {
    show: pick('show', SHOWS, DEFAULT_VIEW.show),
    width: pick('width', WIDTHS, DEFAULT_VIEW.width),
    scheme: pick('scheme', SCHEMES, DEFAULT_VIEW.scheme),
  };
}

/** The query string of a view, leaving out what is the default. */
export function viewQuery(view: PreviewView): string {
  const parts = (Object.keys(DEFAULT_VIEW) as (keyof PreviewView)[])
    .filter((k) => view[k] !== DEFAULT_VIEW[k])
    .map((k) => `${k}=${view[k]}`);
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The email as its own document in a colour scheme: dark turns on its prefers-color-scheme: dark
 * rules; inverted does what Gmail and Outlook.com do to emails without dark styles. */
export function emailInScheme(html: string, scheme: PreviewView['scheme']): string {
  const base = '<base target="_blank">';
  let out = html;
  if (scheme === 'dark') {
    out = out
      .replace(/@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)/g, '@media all')
      .replace(/@media\s*\(\s*prefers-color-scheme\s*:\s*light\s*\)/g, '@media not all');
  }
  const inversion =
    scheme === 'inverted'
      ? '<style>html{filter:invert(1) hue-rotate(180deg);background:#fff}img,video{filter:invert(1) hue-rotate(180deg)}</style>'
      : '';
  const headAt = out.search(/<head[^>]*>/i);
  if (headAt < 0) return `${base}${inversion}${out}`;
  const end = out.indexOf('>', headAt) + 1;
  return `${out.slice(0, end)}${base}${inversion}${out.slice(end)}`;
}
