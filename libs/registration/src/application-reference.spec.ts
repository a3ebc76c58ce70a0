import { APPLICATION_REFERENCE, formatApplicationReference } from './application-reference';

describe('application references', () => {
  it('reads APP-<year>-<six digits>', () => {
    expect(formatApplicationReference(2026, 1)).toBe('APP-2026-000001');
    expect(formatApplicationReference(2026, '4321')).toBe('APP-2026-004321');
    expect(formatApplicationReference(2027, 999_999n)).toBe('APP-2027-999999');
    expect(formatApplicationReference(2026, 12)).toMatch(APPLICATION_REFERENCE);
  });

  it('grows past six digits rather than wrapping', () => {
    expect(formatApplicationReference(2026, 1_000_000)).toBe('APP-2026-1000000');
    expect(formatApplicationReference(2026, 1_000_000)).toMatch(APPLICATION_REFERENCE);
  });

  it('refuses numbers that are not a sequence value or a year', () => {
    expect(() => formatApplicationReference(2026, 0)).toThrow(RangeError);
    expect(() => formatApplicationReference(2026, -3)).toThrow(RangeError);
    expect(() => formatApplicationReference(2026, '1.5')).toThrow(RangeError);
    expect(() => formatApplicationReference(26, 1)).toThrow(RangeError);
  });
});
