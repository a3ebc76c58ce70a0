/**
 * File checks made in the browser before an upload, so people learn at once that a file will be
 * refused. The server has the last word: it looks at the bytes, not at names or MIME types.
 */
export const MB = 1024 * 1024;

export interface FileKind {
  /** For `<input accept>`. */
  accept: string;
  /** What people are told, e.g. "PDF, JPEG or PNG". */
  label: string;
  mimeTypes: readonly string[];
  extensions: readonly string[];
  maxBytes: number;
}

export const DOCUMENT_FILES: FileKind = {
  accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png',
  label: 'PDF, JPEG or PNG',
  mimeTypes: ['application/pdf', 'image/jpeg', 'image/png'],
  extensions: ['pdf', 'jpg', 'jpeg', 'png'],
  maxBytes: 10 * MB,
};

export const PHOTO_FILES: FileKind = {
  accept: '.jpg,.jpeg,.png,image/jpeg,image/png',
  label: 'JPEG or PNG',
  mimeTypes: ['image/jpeg', 'image/png'],
  extensions: ['jpg', 'jpeg', 'png'],
  maxBytes: 5 * MB,
};

export const MAX_DOCUMENTS = 10;

function extension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot === -1 ? '' : name.slice(dot + 1).toLowerCase();
}

/** Why `file` cannot be sent as `kind`, or null when it looks fine. */
export function fileProblem(file: File, kind: FileKind): string | null {
  const typeOk = kind.mimeTypes.includes(file.type) || kind.extensions.includes(extension(file.name));
  if (!typeOk) return `${file.name} is not a ${kind.label} file.`;
  if (file.size > kind.maxBytes) return `${file.name} is larger than ${formatBytes(kind.maxBytes)}.`;
  if (file.size === 0) return `${file.name} is empty.`;
  return null;
}

/** "PDF", "JPEG", "PNG" for the file list. */
export function fileTypeLabel(file: { name: string; type: string }): string {
  if (file.type === 'application/pdf') return 'PDF';
  if (file.type === 'image/jpeg') return 'JPEG';
  if (file.type === 'image/png') return 'PNG';
  return extension(file.name).toUpperCase() || 'File';
}

const sizeFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });

/** 1536 → "1.5 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < MB) return `${sizeFormat.format(bytes / 1024)} KB`;
  return `${sizeFormat.format(bytes / MB)} MB`;
}
