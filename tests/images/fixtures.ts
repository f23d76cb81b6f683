// Pictures made by sharp itself for the tests, instead of binaries in the repository: a phone photo
// with EXIF (GPS, a camera, orientation 6: taken sideways) and a flat two-colour logo.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { makeDraft, tempProject, type TempProject } from '../helpers/project.js';

/** A photo of `width` × `height` stored pixels with camera EXIF and a GPS position, turned by orientation 6. */
export async function phonePhoto(width = 1512, height = 2016, quality = 92, sigma = 12, grain = 4): Promise<Buffer> {
  // Noise, so the JPEG weighs what a real photo does (a flat colour compresses to nothing).
  // Made at 1/grain of the size and scaled up: generating noise pixel by pixel is slow (the bench takes grain 1, a real photo's weight).
  const noise = await sharp({
    create: {
      width: Math.ceil(width / grain),
      height: Math.ceil(height / grain),
      channels: 3,
      background: '#7a9cc6',
      noise: { type: 'gaussian', mean: 128, sigma },
    },
  })
    .resize(width, height, { kernel: 'nearest' })
    .png({ compressionLevel: 1 })
    .toBuffer();
  return sharp(noise)
    .composite([
      {
        input: Buffer.from(
          `<svg width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 3}" r="${width / 4}" fill="#d4351c"/></svg>`,
        ),
      },
    ])
    .jpeg({ quality })
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'PhoneMaker', Model: 'Phone 12' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 29/1 5400/100', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 3000/100' },
    })
    .toBuffer();
}

/** A flat logo: a blue box with a white bar, on a transparent background. */
export async function flatLogo(width = 480, height = 144): Promise<Buffer> {
  const svg = `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg"><rect width="${width}" height="${height}" rx="12" fill="#ffffff"/><rect x="16" y="16" width="${height - 32}" height="${height - 32}" fill="#1d70b8"/><rect x="${height}" y="${height / 2 - 10}" width="${width - height - 24}" height="20" fill="#0b0c0c"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** April 2022 as a draft with the Panel's logo in the masthead and a photo on its first article. */
export async function aprilWithPictures(photo?: Buffer): Promise<TempProject> {
  const project = await tempProject();
  await addPictures(project, photo);
  return project;
}

/** Make a copy's April a draft with the logo and the photo (for runPreview's `prepare`). */
export async function addPictures(project: TempProject, photo?: Buffer): Promise<void> {
  await makeDraft(project);
  await mkdir(path.join(project.root, 'content/images'), { recursive: true });
  await mkdir(path.join(project.root, 'content/issues/2022-04/images'), { recursive: true });
  await writeFile(path.join(project.root, 'content/images/panel-logo.png'), await flatLogo());
  await writeFile(path.join(project.root, 'content/issues/2022-04/images/residential-setting.jpg'), photo ?? (await phonePhoto()));
  await project.edit(
    'content/newsletter.yaml',
    /^organisation: /m,
    'masthead:\n  logo:\n    src: panel-logo.png\n    alt: Child Safeguarding Practice Review Panel\norganisation: ',
  );
  await project.edit(
    'content/issues/2022-04/issue.yaml',
    '    contents: National review into safeguarding children with disabilities and complex health needs in residential settings\n',
    '    contents: National review into safeguarding children with disabilities and complex health needs in residential settings\n    image:\n      src: residential-setting.jpg\n      alt: An empty corridor of a residential home, with doors to the bedrooms\n      caption: A residential setting (posed by models)\n',
  );
}

/** An animated GIF of two frames. */
export async function animatedGif(width = 300, height = 200): Promise<Buffer> {
  const frame = (c: string) =>
    sharp({ create: { width, height, channels: 3, background: c } })
      .png()
      .toBuffer();
  return sharp([await frame('#d4351c'), await frame('#00703c')], { join: { animated: true } })
    .gif()
    .toBuffer();
}

/** A PNG whose header says it is `width` × `height` pixels, with no pixels at all: refused before anything is decoded. */
export function hugePngHeader(width = 20000, height = 20000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(1 + width * 3))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}
