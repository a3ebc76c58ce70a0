import type { BankStatement, BankStatementLine } from './bank-statement.types';
import { dedupeKeysOf } from './dedupe-keys';

const line = (lineKey: string, bankReference: string | null): BankStatementLine => ({
  lineKey,
  bookingDate: '2026-03-02',
  valueDate: null,
  amount: 1000,
  direction: 'credit',
  currency: 'EUR',
  counterpartyName: null,
  counterpartyIban: null,
  structuredReference: null,
  remittanceText: null,
  endToEndId: null,
  bankReference,
});

const statement = (statementId: string | null, lines: BankStatementLine[], accountIban = 'BE68539007547034') =>
  ({ format: 'camt053', statementId, accountIban, lines }) as BankStatement;

describe('dedupeKeysOf', () => {
  it('keys a line by its bank reference on the account, whatever the statement or its number in it', () => {
    const [daily] = dedupeKeysOf(statement('2026-043', [line('1:1', 'EBA-000001')]));
    const [monthly] = dedupeKeysOf(statement('2026-03', [line('17:1', 'EBA-000001')]));
    expect(daily).toBe(monthly);
    const [otherAccount] = dedupeKeysOf(statement('2026-043', [line('1:1', 'EBA-000001')], 'BE71096123456769'));
    expect(otherAccount).not.toBe(daily);
  });

  it('falls back to the statement and line key when a reference is missing or shared by a batch', () => {
    const batch = dedupeKeysOf(statement('2026-043', [line('1:1', 'EBA-7'), line('1:2', 'EBA-7'), line('2:1', null)]));
    expect(new Set(batch).size).toBe(3);
    expect(dedupeKeysOf(statement('2026-043', [line('2:1', null)]))[0]).toBe(batch[2]);
    expect(dedupeKeysOf(statement('2026-044', [line('2:1', null)]))[0]).not.toBe(batch[2]);
  });

  it('gives the same keys to the same file read twice', () => {
    const lines = [line('h:abc', null), line('h:abc~2', null), line('SEQ-1', 'SEQ-1')];
    expect(dedupeKeysOf(statement(null, lines))).toEqual(dedupeKeysOf(statement(null, lines)));
  });
});
