import { addDays, periodMonths, periodsAfter } from './advance-periods';

describe('advance periods (the pay-ahead hint)', () => {
  it('moves by days across months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });

  it('measures a period in whole months, or not at all', () => {
    expect(periodMonths({ start: '2026-01-01', end: '2026-12-31' })).toBe(12);
    expect(periodMonths({ start: '2026-03-15', end: '2026-04-14' })).toBe(1);
    expect(periodMonths({ start: '2026-01-31', end: '2026-02-27' })).toBe(1);
    expect(periodMonths({ start: '2026-01-01', end: '2026-03-31' })).toBe(3);
    // A calendar plan's first, shorter period says nothing of the next ones.
    expect(periodMonths({ start: '2026-03-10', end: '2026-12-31' })).toBeNull();
  });

  it('lists the next periods without gaps or overlaps', () => {
    expect(periodsAfter({ start: '2026-03-15', end: '2027-03-14' }, 3)).toEqual([
      { start: '2027-03-15', end: '2028-03-14' },
      { start: '2028-03-15', end: '2029-03-14' },
      { start: '2029-03-15', end: '2030-03-14' },
    ]);
    expect(periodsAfter({ start: '2026-01-01', end: '2026-01-31' }, 2)).toEqual([
      { start: '2026-02-01', end: '2026-02-28' },
      { start: '2026-03-01', end: '2026-03-31' },
    ]);
  });

  it('keeps month ends from a month-end start (29 February), and other days from the start', () => {
    expect(periodsAfter({ start: '2023-02-28', end: '2024-02-28' }, 2)).toEqual([
      { start: '2024-02-29', end: '2025-02-27' },
      { start: '2025-02-28', end: '2026-02-27' },
    ]);
    expect(periodsAfter({ start: '2026-01-30', end: '2026-02-27' }, 2)).toEqual([
      { start: '2026-02-28', end: '2026-03-29' },
      { start: '2026-03-30', end: '2026-04-29' },
    ]);
    expect(periodsAfter({ start: '2023-03-01', end: '2024-02-29' }, 2)).toEqual([
      { start: '2024-03-01', end: '2025-02-28' },
      { start: '2025-03-01', end: '2026-02-28' },
    ]);
  });

  it('gives nothing it cannot guess', () => {
    expect(periodsAfter({ start: '2026-03-10', end: '2026-12-31' }, 2)).toEqual([]);
    expect(periodsAfter({ start: 'bad', end: '2026-12-31' }, 2)).toEqual([]);
  });
});
