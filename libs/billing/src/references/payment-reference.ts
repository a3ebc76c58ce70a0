import { formatRf, rfReference } from './creditor-reference';
import { ogmReference } from './ogm-reference';

/** The organisation's choice in its billing settings. */
export type PaymentReferenceScheme = 'rf' | 'ogm';

/** Sequences fit both schemes' ten-digit bodies. */
const MAX_SEQUENCE = 9_999_999_999n;

/**
 * The printed reference for a payable document, from a sequence that never repeats: the RF body
 * is the sequence padded to ten digits and the OGM base is the sequence itself, so two sequences
 * never share a reference in either scheme (and a reference leads back to its sequence).
 */
export function paymentReferenceFor(scheme: PaymentReferenceScheme, sequence: number | bigint): string {
  if (typeof sequence === 'number' && !Number.isSafeInteger(sequence))
    throw new Error(`Not a sequence value: ${sequence}`);
  const value = BigInt(sequence);
  if (value < 1n || value > MAX_SEQUENCE)
    throw new Error(`A payment reference sequence is 1 to ${MAX_SEQUENCE}, got ${value}`);
  switch (scheme) {
    case 'rf':
      return formatRf(rfReference(String(value).padStart(10, '0')));
    case 'ogm':
      return ogmReference(value);
    default:
      throw new Error(`Unknown payment reference scheme: ${String(scheme satisfies never)}`);
  }
}
