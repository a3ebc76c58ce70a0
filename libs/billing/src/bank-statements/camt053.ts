import {
  BankStatementError,
  MAX_STATEMENT_LINES,
  type BankStatement,
  type BankStatementLine,
  invalidLine,
} from './bank-statement.types';
import { at, children, childNames, currencyAt, parseXml, textAt, textOf, type XmlElement } from './camt053-xml';
import { LineKeys } from './line-keys';
import { CAMT_AMOUNT, parseMinorUnits } from './statement-amounts';
import { parseXsdDate } from './statement-dates';
import { cleanText, decodeStatementText, validIban } from './statement-text';

/** ISO 20022 messages people upload by mistake, by the element under `Document`. */
const OTHER_MESSAGES: Record<string, string> = {
  BkToCstmrAcctRpt: 'a CAMT.052 account report',
  BkToCstmrDbtCdtNtfctn: 'a CAMT.054 debit/credit notification',
  CstmrCdtTrfInitn: 'a pain.001 credit transfer order',
  CstmrDrctDbtInitn: 'a pain.008 direct debit order',
  CstmrPmtStsRpt: 'a pain.002 payment status report',
};

type Direction = BankStatementLine['direction'];

/**
 * The one statement in a CAMT.053 file (ISO 20022 BkToCstmrStmt, camt.053.001.02 to .08; the
 * namespace is not checked, the structure is). A file with several statements (several accounts
 * or days) is refused with a message; parseCamt053Statements reads them all.
 */
export function parseCamt053(xml: string | Buffer): BankStatement {
  const statements = parseCamt053Statements(xml);
  if (statements.length > 1) {
    const ids = statements.map((s) => s.statementId ?? '?').join(', ');
    throw new BankStatementError(`The file holds ${statements.length} statements (${ids}); upload one per file`);
  }
  return statements[0];
}

/** Every statement (`Stmt`) in a CAMT.053 file, in file order. */
export function parseCamt053Statements(xml: string | Buffer): BankStatement[] {
  const tree = parseXml(decodeStatementText(xml, xmlEncoding(xml)));
  const document = tree['Document'];
  if (document === undefined) {
    const root = childNames(tree)[0];
    throw new BankStatementError(
      `This XML file is not a CAMT.053 bank statement (its root element is <${root ?? '?'}>, not <Document>)`,
    );
  }
  const message = at(document, 'BkToCstmrStmt');
  if (message === undefined) {
    const other = childNames(document).find((name) => name in OTHER_MESSAGES);
    throw new BankStatementError(
      other
        ? `This file is ${OTHER_MESSAGES[other]}, not a CAMT.053 bank statement`
        : 'This XML file is not a CAMT.053 bank statement (no BkToCstmrStmt element)',
    );
  }
  const statements = children(message, 'Stmt');
  if (statements.length === 0) throw new BankStatementError('The file holds no statement (no Stmt element)');
  const entries = statements.reduce((sum, statement) => sum + children(statement, 'Ntry').length, 0);
  if (entries > MAX_STATEMENT_LINES) throw tooManyLines();
  return statements.map((statement, index) =>
    readStatement(statement, message, statements.length > 1 ? `Statement ${index + 1}, entry` : 'Entry'),
  );
}

/** A Buffer is UTF-8 unless its XML declaration says Latin-1 (some older bank exports do). */
function xmlEncoding(xml: string | Buffer): 'utf-8' | 'latin1' {
  if (typeof xml === 'string') return 'utf-8';
  const declaration = /^[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(xml.subarray(0, 200).toString('latin1'));
  return declaration && /^(iso-8859-1|latin-?1|windows-1252|cp1252)$/i.test(declaration[1]) ? 'latin1' : 'utf-8';
}

function readStatement(statement: XmlElement, message: XmlElement, entryName: string): BankStatement {
  const opening = readBalance(statement, ['OPBD', 'PRCD'], 'opening');
  const closing = readBalance(statement, ['CLBD'], 'closing');
  const keys = new LineKeys();
  const lines: BankStatementLine[] = [];
  children(statement, 'Ntry').forEach((entry, index) => {
    lines.push(...readEntry(entry, `${entryName} ${index + 1}`, keys));
    if (lines.length > MAX_STATEMENT_LINES) throw tooManyLines();
  });
  const iban = textAt(statement, 'Acct', 'Id', 'IBAN');
  return {
    format: 'camt053',
    statementId: textAt(statement, 'Id'),
    accountIban: iban ? iban.replace(/\s+/g, '').toUpperCase() : null,
    currency: textAt(statement, 'Acct', 'Ccy') ?? opening?.currency ?? closing?.currency ?? lines[0]?.currency ?? null,
    createdAt: textAt(statement, 'CreDtTm') ?? textAt(message, 'GrpHdr', 'CreDtTm'),
    openingBalance: opening?.amount ?? null,
    closingBalance: closing?.amount ?? null,
    lines,
  };
}

/** The first balance with one of `codes` (OPBD opening booked, PRCD previously closed, CLBD closing booked). */
function readBalance(statement: XmlElement, codes: string[], name: string) {
  const balances = children(statement, 'Bal');
  for (const code of codes) {
    const balance = balances.find((b) => textAt(b, 'Tp', 'CdOrPrtry', 'Cd') === code);
    if (!balance) continue;
    const subject = `The ${name} balance`;
    const text = textAt(balance, 'Amt');
    const currency = currencyAt(balance, 'Amt');
    if (!text || !currency) throw invalidLine(`${subject} has no amount and currency`);
    const amount = parseMinorUnits(text, currency, CAMT_AMOUNT, subject);
    return { currency, amount: readDirection(balance, subject) === 'debit' ? -amount : amount };
  }
  return null;
}

function readDirection(element: XmlElement | undefined, subject: string): Direction {
  const indicator = textAt(element, 'CdtDbtInd');
  if (indicator === 'CRDT') return 'credit';
  if (indicator === 'DBIT') return 'debit';
  throw invalidLine(`${subject} has no credit/debit indicator (CdtDbtInd is "${indicator ?? ''}")`);
}

function readDate(element: XmlElement, name: string, subject: string, what: string): string | null {
  const text = textAt(element, name, 'Dt') ?? textAt(element, name, 'DtTm');
  return text === null ? null : parseXsdDate(text, subject, what);
}

interface EntryFacts {
  subject: string;
  amount: number;
  currency: string;
  direction: Direction;
  bookingDate: string;
  valueDate: string | null;
  reference: string | null;
  bankReference: string | null;
  additionalInfo: string | null;
}

/** An entry's lines: one per transaction detail (several for a batch), or one for an entry without details. */
function readEntry(entry: XmlElement, subject: string, keys: LineKeys): BankStatementLine[] {
  // Pending (PDNG) and information-only (INFO) entries have not moved money; a statement's are BOOK.
  const status = textAt(entry, 'Sts') ?? textAt(entry, 'Sts', 'Cd');
  if (status !== null && status !== 'BOOK') return [];

  const amountText = textAt(entry, 'Amt');
  if (amountText === null) throw invalidLine(`${subject} has no amount`);
  const currency = currencyAt(entry, 'Amt');
  if (currency === null) throw invalidLine(`${subject} has an amount without a currency (Ccy)`);
  const bookingDate = readDate(entry, 'BookgDt', subject, 'a booking date');
  if (bookingDate === null) throw invalidLine(`${subject} has no booking date`);
  const facts: EntryFacts = {
    subject,
    amount: parseMinorUnits(amountText, currency, CAMT_AMOUNT, subject),
    currency,
    direction: readDirection(entry, subject),
    bookingDate,
    valueDate: readDate(entry, 'ValDt', subject, 'a value date'),
    reference: textAt(entry, 'NtryRef') ?? textAt(entry, 'AcctSvcrRef'),
    bankReference: textAt(entry, 'AcctSvcrRef'),
    additionalInfo: cleanText(textAt(entry, 'AddtlNtryInf')),
  };

  const details = children(entry, 'NtryDtls').flatMap((d) => children(d, 'TxDtls'));
  if (details.length <= 1) return keep([readTransaction(facts, details[0], 0, keys, false)]);
  const lines = details.map((tx, index) => readTransaction(facts, tx, index, keys, true));
  const signed = (line: { amount: number; direction: Direction }) =>
    line.direction === 'credit' ? line.amount : -line.amount;
  const total = lines.reduce((sum, line) => sum + signed(line), 0);
  if (total !== signed(facts)) {
    throw invalidLine(
      `${subject}: its ${lines.length} transactions add up to ${total}, not the entry's ${signed(facts)} (minor units)`,
    );
  }
  return keep(lines);
}

/** Zero-amount lines move no money and have nothing to reconcile. */
function keep(lines: BankStatementLine[]): BankStatementLine[] {
  return lines.filter((line) => line.amount !== 0);
}

/** The amount of one transaction of a batch: `Amt` from .001.04 on, `AmtDtls` before. */
const TRANSACTION_AMOUNTS = [['Amt'], ['AmtDtls', 'TxAmt', 'Amt'], ['AmtDtls', 'InstdAmt', 'Amt']];

function readTransaction(
  entry: EntryFacts,
  tx: XmlElement | undefined,
  index: number,
  keys: LineKeys,
  batch: boolean,
): BankStatementLine {
  const subject = batch ? `${entry.subject}, transaction ${index + 1}` : entry.subject;
  // A lone transaction is what the entry booked (its own amount may be before charges or in
  // another currency); in a batch each transaction's own amount is its share, checked by the sum.
  let { amount, direction } = entry;
  if (batch) {
    const path = TRANSACTION_AMOUNTS.find((p) => textAt(tx, ...p) !== null);
    if (!path) throw invalidLine(`${subject} has no amount`);
    const currency = currencyAt(tx, ...path) ?? entry.currency;
    if (currency !== entry.currency) {
      throw invalidLine(`${subject} is in ${currency} but its entry is in ${entry.currency}`);
    }
    amount = parseMinorUnits(textAt(tx, ...path) ?? '', currency, CAMT_AMOUNT, subject);
    if (textAt(tx, 'CdtDbtInd') !== null) direction = readDirection(tx, subject);
  }

  // The other party: who paid us on a credit, whom we paid on a debit. `Pty` wraps it from .001.08.
  const party = direction === 'credit' ? 'Dbtr' : 'Cdtr';
  const parties = at(tx, 'RltdPties');
  const name = [party, `Ultmt${party}`]
    .flatMap((role) => [textAt(parties, role, 'Nm'), textAt(parties, role, 'Pty', 'Nm')])
    .find((n) => n !== null);
  const remittance = readRemittance(at(tx, 'RmtInf'));
  const endToEndId = textAt(tx, 'Refs', 'EndToEndId');

  const line = {
    bookingDate: entry.bookingDate,
    valueDate: entry.valueDate,
    amount,
    direction,
    currency: entry.currency,
    counterpartyName: cleanText(name),
    counterpartyIban: validIban(textAt(parties, `${party}Acct`, 'Id', 'IBAN')),
    structuredReference: remittance.structured,
    remittanceText:
      remittance.text ??
      cleanText(children(tx, 'AddtlTxInf').map(textOf).join(' ')) ??
      (batch ? null : entry.additionalInfo),
    endToEndId: endToEndId === 'NOTPROVIDED' ? null : endToEndId,
    bankReference: textAt(tx, 'Refs', 'AcctSvcrRef') ?? entry.bankReference,
  };
  const lineKey = keys.key(entry.reference ? `${entry.reference}:${index + 1}` : null, [
    line.bookingDate,
    line.valueDate,
    line.direction,
    line.amount,
    line.currency,
    line.counterpartyIban,
    line.counterpartyName,
    line.structuredReference,
    line.remittanceText,
    line.endToEndId,
    line.bankReference,
  ]);
  return { lineKey, ...line };
}

/**
 * The creditor reference (`Strd/CdtrRefInf/Ref` of type SCOR, or untyped) and the free text:
 * the `Ustrd` lines, then any other structured reference and additional remittance information,
 * so that a reference a bank put in an unusual place is still searched by referencesIn.
 */
function readRemittance(remittance: XmlElement | undefined): { structured: string | null; text: string | null } {
  let structured: string | null = null;
  const text = children(remittance, 'Ustrd').map(textOf);
  for (const strd of children(remittance, 'Strd')) {
    const reference = textAt(strd, 'CdtrRefInf', 'Ref');
    const type = textAt(strd, 'CdtrRefInf', 'Tp', 'CdOrPrtry', 'Cd');
    if (reference !== null && structured === null && (type === null || type === 'SCOR')) structured = reference;
    else text.push(reference);
    text.push(...children(strd, 'AddtlRmtInf').map(textOf));
  }
  return { structured: cleanText(structured), text: cleanText(text.filter((t) => t !== null).join(' ')) };
}

function tooManyLines(): BankStatementError {
  return new BankStatementError(
    `The file has more than ${MAX_STATEMENT_LINES.toLocaleString('en')} lines; split it`,
    'bankStatementTooLong',
  );
}
