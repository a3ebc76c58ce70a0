/**
 * A bank statement as read from a file, before anything is stored or reconciled: the common shape
 * of CAMT.053 and CSV imports. Amounts are integer minor units, always positive, with a direction.
 */
export interface BankStatementLine {
  /** Stable and unique within the statement: the bank's reference, or a hash when it gives none. */
  lineKey: string;
  /** YYYY-MM-DD, the date as the bank wrote it (no time zone conversion). */
  bookingDate: string;
  valueDate: string | null;
  /** Minor units of `currency`, positive; `direction` says which way the money went. */
  amount: number;
  direction: 'credit' | 'debit';
  currency: string;
  /** The payer for a credit, the payee for a debit. */
  counterpartyName: string | null;
  /** Compact and upper case, and only if it is a valid IBAN. */
  counterpartyIban: string | null;
  /** The structured remittance as the bank gave it (CAMT `Strd/CdtrRefInf/Ref`); see referencesIn. */
  structuredReference: string | null;
  /** Free text: CAMT `Ustrd` lines joined by a space, or the CSV communication column. */
  remittanceText: string | null;
  endToEndId: string | null;
  /** The bank's own reference for the transaction (CAMT `AcctSvcrRef`, a CSV reference column). */
  bankReference: string | null;
}

export interface BankStatement {
  format: 'camt053' | 'csv';
  statementId: string | null;
  accountIban: string | null;
  currency: string | null;
  /** As the bank wrote it (CAMT `CreDtTm`, an ISO 8601 date-time); null for CSV. */
  createdAt: string | null;
  /** Signed minor units (negative when the account is overdrawn). */
  openingBalance: number | null;
  closingBalance: number | null;
  lines: BankStatementLine[];
}

/**
 * Why a file cannot be read as a statement, as the field error's `code`: stable for clients (the
 * SPA words it in the reader's language) while `message` gives the detail in English.
 */
export type BankStatementErrorCode =
  | 'bankStatementUnreadable'
  | 'bankStatementLineInvalid'
  | 'bankStatementTooLong'
  | 'bankStatementMappingMismatch'
  | 'bankStatementOtherAccount';

/** A file that cannot be read as a statement; `message` says what is wrong, for the person uploading it. */
export class BankStatementError extends Error {
  constructor(
    message: string,
    readonly code: BankStatementErrorCode = 'bankStatementUnreadable',
  ) {
    super(message);
    this.name = 'BankStatementError';
  }
}

/** A line (entry, transaction, CSV row) that cannot be read: `subject` names it in `message`. */
export const invalidLine = (message: string) => new BankStatementError(message, 'bankStatementLineInvalid');

/** Larger files are refused before parsing: a year of daily statements of a busy account fits easily. */
export const MAX_STATEMENT_BYTES = 64 * 1024 * 1024;
/** Lines (CAMT transaction details or CSV rows) in one statement. */
export const MAX_STATEMENT_LINES = 50_000;
