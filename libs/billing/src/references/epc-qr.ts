import { isValidRf } from './creditor-reference';
import { formatOgmDigits, ogmDigits } from './ogm-reference';
import { compact, mod97 } from './mod97';

export interface EpcQrInput {
  /** The beneficiary's name, at most 70 characters. */
  name: string;
  iban: string;
  bic?: string | null;
  /** In minor units (cents): 1 to 99 999 999 999. */
  amount: number;
  currency: 'EUR';
  /** A printed or electronic RF or OGM reference. */
  reference?: string | null;
  /** Free remittance text, at most 140 characters; not together with a reference. */
  text?: string | null;
}

const MAX_AMOUNT = 99_999_999_999; // EUR 999 999 999.99
const MAX_BYTES = 331;
const BIC = /^[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?$/;
const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/;

/**
 * The payload of an EPC069-12 ("SEPA Credit Transfer", version 002) QR code that banking apps
 * scan to pre-fill a transfer. Lines, joined by "\n" and ending at the last filled one:
 * BCD · 002 · 1 (UTF-8) · SCT · BIC · name · IBAN · EUR12.34 · purpose · structured remittance
 * (an ISO 11649 RF reference) · unstructured remittance. The standard allows one remittance or
 * the other, not both; an OGM is no ISO 11649 reference, so it goes as the unstructured text,
 * where Belgian banks recognise its +++…+++ form. Invalid input throws: it is a caller's bug.
 */
export function epcQrPayload(input: EpcQrInput): string {
  if (input.currency !== 'EUR') throw new Error(`An EPC QR code is for euro transfers only, got ${input.currency}`);
  if (!Number.isSafeInteger(input.amount) || input.amount < 1 || input.amount > MAX_AMOUNT) {
    throw new Error(`An EPC QR amount is 1 to ${MAX_AMOUNT} cents, got ${input.amount}`);
  }
  const name = singleLine(input.name);
  if (name.length === 0 || name.length > 70)
    throw new Error(`An EPC QR beneficiary name is 1 to 70 characters, got ${name.length}`);
  const iban = compact(input.iban);
  if (!IBAN.test(iban) || mod97(`${iban.slice(4)}${iban.slice(0, 4)}`) !== 1)
    throw new Error(`Not an IBAN: ${input.iban}`);
  const bic = compact(input.bic ?? '');
  if (bic && !BIC.test(bic)) throw new Error(`Not a BIC: ${input.bic}`);

  const reference = input.reference ? compact(input.reference) : '';
  const text = singleLine(input.text ?? '');
  if (reference && text) throw new Error('An EPC QR code carries a reference or a text, not both');
  if (text.length > 140) throw new Error(`An EPC QR remittance text is at most 140 characters, got ${text.length}`);
  let structured = '';
  let unstructured = text;
  if (reference && isValidRf(reference)) structured = reference;
  else if (reference) {
    const ogm = ogmDigits(reference);
    if (!ogm) throw new Error(`Not an RF or OGM reference: ${input.reference}`);
    unstructured = formatOgmDigits(ogm);
  }

  const lines = ['BCD', '002', '1', 'SCT', bic, name, iban, `EUR${euros(input.amount)}`, '', structured, unstructured];
  while (lines[lines.length - 1] === '') lines.pop();
  const payload = lines.join('\n');
  if (Buffer.byteLength(payload, 'utf8') > MAX_BYTES)
    throw new Error(`An EPC QR payload is at most ${MAX_BYTES} bytes`);
  return payload;
}

/** 123456 → "1234.56": the decimal point and two decimals, no grouping. */
function euros(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** A line break inside a field would shift every later field: fold all white space to one space. */
function singleLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
