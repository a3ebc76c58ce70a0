import {
  canMoveOperation,
  operationMoveRefusal,
  reimbursementPayRefusal,
  SHARE_OPERATION_STATES,
  type ShareOperationState,
} from './share-operation-state';

const LEGAL: [ShareOperationState, ShareOperationState][] = [
  ['pending', 'approved'],
  ['pending', 'refused'],
  ['pending', 'withdrawn'],
  ['pending', 'cancelled'],
  ['approved', 'executed'],
];

describe('the share operation state machine', () => {
  it.each(LEGAL)('allows %s → %s', (from, to) => {
    expect(canMoveOperation(from, to)).toBe(true);
    expect(operationMoveRefusal(from, to)).toBeNull();
  });

  const illegal = SHARE_OPERATION_STATES.flatMap((from) =>
    SHARE_OPERATION_STATES.map((to) => [from, to] as [ShareOperationState, ShareOperationState]),
  ).filter(([from, to]) => !LEGAL.some(([a, b]) => a === from && b === to));

  it.each(illegal)('refuses %s → %s, saying why', (from, to) => {
    expect(canMoveOperation(from, to)).toBe(false);
    expect(operationMoveRefusal(from, to)).toMatch(/^This operation /);
  });

  it('has 31 illegal moves out of 36, every final state closed', () => {
    expect(illegal).toHaveLength(31);
    for (const final of ['executed', 'refused', 'withdrawn', 'cancelled'] as const)
      for (const to of SHARE_OPERATION_STATES) expect(canMoveOperation(final, to)).toBe(false);
  });

  it('words a repeated or late move as staff and holders read it', () => {
    expect(operationMoveRefusal('executed', 'executed')).toBe('This operation is in the share register already.');
    expect(operationMoveRefusal('refused', 'withdrawn')).toBe('This operation was refused; it cannot be withdrawn.');
    expect(operationMoveRefusal('pending', 'executed')).toBe(
      'This operation is under review; it cannot be entered in the register.',
    );
    expect(operationMoveRefusal('approved', 'refused')).toBe('This operation was approved; it cannot be refused.');
  });
});

describe('the reimbursement state machine', () => {
  it('moves due → paid on or after the day it is payable', () => {
    expect(reimbursementPayRefusal('due', '2027-03-02', '2027-03-02')).toBeNull();
    expect(reimbursementPayRefusal('due', '2027-03-02', '2027-04-01')).toBeNull();
  });

  it('refuses paying before the waiting period ends, and paying twice', () => {
    expect(reimbursementPayRefusal('due', '2027-03-02', '2027-03-01')).toBe(
      'This reimbursement is payable from 2027-03-02 (the statutory waiting period), not 2027-03-01.',
    );
    expect(reimbursementPayRefusal('paid', '2027-03-02', '2027-04-01')).toBe('This reimbursement is paid already.');
  });
});
