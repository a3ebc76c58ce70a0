import type { Principal } from '@tessera/core';
import type { ShareClass } from '../share-classes/share-classes.service';
import type { CreateShareSubscriptionDto } from './share-subscription.dto';
import {
  holderFieldErrors,
  holderKindProblem,
  MAX_AMOUNT,
  newHolderOf,
  quantityProblem,
  sourceOf,
  submitsAsStaff,
} from './share-subscription-rules';

const TODAY = new Date('2026-03-02T09:00:00Z');
const classB: ShareClass = {
  id: 'b',
  code: 'B',
  name: 'Supporter shares',
  unitPrice: 2500,
  currency: 'EUR',
  minShares: 2,
  maxShares: 40,
  holderKinds: ['individual'],
  makesMember: true,
  planId: 'p',
  approvalFlowId: null,
  active: true,
};
const fullPerson = {
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'Ada@Example.org ',
  phone: '+32 470 12 34 56',
  birthDate: '1990-12-10',
  address: { line1: 'Rue Haute 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
  nationality: 'BE',
};
const organisation = {
  legalName: 'Analytical Engines SA',
  registrationNumber: 'be 0123.456.789',
  address: { line1: 'Rue Haute 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
  representatives: [
    { firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.org', role: 'Director', isContact: false },
    { firstName: 'Ada', lastName: 'Lovelace', email: 'ADA@example.org', role: 'Treasurer', isContact: true },
  ],
};
const base = { shareClassId: 'b', quantity: 4, iban: 'BE71096123456769', consent: true };
const individual = (person: Partial<typeof fullPerson> = fullPerson): CreateShareSubscriptionDto =>
  ({ ...base, kind: 'individual', person }) as CreateShareSubscriptionDto;
const fields = (dto: CreateShareSubscriptionDto, source: 'online' | 'staff' = 'online') =>
  holderFieldErrors(dto, source, TODAY).map((e) => `${e.field}: ${e.message}`);

describe('who sends a share subscription', () => {
  const user = (roles: string[]) => ({ kind: 'user', userId: 'u', sessionId: 's', roles }) as Principal;
  it.each([
    [undefined, 'online'],
    [user(['member']), 'online'],
    [user(['approver', 'finance']), 'online'],
    [user(['officer']), 'staff'],
    [user(['admin']), 'staff'],
    [{ kind: 'api-key', apiKeyId: 'k', scopes: [] } as Principal, 'api'],
  ])('%j sends it %s', (principal, source) => {
    expect(sourceOf(principal)).toBe(source);
    expect(submitsAsStaff(principal)).toBe(source !== 'online');
  });
});

describe('the holder part of a request', () => {
  it('takes a person with every detail the membership application asks for on the public form', () => {
    expect(fields(individual())).toEqual([]);
  });

  it('asks the public form for phone, birth date, address and nationality; staff may leave them out', () => {
    const bare = individual({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org' });
    expect(fields(bare)).toEqual([
      'person.phone: is required',
      'person.birthDate: is required',
      'person.address: is required',
      'person.nationality: is required',
    ]);
    expect(fields(bare, 'staff')).toEqual([]);
  });

  it('refuses a birth date in the future or of someone under 16, as applications do', () => {
    expect(fields(individual({ ...fullPerson, birthDate: '2026-03-03' }))).toEqual([
      'person.birthDate: must be in the past',
    ]);
    expect(fields(individual({ ...fullPerson, birthDate: '2010-03-03' }))).toEqual([
      'person.birthDate: the applicant must be at least 16 years old',
    ]);
  });

  it('needs the details of its kind, and only those', () => {
    expect(fields({ ...base, kind: 'individual' } as CreateShareSubscriptionDto)).toEqual([
      'person: is required for kind "individual"',
    ]);
    expect(fields({ ...base, kind: 'organisation' } as CreateShareSubscriptionDto)).toEqual([
      'organisation: is required for kind "organisation"',
    ]);
    expect(fields({ ...individual(), organisation } as CreateShareSubscriptionDto)).toEqual([
      'organisation: must be left out unless kind is "organisation"',
    ]);
    expect(fields({ ...base, kind: 'organisation', organisation, person: fullPerson } as never)).toEqual([
      'person: must be left out unless kind is "individual"',
    ]);
  });

  it('lets staff name a known holder by memberId instead, never the public form', () => {
    const known = { ...base, kind: 'individual', memberId: 'm' } as CreateShareSubscriptionDto;
    expect(fields(known, 'staff')).toEqual([]);
    expect(fields(known)).toEqual(['memberId: is for staff only: give your details instead']);
    expect(fields({ ...individual(), memberId: 'm' }, 'staff')).toEqual([
      'memberId: give either memberId (a known holder) or person, not both',
    ]);
  });

  it('keys a person by their e-mail and an organisation by its registration number, normalised', () => {
    expect(newHolderOf(individual())).toEqual({
      kind: 'person',
      key: 'person:ada@example.org',
      name: 'Ada Lovelace',
      email: 'ada@example.org',
      memberId: null,
    });
    expect(newHolderOf({ ...base, kind: 'organisation', organisation } as CreateShareSubscriptionDto)).toEqual({
      kind: 'organisation',
      key: 'organisation:BE0123456789',
      name: 'Analytical Engines SA',
      email: 'ada@example.org',
      memberId: null,
    });
  });
});

describe('what a class allows', () => {
  it('only the kinds of holder it names', () => {
    expect(holderKindProblem(classB, 'person')).toBeNull();
    expect(holderKindProblem(classB, 'organisation')).toBe('may not hold class B shares (only individuals may)');
    expect(holderKindProblem({ ...classB, holderKinds: ['organisation'] }, 'person')).toBe(
      'may not hold class B shares (only organisations may)',
    );
  });

  it('at least the minimum for a first holding, at most the maximum counting what is held', () => {
    expect(quantityProblem(classB, 0, 1)).toBe('must be at least 2 (the minimum of class B)');
    expect(quantityProblem(classB, 0, 2)).toBeNull();
    expect(quantityProblem(classB, 0, 40)).toBeNull();
    expect(quantityProblem(classB, 0, 41)).toBe('must be at most 40 (the maximum of class B)');
    // Buying more: the minimum was met by the first shares.
    expect(quantityProblem(classB, 38, 1)).toBeNull();
    expect(quantityProblem(classB, 38, 3)).toBe(
      'must be at most 2: the holder has 38 of the 40 class B shares one may hold',
    );
    expect(quantityProblem({ ...classB, maxShares: null }, 0, 1_000)).toBeNull();
  });

  it('no amount billing cannot hold', () => {
    const big = { ...classB, maxShares: null, unitPrice: 1_000_000 };
    expect(quantityProblem(big, 0, Math.floor(MAX_AMOUNT / 1_000_000))).toBeNull();
    expect(quantityProblem(big, 0, Math.floor(MAX_AMOUNT / 1_000_000) + 1)).toBe(
      `is too many: the amount would exceed ${MAX_AMOUNT} minor units`,
    );
  });
});
