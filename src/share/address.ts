// Where a share link points, and what the person making it should know about that address: one
// answer for the CLI (`newsletter share`) and the studio's Share button.
import path from 'node:path';
import { publicUrl } from '../http/config.js';
import { type RunningServer, secretId } from '../http/running.js';

export interface ShareAddress {
  /** Where links point, without a trailing slash. */
  base: string;
  /** What the person should know about that address, when it is not PUBLIC_URL. */
  note?: string;
}

/** What the CLI and the studio say of a share link to a server on loopback: partners cannot open it. */
export function onThisComputerOnly(serverUrl: string): string {
  return `This address works on this computer only, while the server at ${serverUrl} runs. Set PUBLIC_URL to where \`newsletter serve --public\` is reachable for partners.`;
}

/** Whether links to this base open only on this computer. */
function isLoopback(base: string): boolean {
  const host = new URL(base).hostname;
  return host === '127.0.0.1' || host === 'localhost' || host === '[::1]';
}

/** Where a share link should point: PUBLIC_URL, else a running server that would accept it. */
export function shareAddress(env: NodeJS.ProcessEnv, servers: RunningServer[], uses: { db: string; secret: string }): ShareAddress {
  if (env.PUBLIC_URL?.trim()) return { base: publicUrl(env, 0) };
  const id = secretId(uses.secret);
  const db = path.resolve(uses.db);
  const fits = servers
    .filter((s) => s.db === db && s.secretId === id)
    .sort((a, b) => (a.mode === b.mode ? 0 : a.mode === 'public' ? -1 : 1));
  const [server] = fits;
  if (server)
    return {
      base: server.url,
      note: onThisComputerOnly(server.url),
    };
  const port = Number(env.PORT ?? 4000);
  const base = publicUrl(env, port);
  const others = servers.map((s) => s.url).join(', ');
  return {
    base,
    note: others
      ? `The preview server at ${others} uses another PREVIEW_SECRET or NEWSLETTER_DB and would refuse this link: make links with the same settings as the server. This address needs \`newsletter serve --public --port ${port}\`.`
      : `No preview server is running: this link opens on this computer once \`newsletter serve --public --port ${port}\` runs. Set PUBLIC_URL to where partners can reach it.`,
  };
}

/** The studio's address for its links: its own PUBLIC_URL, with the note when that is loopback. */
export function studioShareAddress(base: string): ShareAddress {
  return isLoopback(base) ? { base, note: onThisComputerOnly(base) } : { base };
}
