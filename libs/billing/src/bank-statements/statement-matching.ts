import { createHash } from 'node:crypto';
import { findStructuredReferences } from '../references/find-structured-references';
import type { BankStatementLine } from './bank-statement.types';

/**
 * The structured references (RF or OGM, in the printed form documents store, as
 * paymentReferenceFor gives it) a line names: the structured remittance field first, then any in
 * the free text, each once. Check digits are verified, so each is a real reference, but not
 * necessarily one of ours: the reconciler looks them up among open documents.
 */
export function referencesIn(line: Pick<BankStatementLine, 'structuredReference' | 'remittanceText'>): string[] {
  const found = [line.structuredReference, line.remittanceText]
    .filter((text): text is string => text !== null)
    .flatMap((text) => findStructuredReferences(text).map((f) => f.reference));
  return [...new Set(found)];
}

/** SHA-256 of the uploaded file, hex: the same file uploaded twice is recognised before parsing. */
export function fileFingerprint(bytes: Buffer | Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
