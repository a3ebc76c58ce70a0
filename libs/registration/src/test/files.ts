/**
 * The bytes detectFileType and imageSize read, and nothing more: enough for the domain's own
 * tests (the e2e journeys upload real, decodable files from e2e/support/fixtures.ts).
 */
export function pngHeader(width: number, height: number, padTo = 0): Buffer {
  const header = Buffer.alloc(Math.max(33, padTo));
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(header);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  return header;
}

/** SOI, then a baseline frame header (SOF0) with the size. */
export function jpegHeader(width: number, height: number, padTo = 0): Buffer {
  const frame = [0xff, 0xc0, 0, 11, 8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0];
  const bytes = Buffer.alloc(Math.max(15, padTo));
  Buffer.from([0xff, 0xd8, ...frame]).copy(bytes);
  return bytes;
}

export function pdfHeader(padTo = 0, note = ''): Buffer {
  const text = `%PDF-1.7\n%${note}\n`;
  const bytes = Buffer.alloc(Math.max(Buffer.byteLength(text), padTo), 0x20);
  bytes.write(text, 0, 'latin1');
  return bytes;
}

export const MiB = 1024 * 1024;
