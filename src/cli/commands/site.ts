// `build --site`: the public archive and feed into dist/site/, with PUBLIC_URL for the feed's links.
import path from 'node:path';
import type { Content } from '../../content/schema.js';
import { publicUrl } from '../../http/config.js';
import { writeSite } from '../../site/build.js';
import type { ProjectPaths } from '../../pipeline.js';
import type { Io } from '../io.js';
import { configured } from './serve.js';

export async function buildSite(paths: ProjectPaths, content: Content, io: Io, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const base = configured(() => publicUrl(env, Number(env.PORT ?? 4000)));
  if (!env.PUBLIC_URL) io.err(`PUBLIC_URL is not set: the feed's links point at ${base}. Set it to the site's address before publishing.`);
  const dir = path.join(paths.dist, 'site');
  const { files, notes } = await writeSite(dir, paths, content, base);
  for (const note of notes) io.err(`warning: ${note}`);
  io.out(`site   → ${path.relative(process.cwd(), dir) || dir}/ (${files.length} files: archive of sent issues, feed.xml)`);
}
