// What body text may contain: Markdown, not HTML, and links only to https:, http: or mailto:.
// The renderer strips anything else too; this makes the author hear about it first.
export const SAFE_LINK = /^(https?:|mailto:)/i;
export const RAW_HTML = /<\/?[a-z][a-z0-9-]*(\s[^>]*)?\/?>/i;
const LINK_TARGET = /\]\(\s*<?([^)\s>]+)|<([a-z][a-z0-9+.-]*:[^>\s]*)>/gi;

/** Why a Markdown field is unsafe, or undefined when it is fine. */
export function unsafeMarkdown(source: string): string | undefined {
  const tag = RAW_HTML.exec(source);
  if (tag) return `contains HTML (${tag[0].slice(0, 40)}) — write Markdown instead: **bold**, [link text](https://…), "- " for lists`;
  for (const m of source.matchAll(LINK_TARGET)) {
    const target = m[1] ?? m[2] ?? '';
    if (!SAFE_LINK.test(target) && !target.startsWith('#')) return `links to "${target.slice(0, 40)}" — links must start with https:// or mailto:`;
  }
  return undefined;
}
