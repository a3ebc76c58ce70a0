import { localDateIn } from './local-date';

describe('localDateIn', () => {
  it.each([
    // Brussels: CET (+1) in winter, CEST (+2) from the last Sunday of March, 01:00 UTC.
    ['Europe/Brussels', '2025-03-29T22:59:59Z', '2025-03-29'],
    ['Europe/Brussels', '2025-03-29T23:00:00Z', '2025-03-30'],
    ['Europe/Brussels', '2025-03-30T00:59:59Z', '2025-03-30'],
    ['Europe/Brussels', '2025-03-30T21:59:59Z', '2025-03-30'],
    ['Europe/Brussels', '2025-03-30T22:00:00Z', '2025-03-31'],
    ['Europe/Brussels', '2025-10-25T21:59:59Z', '2025-10-25'],
    ['Europe/Brussels', '2025-10-25T22:00:00Z', '2025-10-26'],
    ['Europe/Brussels', '2025-10-26T22:59:59Z', '2025-10-26'],
    ['Europe/Brussels', '2025-10-26T23:00:00Z', '2025-10-27'],
    ['Europe/Brussels', '2024-12-31T23:00:00Z', '2025-01-01'],
    // New York: EST (−5), EDT (−4) from the second Sunday of March to the first of November.
    ['America/New_York', '2025-03-09T04:59:59Z', '2025-03-08'],
    ['America/New_York', '2025-03-09T05:00:00Z', '2025-03-09'],
    ['America/New_York', '2025-03-10T03:59:59Z', '2025-03-09'],
    ['America/New_York', '2025-03-10T04:00:00Z', '2025-03-10'],
    ['America/New_York', '2025-11-02T03:59:59Z', '2025-11-01'],
    ['America/New_York', '2025-11-02T04:00:00Z', '2025-11-02'],
    ['America/New_York', '2025-11-03T04:59:59Z', '2025-11-02'],
    ['America/New_York', '2025-11-03T05:00:00Z', '2025-11-03'],
    ['America/New_York', '2025-01-01T04:59:59Z', '2024-12-31'],
    // Far from UTC, and a leap day.
    ['Pacific/Kiritimati', '2024-02-28T10:00:00Z', '2024-02-29'],
    ['Pacific/Pago_Pago', '2024-03-01T10:59:59Z', '2024-02-29'],
    ['Asia/Kolkata', '2025-06-30T18:29:59Z', '2025-06-30'],
    ['Asia/Kolkata', '2025-06-30T18:30:00Z', '2025-07-01'],
    ['UTC', '2025-12-31T23:59:59.999Z', '2025-12-31'],
    ['UTC', '0099-03-01T00:00:00Z', '0099-03-01'],
  ])('in %s at %s it is %s', (zone, instant, expected) => {
    expect(localDateIn(zone, new Date(instant))).toBe(expected);
  });

  it('refuses an unknown zone and an invalid instant', () => {
    expect(() => localDateIn('Mars/Olympus_Mons', new Date())).toThrow(RangeError);
    expect(() => localDateIn('UTC', new Date(Number.NaN))).toThrow(RangeError);
    expect(() => localDateIn('UTC', new Date('-000001-06-01T00:00:00Z'))).toThrow(RangeError);
  });
});
