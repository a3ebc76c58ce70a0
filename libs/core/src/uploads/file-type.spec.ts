import { crc32, deflateSync } from 'node:zlib';
import { detectFileType, imageSize } from './file-type';

/** A real, decodable PNG: RGB, 8 bits, every pixel red. */
function png(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([length, typed, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([255, 0, 0]))]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const segment = (marker: number, body: number[]) => [
  0xff,
  marker,
  (body.length + 2) >> 8,
  (body.length + 2) & 0xff,
  ...body,
];

/**
 * A real, decodable baseline JPEG: grayscale, width × 8 pixels, all mid-grey. One-code Huffman
 * tables (DC category 0, AC end-of-block) make each 8×8 block two bits of scan data.
 */
function jpeg(width: number, options: { frameMarker?: number; beforeFrame?: number[] } = {}): Buffer {
  const blocks = width / 8;
  const oneCodeTable = (tableClass: number) => [tableClass, 1, ...Array(15).fill(0), 0];
  const scanBits = '00'.repeat(blocks).padEnd(Math.ceil((2 * blocks) / 8) * 8, '1');
  const scan = scanBits.match(/.{8}/g)!.map((byte) => parseInt(byte, 2));
  return Buffer.from([
    0xff,
    0xd8,
    ...segment(0xe0, [...Buffer.from('JFIF\0', 'latin1'), 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...(options.beforeFrame ?? []),
    ...segment(0xdb, [0, ...Array(64).fill(1)]),
    ...segment(0xc4, oneCodeTable(0x00)),
    ...segment(0xc4, oneCodeTable(0x10)),
    ...segment(options.frameMarker ?? 0xc0, [8, 0, 8, width >> 8, width & 0xff, 1, 1, 0x11, 0]),
    ...segment(0xda, [1, 1, 0, 0, 63, 0]),
    ...scan,
    0xff,
    0xd9,
  ]);
}

const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('detectFileType', () => {
  it('recognises PDF, PNG and JPEG by their magic bytes', () => {
    expect(detectFileType(pdf)).toEqual({ contentType: 'application/pdf', extension: 'pdf' });
    expect(detectFileType(png(3, 2))).toEqual({ contentType: 'image/png', extension: 'png' });
    expect(detectFileType(jpeg(16))).toEqual({ contentType: 'image/jpeg', extension: 'jpg' });
  });

  it.each([
    ['SVG', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['HTML', '<!doctype html><html><body>%PDF-</body></html>'],
    ['a PDF header that does not start the file', ' %PDF-1.4'],
    ['ELF executable', '\x7fELF\x02\x01\x01'],
    ['Windows executable', 'MZ\x90\x00\x03'],
    ['zip (and so docx, odt)', 'PK\x03\x04\x14\x00'],
    ['GIF', 'GIF89a\x01\x00\x01\x00'],
    ['WebP', 'RIFF\x00\x00\x00\x00WEBPVP8 '],
    ['plain text', 'hello'],
    ['nothing', ''],
  ])('refuses %s', (_, content) => {
    expect(detectFileType(Buffer.from(content, 'latin1'))).toBeNull();
  });

  it('refuses truncated signatures', () => {
    expect(detectFileType(Buffer.from('%PDF'))).toBeNull();
    expect(detectFileType(png(1, 1).subarray(0, 7))).toBeNull();
    expect(detectFileType(Buffer.from([0xff, 0xd8]))).toBeNull();
  });
});

describe('imageSize', () => {
  it('reads the size of a PNG from IHDR', () => {
    expect(imageSize(png(3, 2))).toEqual({ width: 3, height: 2 });
    expect(imageSize(png(640, 1))).toEqual({ width: 640, height: 1 });
  });

  it('reads the size of a JPEG from its frame header, past tables before it', () => {
    expect(imageSize(jpeg(16))).toEqual({ width: 16, height: 8 });
  });

  it('skips application segments (EXIF) and fill bytes, and reads progressive frames', () => {
    const exif = segment(0xe1, [...Buffer.from('Exif\0\0', 'latin1'), ...Array(40).fill(0xff)]);
    expect(imageSize(jpeg(24, { beforeFrame: [...exif, 0xff, 0xff] }))).toEqual({ width: 24, height: 8 });
    expect(imageSize(jpeg(8, { frameMarker: 0xc2 }))).toEqual({ width: 8, height: 8 });
  });

  it('gives null for truncated images rather than throwing', () => {
    const image = jpeg(16);
    const frame = image.indexOf(Buffer.from([0xff, 0xc0]));
    for (const cut of [2, 3, 10, frame, frame + 3, frame + 8]) expect(imageSize(image.subarray(0, cut))).toBeNull();
    for (const cut of [8, 16, 23]) expect(imageSize(png(3, 2).subarray(0, cut))).toBeNull();
  });

  it('gives null for garbage, other types and images of no size', () => {
    expect(imageSize(Buffer.from('not an image'))).toBeNull();
    expect(imageSize(pdf)).toBeNull();
    expect(imageSize(Buffer.from([0xff, 0xd8, 0x00, 0x01, 0x02]))).toBeNull();
    expect(imageSize(Buffer.from([0xff, 0xd8, ...segment(0xe0, []).slice(0, 2), 0, 0]))).toBeNull(); // length 0
    expect(imageSize(Buffer.from([0xff, 0xd8, ...segment(0xda, [1, 1, 0, 0, 63, 0])]))).toBeNull(); // scan before frame
    expect(imageSize(png(0, 0))).toBeNull();
  });
});
