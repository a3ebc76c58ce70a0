import { ProblemException } from '@tessera/core';
import { assertLineCanMove, BANK_LINE_STATES, canMoveLine, OPEN_LINE_STATES } from './bank-line-state';

describe('bank line states', () => {
  it('lets only lines waiting for a decision move, and only to a decision', () => {
    for (const from of BANK_LINE_STATES)
      for (const to of BANK_LINE_STATES) {
        const expected = OPEN_LINE_STATES.includes(from) && ['matched', 'resolved', 'ignored'].includes(to);
        expect({ from, to, allowed: canMoveLine(from, to) }).toEqual({ from, to, allowed: expected });
      }
  });

  it('refuses a second decision with a 409 that says what happened', () => {
    expect(() => assertLineCanMove('to-review', 'resolved')).not.toThrow();
    try {
      assertLineCanMove('resolved', 'resolved');
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(ProblemException);
      expect((error as ProblemException).problem).toMatchObject({
        status: 409,
        type: 'urn:tessera:problem:bank-line-already-decided',
        detail: 'This bank line was resolved already; it cannot be resolved now.',
      });
    }
  });
});
