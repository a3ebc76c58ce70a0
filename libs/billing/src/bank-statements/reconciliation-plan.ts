import type { DocumentKind, DocumentState } from '../billing-document-state';
import { isPayable, isSettledByAllocation } from '../billing-document-state';
import type { BankStatementLine } from './bank-statement.types';
import type { PayerNames } from './payer-names';

/** A document of ours a line may pay, as the reconciler sees it. */
export interface CandidateDocument {
  id: string;
  memberId: string;
  kind: DocumentKind;
  state: DocumentState;
  currency: string;
  paymentReference: string | null;
  /** Minor units still owed. */
  amountDue: number;
  /** The buyer as billed on the document. */
  buyerName: string;
}

export type LineDecision =
  | { kind: 'ignore' }
  /** Recorded at once: a payment of the line's amount allocated to the document (the rest is credit). */
  | { kind: 'match'; document: CandidateDocument }
  | { kind: 'suggest'; document: CandidateDocument }
  | { kind: 'review'; referenceDocument: CandidateDocument | null };

/** Payments are int minor units: a larger credit is for a person to look at. */
const MAX_PAYMENT = 2_147_483_647;

/**
 * Whether money quoting this document's reference belongs to its member: a document that is owed
 * (an open or partly paid invoice, an open pro-forma), or one paid already or confirmed into its
 * invoice — a second payment of a paid invoice is still theirs and becomes credit. A credited,
 * declined or cancelled document asks for a person.
 */
function takesPayment(document: CandidateDocument): boolean {
  return (
    isPayable(document.kind, document.state) ||
    (isSettledByAllocation(document.kind) && document.state === 'paid') ||
    (document.kind === 'pro-forma' && document.state === 'confirmed')
  );
}

/**
 * What to do with one line: debits are not payments to us; a reference naming one of our
 * documents in the line's currency is matched; otherwise a unique payable document of exactly
 * the amount, billed to the payer's name, is suggested; everything else goes to review (with the
 * document its reference named, if any, as a hint).
 */
export function decideLine(
  line: Pick<BankStatementLine, 'direction' | 'amount' | 'currency' | 'counterpartyName'>,
  references: readonly string[],
  byReference: ReadonlyMap<string, CandidateDocument>,
  /** Payable documents owing the line's amount in its currency. */
  owingAmount: readonly CandidateDocument[],
  names: PayerNames,
): LineDecision {
  if (line.direction === 'debit') return { kind: 'ignore' };
  const named = references.map((reference) => byReference.get(reference)).filter((d) => d !== undefined);
  const payable = line.amount <= MAX_PAYMENT;
  const matched = named.find((document) => document.currency === line.currency && takesPayment(document));
  if (matched && payable) return { kind: 'match', document: matched };
  if (named.length > 0) return { kind: 'review', referenceDocument: matched ?? named[0] };
  const suggestions = owingAmount.filter(
    (document) =>
      isPayable(document.kind, document.state) &&
      document.currency === line.currency &&
      document.amountDue === line.amount &&
      names.matches(line.counterpartyName, document.buyerName),
  );
  if (suggestions.length === 1 && payable) return { kind: 'suggest', document: suggestions[0] };
  return { kind: 'review', referenceDocument: null };
}
