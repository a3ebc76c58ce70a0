/**
 * File checks made in the browser before an upload, so people learn at once that a file will be
 * refused. The server has the last word: it looks at the bytes, not at names or MIME types.
 */
import { activeLocale } from '@/i18n/locale';
import { translate } from '@/i18n/translate';

export const MB = 1024 * 1024;

export interface FileKind {
  /** For `<input accept>`. */
  accept: string;
  /** What people are told, e.g. "PDF, JPEG or PNG", in the SPA's language. */
  readonly label: string;
  mimeTypes: readonly string[];
  extensions: readonly string[];
  maxBytes: number;
}

export const DOCUMENT_FILES: FileKind = {
  accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png',
  get label() {
    return translate('format.files.documentTypes');
  },
  mimeTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  extensions: ['pdf', 'jpg', 'jpeg', 'png'],
  maxBytes: 10 * MB,
};

export const PHOTO_FILES: FileKind = {
  accept: '.jpg,.jpeg,.png,image/jpeg,image/png',
  get label() {
    return translate('format.files.photoTypes');
  },
  mimeTypes: ['image/jpeg', 'image/png'],
  extensions: ['jpg', 'jpeg', 'png'],
  maxBytes: 5 * MB,
};

/** The organisation's logo: small, as every invoice embeds it. */
export const LOGO_FILES: FileKind = {
  accept: '.jpg,.jpeg,.png,image/jpeg,image/png',
  get label() {
    return translate('format.files.photoTypes');
  },
  mimeTypes: ['image/jpeg', 'image/png'],
  extensions: ['jpg', 'jpeg', 'png'],
  maxBytes: 512 * 1024,
};

const IMAGE_SIGNATURES = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  [0xff, 0xd8, 0xff],
];

/** Whether a file starts like a PNG or a JPEG (what the server checks; a renamed text file does not). */
export async function looksLikeImage(file: Blob): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  return IMAGE_SIGNATURES.some((signature) => signature.every((byte, index) => head[index] === byte));
}

export const MAX_DOCUMENTS = 10;

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Why `file` cannot be sent as `kind`, or null when it looks fine. */
export function fileProblem(file: File, kind: FileKind): string | null {
  const typeOk = kind.mimeTypes.includes(file.type) || kind.extensions.includes(extension(file.name));
  if (!typeOk) return translate('format.files.wrongType', { name: file.name, types: kind.label });
  if (file.size > kind.maxBytes) {
    return translate('format.files.tooLarge', { name: file.name, size: formatBytes(kind.maxBytes) });
  }
  if (file.size === 0) return translate('format.files.empty', { name: file.name });
  return null;
}

/** "PDF", "JPEG", "PNG" for the file list. */
export function fileTypeLabel(file: { name: string; type: string }): string {
  if (file.type === 'application/pdf') return 'PDF';
  if (file.type === 'image/jpeg') return 'JPEG';
  if (file.type === 'image/png') return 'PNG';
  return extension(file.name).toUpperCase() || translate('format.files.file');
}

/**
 * 1536 → "1.5 kB" ("1,5 ko" in French): Intl names the units in the SPA's language. Bytes are
 * spelt out ("525 bytes", "525 octets"): CLDR's short English form is a singular "525 byte".
 */
export function formatBytes(bytes: number): string {
  const [value, unit] =
    bytes < 1024 ? [bytes, 'byte'] : bytes < MB ? [bytes / 1024, 'kilobyte'] : [bytes / MB, 'megabyte'];
  const unitDisplay = unit === 'byte' ? 'long' : 'short';
  return new Intl.NumberFormat(activeLocale.value, {
    style: 'unit',
    unit,
    unitDisplay,
    maximumFractionDigits: 1,
  }).format(value);
}
