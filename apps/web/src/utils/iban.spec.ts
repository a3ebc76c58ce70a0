import { friendlyIban } from './iban';

describe('friendlyIban', () => {
  it('groups a compact IBAN by four, the last group shorter', () => {
    expect(friendlyIban('BE71096123456769')).toBe('BE71 0961 2345 6769');
    expect(friendlyIban('FR1420041010050500013M02606')).toBe('FR14 2004 1010 0505 0001 3M02 606');
  });

  it('regroups one already spaced', () => {
    expect(friendlyIban('BE71 0961 23456769')).toBe('BE71 0961 2345 6769');
  });
});
