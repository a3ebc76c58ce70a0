import { ProblemException } from '@tessera/core';

/**
 * The life of a bank statement line. Credit lines are stored `to-review` (or `suggested`) and the
 * import moves those whose reference names one of our documents to `matched`, each with its
 * payment; a line the import could not place waits for finance, who resolve it (a payment) or
 * ignore it ("not ours"). Debits are `ignored` at once; a transaction already imported is a
 * `duplicate`. A credit line finance ignored by mistake may be reopened (`ignored → to-review`,
 * see canReopenLine); every other end state is final: a mistaken payment is reversed on the
 * payment, not here.
 */
export const BANK_LINE_STATES = ['matched', 'suggested', 'to-review', 'ignored', 'resolved', 'duplicate'] as const;
export type BankLineState = (typeof BANK_LINE_STATES)[number];

const ALLOWED: Record<BankLineState, readonly BankLineState[]> = {
  'to-review': ['matched', 'resolved', 'ignored'],
  suggested: ['matched', 'resolved', 'ignored'],
  matched: [],
  resolved: [],
  ignored: ['to-review'],
  duplicate: [],
};

/** States finance still has to decide on: the review queue. */
export const OPEN_LINE_STATES: readonly BankLineState[] = ['to-review', 'suggested'];

export function canMoveLine(from: BankLineState, to: BankLineState): boolean {
  return ALLOWED[from].includes(to);
}

/**
 * Only what finance ignored may be reopened: a debit the import ignored is not a payment to us,
 * whoever asks.
 */
export function canReopenLine(line: { state: BankLineState; direction: 'credit' | 'debit' }): boolean {
  return line.direction === 'credit' && canMoveLine(line.state, 'to-review');
}

/** 409 unless the line may move; the message says what happened to it already. */
export function assertLineCanMove(from: BankLineState, to: BankLineState): void {
  if (canMoveLine(from, to)) return;
  if (to === 'to-review')
    throw ProblemException.conflict(
      `This bank line is ${from === 'to-review' || from === 'suggested' ? 'waiting for a decision' : from}; only an ignored line can be reopened.`,
      'bank-line-not-reopenable',
    );
  const done: Partial<Record<BankLineState, string>> = {
    matched: 'was matched by the import',
    resolved: 'was resolved already',
    ignored: 'was ignored already',
    duplicate: 'is a duplicate of a line imported before',
  };
  throw ProblemException.conflict(
    `This bank line ${done[from] ?? `is ${from}`}; it cannot be ${to === 'ignored' ? 'ignored' : 'resolved'} now.`,
    'bank-line-already-decided',
  );
}
