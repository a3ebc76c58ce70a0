import {
  addDaysTo,
  conversionOf,
  operationRefusal,
  type ClassRules,
  type OperationFacts,
} from './share-operation-checks';

const classB: ClassRules = {
  code: 'B',
  unitPrice: 2500,
  minShares: 2,
  maxShares: 40,
  holderKinds: ['individual', 'organisation'],
  active: true,
};
const classA: ClassRules = {
  ...classB,
  code: 'A',
  unitPrice: 25000,
  minShares: 1,
  maxShares: null,
  holderKinds: ['individual'],
};
const money = (minor: number) => `€${(minor / 100).toFixed(2)}`;
const ann = { name: 'Ann', holderKind: 'individual' as const };
const acme = { name: 'Acme', holderKind: 'organisation' as const };

const facts = (over: Partial<OperationFacts>): OperationFacts => ({
  kind: 'redemption',
  quantity: 2,
  from: { ...ann, shareClass: classB, held: 4 },
  money,
  ...over,
});

describe('operation checks', () => {
  it('lets a holder redeem part of their shares, or all of them', () => {
    expect(operationRefusal(facts({ quantity: 2 }))).toBeNull();
    expect(operationRefusal(facts({ quantity: 4 }))).toBeNull();
  });

  it('refuses more shares than held, and a rest under the class minimum', () => {
    expect(operationRefusal(facts({ quantity: 5 }))).toBe('Ann holds 4 class B shares, not 5.');
    expect(operationRefusal(facts({ quantity: 3 }))).toBe(
      'Ann would keep 1 class B shares, under the class minimum of 2: give up all 4 or at most 2.',
    );
  });

  it('checks a transfer receiver: kind of holder, maximum and minimum of the class', () => {
    const transfer = (to: OperationFacts['to'], quantity = 2) =>
      operationRefusal(facts({ kind: 'transfer', quantity, to }));
    expect(transfer({ ...acme, shareClass: classB, held: 0, receives: 2 })).toBeNull();
    expect(transfer({ ...acme, shareClass: { ...classB, holderKinds: ['individual'] }, held: 0, receives: 2 })).toBe(
      'Class B shares cannot be held by organisations (Acme).',
    );
    expect(transfer({ ...acme, shareClass: classB, held: 39, receives: 2 })).toBe(
      'Acme would hold 41 class B shares, over the class maximum of 40.',
    );
    expect(transfer({ ...acme, shareClass: { ...classB, minShares: 3 }, held: 0, receives: 2 })).toBe(
      'Acme would hold 2 class B shares, under the class minimum of 3.',
    );
    expect(() => operationRefusal(facts({ kind: 'transfer' }))).toThrow(/receiving holding/);
  });

  it('checks a conversion: the new class open, eligible, worth one share at least, within its bounds', () => {
    const convert = (shareClass: ClassRules, receives: number, quantity = 4, held = 0) =>
      operationRefusal(
        facts({
          kind: 'conversion',
          quantity,
          from: { ...ann, shareClass: classB, held: 12 },
          to: { ...ann, shareClass, held, receives },
        }),
      );
    expect(convert(classA, 0, 4)).toBe('4 class B shares (€100.00) are worth less than one class A share (€250.00).');
    expect(convert(classA, 1, 10)).toBeNull();
    expect(convert({ ...classA, active: false }, 1, 10)).toBe('Class A is closed to new shares.');
    expect(convert({ ...classA, maxShares: 1 }, 1, 10, 1)).toBe(
      'Ann would hold 2 class A shares, over the class maximum of 1.',
    );
  });

  it('converts at nominal value and records what is left over', () => {
    expect(conversionOf(10, 2500, 25000)).toEqual({ toQuantity: 1, valueDifference: 0 });
    expect(conversionOf(12, 2500, 25000)).toEqual({ toQuantity: 1, valueDifference: 5000 });
    expect(conversionOf(1, 25000, 2500)).toEqual({ toQuantity: 10, valueDifference: 0 });
    expect(conversionOf(3, 2500, 25000)).toEqual({ toQuantity: 0, valueDifference: 7500 });
  });

  it('adds days across months and leap years', () => {
    expect(addDaysTo('2026-03-02', 365)).toBe('2027-03-02');
    expect(addDaysTo('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDaysTo('2026-12-07', 0)).toBe('2026-12-07');
  });
});
