import { formatYearlyReference } from './yearly-reference';

describe('yearly references', () => {
  it('reads <prefix>-<year>-<six digits>', () => {
    expect(formatYearlyReference('APP', 2026, 1)).toBe('APP-2026-000001');
    expect(formatYearlyReference('ORD', 2026, '4321')).toBe('ORD-2026-004321');
    expect(formatYearlyReference('APP', 2027, 999_999n)).toBe('APP-2027-999999');
  });

  it('grows past six digits rather than wrapping', () => {
    expect(formatYearlyReference('APP', 2026, 1_000_000)).toBe('APP-2026-1000000');
  });

  it('refuses numbers that are not a sequence value or a year', () => {
    expect(() => formatYearlyReference('APP', 2026, 0)).toThrow(RangeError);
    expect(() => formatYearlyReference('APP', 2026, -3)).toThrow(RangeError);
    expect(() => formatYearlyReference('APP', 2026, '1.5')).toThrow(RangeError);
    expect(() => formatYearlyReference('APP', 26, 1)).toThrow(RangeError);
  });
});
