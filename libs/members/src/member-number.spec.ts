import { formatMemberNumber, MEMBER_NUMBER } from './member-number';

describe('member numbers', () => {
  it('pads the sequence number to six digits', () => {
    expect(formatMemberNumber(42)).toBe('M-000042');
    expect(formatMemberNumber('1')).toBe('M-000001');
    expect(formatMemberNumber(999999n)).toBe('M-999999');
  });

  it('grows past six digits rather than wrapping', () => {
    expect(formatMemberNumber('1000000')).toBe('M-1000000');
    expect(MEMBER_NUMBER.test('M-1000000')).toBe(true);
  });

  it('matches what it formats, and nothing looser', () => {
    expect(MEMBER_NUMBER.test(formatMemberNumber(7))).toBe(true);
    expect(MEMBER_NUMBER.test('M-42')).toBe(false);
    expect(MEMBER_NUMBER.test('m-000042')).toBe(false);
  });

  it.each([0, -1, 1.5, '', '007', 'x'])('refuses %p, which no sequence gives', (value) => {
    expect(() => formatMemberNumber(value)).toThrow(RangeError);
  });
});
