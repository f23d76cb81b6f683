// The campaign's pictures in Mailchimp's File Manager. Each processed picture (named by the hash of
// its bytes) is uploaded once, into a folder for the issue that first uses it, and the store keeps
// its id and public address: publishing again, or the next issue with the same logo, uploads
// nothing. The campaign HTML points at those addresses; the approved snapshot keeps /images/<hash>,
// so the content hash is the same everywhere. Nothing here deletes a file, so a sent email's
// pictures stay where it points.
import { NewsletterError } from '../errors.js';
import type { MailchimpClient } from '../mailchimp/index.js';
import { imageAddresses, imageNames } from '../render/images.js';
import type { Store } from '../state/store.js';

/** The bytes of a processed picture, by name (the cache or a sent record: src/archive/pictures.ts). */
export type PictureSource = (name: string) => Promise<Uint8Array | undefined>;

export interface HostContext {
  client: MailchimpClient;
  store: Store;
  issueId: string;
  pictures?: PictureSource;
  progress: (line: string) => void;
}

/** The HTML with each picture at its File Manager address, uploading those not uploaded yet. */
export async function hostedHtml(ctx: HostContext, html: string): Promise<string> {
  const names = imageNames(html);
  if (names.length === 0) return html;
  const urls = new Map<string, string>();
  for (const name of names) {
    const known = ctx.store.hostedFiles.get(name);
    if (known) {
      urls.set(name, known.url);
      continue;
    }
    const bytes = await ctx.pictures?.(name);
    if (!bytes)
      throw new NewsletterError(
        'picture-missing',
        `the picture ${name} of ${ctx.issueId} is not in the tool's picture cache, so it cannot be uploaded to Mailchimp`,
        {
          hint: `run \`newsletter check ${ctx.issueId}\` to process the issue's pictures again, then publish again`,
        },
      );
    const folderId = await folderFor(ctx);
    const file = await ctx.client.uploadFile({ name, folderId, bytes });
    ctx.store.hostedFiles.record({ name, fileId: file.id, url: file.url, folderId, issue: ctx.issueId });
    ctx.progress(`      uploaded ${name} (${Math.round(bytes.length / 1024)} KB) to the File Manager`);
    urls.set(name, file.url);
  }
  return imageAddresses(html, (name) => urls.get(name)!);
}

async function folderFor(ctx: HostContext): Promise<number> {
  const known = ctx.store.hostedFiles.folder(ctx.issueId);
  if (known !== undefined) return known;
  const id = await ctx.client.createFolder(`panel-newsletter ${ctx.issueId}`);
  ctx.store.hostedFiles.recordFolder(ctx.issueId, id);
  return id;
}
