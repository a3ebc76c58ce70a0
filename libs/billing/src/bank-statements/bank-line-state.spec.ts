import { ProblemException } from '@tessera/core';
import {
  assertLineCanMove,
  BANK_LINE_STATES,
  canMoveLine,
  canReopenLine,
  OPEN_LINE_STATES,
  type BankLineState,
} from './bank-line-state';

function problemOf(action: () => void): ProblemException['problem'] {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(ProblemException);
    return (error as ProblemException).problem;
  }
  throw new Error('expected a refusal');
}

describe('bank line states', () => {
  it('lets lines waiting move to a decision, an ignored line back to review, and nothing else', () => {
    const legal = (from: BankLineState, to: BankLineState) =>
      (OPEN_LINE_STATES.includes(from) && ['matched', 'resolved', 'ignored'].includes(to)) ||
      (from === 'ignored' && to === 'to-review');
    for (const from of BANK_LINE_STATES)
      for (const to of BANK_LINE_STATES)
        expect({ from, to, allowed: canMoveLine(from, to) }).toEqual({ from, to, allowed: legal(from, to) });
  });

  it('refuses a second decision with a 409 that says what happened', () => {
    expect(() => assertLineCanMove('to-review', 'resolved')).not.toThrow();
    expect(problemOf(() => assertLineCanMove('resolved', 'resolved'))).toMatchObject({
      status: 409,
      type: 'urn:tessera:problem:bank-line-already-decided',
      detail: 'This bank line was resolved already; it cannot be resolved now.',
    });
    expect(problemOf(() => assertLineCanMove('matched', 'ignored'))).toMatchObject({
      status: 409,
      detail: 'This bank line was matched by the import; it cannot be ignored now.',
    });
  });

  it('reopens only credit lines that were ignored', () => {
    for (const state of BANK_LINE_STATES) {
      expect({ state, reopens: canReopenLine({ state, direction: 'credit' }) }).toEqual({
        state,
        reopens: state === 'ignored',
      });
      expect(canReopenLine({ state, direction: 'debit' })).toBe(false);
    }
    expect(() => assertLineCanMove('ignored', 'to-review')).not.toThrow();
    for (const [from, words] of [
      ['to-review', 'waiting for a decision'],
      ['suggested', 'waiting for a decision'],
      ['resolved', 'resolved'],
      ['matched', 'matched'],
      ['duplicate', 'duplicate'],
    ] as const)
      expect(problemOf(() => assertLineCanMove(from, 'to-review'))).toMatchObject({
        status: 409,
        type: 'urn:tessera:problem:bank-line-not-reopenable',
        detail: `This bank line is ${words}; only an ignored line can be reopened.`,
      });
  });
});
