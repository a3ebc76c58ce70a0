/** The only kinds of file the portal stores. */
export type AllowedContentType = 'application/pdf' | 'image/png' | 'image/jpeg';

export interface DetectedFile {
  contentType: AllowedContentType;
  extension: 'pdf' | 'png' | 'jpg';
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const SIGNATURES: { magic: Buffer; file: DetectedFile }[] = [
  { magic: Buffer.from('%PDF-', 'latin1'), file: { contentType: 'application/pdf', extension: 'pdf' } },
  { magic: PNG_SIGNATURE, file: { contentType: 'image/png', extension: 'png' } },
  { magic: Buffer.from([0xff, 0xd8, 0xff]), file: { contentType: 'image/jpeg', extension: 'jpg' } },
];

/**
 * What a file is, judged by its first bytes only: the name and the declared type come from the
 * client and prove nothing. Anything not allowed (SVG, HTML, executables, archives…) is null.
 */
export function detectFileType(bytes: Buffer): DetectedFile | null {
  const match = SIGNATURES.find(({ magic }) => bytes.subarray(0, magic.length).equals(magic));
  return match ? { ...match.file } : null;
}

/** Pixel size of a PNG or JPEG, or null when it cannot be read from the headers. */
export function imageSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return pngSize(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xd8) return jpegSize(bytes);
  return null;
}

/** The first chunk must be IHDR: width and height are its first two 32-bit fields. */
function pngSize(bytes: Buffer) {
  if (bytes.length < 24 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return sized(bytes.readUInt32BE(16), bytes.readUInt32BE(20));
}

/** Start-of-frame markers (SOF0–SOF15, except DHT C4, JPG C8 and DAC CC) carry the frame size. */
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
/** Markers with no length field: TEM, RST0–7 and SOI. */
const isStandalone = (marker: number) => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd8);

/** Walks the marker segments up to the frame header; gives up at scan data, end of image or a bad length. */
function jpegSize(bytes: Buffer) {
  let offset = 2;
  while (offset + 1 < bytes.length) {
    if (bytes[offset] !== 0xff) return null;
    const marker = bytes[offset + 1];
    if (marker === 0xff) {
      offset += 1; // fill byte before a marker
      continue;
    }
    if (isStandalone(marker)) {
      offset += 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9 || offset + 4 > bytes.length) return null;
    const length = bytes.readUInt16BE(offset + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (offset + 9 > bytes.length) return null;
      return sized(bytes.readUInt16BE(offset + 7), bytes.readUInt16BE(offset + 5));
    }
    offset += 2 + length;
  }
  return null;
}

function sized(width: number, height: number) {
  return width > 0 && height > 0 ? { width, height } : null;
}
