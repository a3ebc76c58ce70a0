import { mod97 } from '../references/mod97';
import { BankStatementError, MAX_STATEMENT_BYTES } from './bank-statement.types';

export type StatementEncoding = 'utf-8' | 'latin1';

/**
 * The text of an uploaded file. `latin1` is decoded as Windows-1252, as the WHATWG label does: it
 * is what "ANSI" exports from French and Belgian banks really are (€ is 0x80 there), and it agrees
 * with ISO 8859-1 on every printable character. A UTF-8 byte order mark is dropped.
 */
export function decodeStatementText(input: string | Buffer, encoding: StatementEncoding): string {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_STATEMENT_BYTES) {
    throw new BankStatementError(
      `The file is too large (${Math.ceil(size / 1024 / 1024)} MB; at most ${MAX_STATEMENT_BYTES / 1024 / 1024} MB)`,
    );
  }
  if (typeof input === 'string') return input.replace(/^\uFEFF/, '');
  try {
    return new TextDecoder(encoding === 'latin1' ? 'windows-1252' : 'utf-8', { fatal: true, ignoreBOM: false }).decode(
      input,
    );
  } catch {
    throw new BankStatementError('The file is not valid UTF-8 text; if it comes from an older export, try Latin-1');
  }
}

/** Trimmed, inner white space collapsed; null when nothing is left. */
export function cleanText(text: string | null | undefined): string | null {
  const cleaned = text?.replace(/\s+/g, ' ').trim();
  return cleaned ? cleaned : null;
}

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/** The compact IBAN if `text` is a valid one (ISO 13616 check digits), else null: a CSV column may hold anything. */
export function validIban(text: string | null | undefined): string | null {
  const compact = text?.replace(/[\s-]+/g, '').toUpperCase();
  if (!compact || !IBAN.test(compact)) return null;
  return mod97(`${compact.slice(4)}${compact.slice(0, 4)}`) === 1 ? compact : null;
}
