/** Characters never kept in a stored or served file name. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff<>:"/\\|?*;]/g;
const MAX_STEM = 100;

/**
 * The name a stored file is shown and served under: the uploaded name without any path, control,
 * bidi or reserved characters, shortened, and with the extension of the type detected from its
 * bytes (a PNG uploaded as "scan.pdf" becomes "scan.png").
 */
export function sanitiseFilename(original: string, extension: string, fallback = 'file'): string {
  const base = original.split(/[/\\]/).pop() ?? '';
  let stem = base
    .normalize('NFC')
    .replace(UNSAFE, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\.[A-Za-z0-9]{1,5}$/, '')
    .replace(/^[.\s_]+/, '')
    .replace(/[.\s]+$/, '');
  stem = Array.from(stem).slice(0, MAX_STEM).join('').trim();
  return `${stem || fallback}.${extension}`;
}

/** RFC 5987 value: percent-encodes everything outside attr-char. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<UTF-8 name>` (RFC 6266), for a name
 * already passed through sanitiseFilename.
 */
export function contentDisposition(disposition: 'attachment' | 'inline', filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeRfc5987(filename)}`;
}
