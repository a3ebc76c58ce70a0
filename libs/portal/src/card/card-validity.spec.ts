import { cardValidity, endedSince, type CardStanding } from './card-validity';

const standing = (changes: Partial<CardStanding>): CardStanding => ({
  status: 'member',
  periodEnd: '2026-12-31',
  endsOn: null,
  graceDays: 0,
  ...changes,
});

describe('cardValidity', () => {
  it('holds a Member valid until the end of their paid period', () => {
    expect(cardValidity(standing({}), '2026-03-01')).toEqual({ valid: true, validUntil: '2026-12-31' });
    expect(cardValidity(standing({}), '2026-12-31')).toEqual({ valid: true, validUntil: '2026-12-31' });
  });

  it('gives a member In grace the plan’s grace days after the period, across a month and a leap day', () => {
    expect(cardValidity(standing({ status: 'in-grace', graceDays: 15 }), '2027-01-05')).toEqual({
      valid: true,
      validUntil: '2027-01-15',
    });
    expect(
      cardValidity(standing({ status: 'in-grace', periodEnd: '2028-02-20', graceDays: 10 }), '2028-02-25'),
    ).toEqual({ valid: true, validUntil: '2028-03-01' });
  });

  it('stops at the day the membership ends when that comes first', () => {
    expect(cardValidity(standing({ endsOn: '2026-06-30' }), '2026-03-01')).toEqual({
      valid: true,
      validUntil: '2026-06-30',
    });
    expect(cardValidity(standing({ status: 'in-grace', graceDays: 30, endsOn: '2027-01-10' }), '2027-01-02')).toEqual({
      valid: true,
      validUntil: '2027-01-10',
    });
  });

  it.each(['upcoming', 'suspended', 'ex-member', 'non-member'] as const)(
    'refuses a card to a member who is %s',
    (status) => {
      expect(cardValidity(standing({ status }), '2026-03-01')).toEqual({ valid: false });
    },
  );

  it('is not valid without a live subscription, or once its date has passed', () => {
    expect(cardValidity(standing({ periodEnd: null }), '2026-03-01')).toEqual({ valid: false });
    expect(cardValidity(standing({}), '2027-01-01')).toEqual({ valid: false });
    expect(cardValidity(standing({ status: 'in-grace', graceDays: 5 }), '2027-01-06')).toEqual({ valid: false });
  });
});

describe('endedSince', () => {
  const issuedAt = new Date('2026-03-01T10:00:00Z');

  it('sees the membership end (Ex-member, Non-member) at or after the card was issued', () => {
    expect(endedSince([{ to: 'ex-member', at: '2026-03-01T10:00:00.000Z' }], issuedAt)).toBe(true);
    expect(endedSince([{ to: 'non-member', at: '2026-05-01T00:00:00.000Z' }], issuedAt)).toBe(true);
  });

  it('ignores endings before the card, and changes that are not endings', () => {
    expect(
      endedSince(
        [
          { to: 'ex-member', at: '2025-01-01T00:00:00.000Z' },
          { to: 'suspended', at: '2026-04-01T00:00:00.000Z' },
          { to: 'member', at: '2026-04-02T00:00:00.000Z' },
        ],
        issuedAt,
      ),
    ).toBe(false);
  });
});
