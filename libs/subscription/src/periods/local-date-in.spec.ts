import fc from 'fast-check';
import { localDateIn } from '@tessera/core';
import { addDays } from './local-dates';

/**
 * localDateIn (in @tessera/core) against references that do not use formatToParts' date fields:
 * the EU and US daylight-saving rules written out, and the zone's UTC offset (Intl's longOffset
 * name) added to the instant.
 */
const HOUR = 3_600_000;

const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** 01:00 UTC on the last Sunday of `month` (1-based) in `year`. */
function lastSundayAtOneUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0));
  return Date.UTC(year, month - 1, last.getUTCDate() - last.getUTCDay(), 1);
}

/** The `nth` Sunday of `month` at local 02:00 in a zone `offsetHours` from UTC. */
function nthSundayAtTwo(year: number, month: number, nth: number, offsetHours: number): number {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const day = 1 + ((7 - first) % 7) + (nth - 1) * 7;
  return Date.UTC(year, month - 1, day, 2) - offsetHours * HOUR;
}

/** Brussels since 1996: +1, +2 from the last Sunday of March to the last of October (01:00 UTC). */
function brussels(ms: number): string {
  const year = new Date(ms).getUTCFullYear();
  const summer = ms >= lastSundayAtOneUtc(year, 3) && ms < lastSundayAtOneUtc(year, 10);
  return utcDate(ms + (summer ? 2 : 1) * HOUR);
}

/** New York since 2007: −5, −4 from the second Sunday of March 02:00 EST to the first of November 02:00 EDT. */
function newYork(ms: number): string {
  const year = new Date(ms).getUTCFullYear();
  const summer = ms >= nthSundayAtTwo(year, 3, 2, -5) && ms < nthSundayAtTwo(year, 11, 1, -4);
  return utcDate(ms + (summer ? -4 : -5) * HOUR);
}

/** The zone's offset at `ms`, as Intl names it ("GMT+05:30"), added to the instant. */
function byOffset(zone: string, ms: number): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(new Date(ms))
    .find((part) => part.type === 'timeZoneName')!.value;
  const match = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name)!;
  const minutes = match[1] ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  return utcDate(ms + minutes * 60_000);
}

const instants = (from: string, to: string) => fc.integer({ min: Date.parse(from), max: Date.parse(to) });

/** Instants within three hours of a daylight-saving change in Brussels or New York, 2008–2037. */
const nearTransitions = fc
  .record({
    year: fc.integer({ min: 2008, max: 2037 }),
    change: fc.constantFrom(
      (year: number) => lastSundayAtOneUtc(year, 3),
      (year: number) => lastSundayAtOneUtc(year, 10),
      (year: number) => nthSundayAtTwo(year, 3, 2, -5),
      (year: number) => nthSundayAtTwo(year, 11, 1, -4),
    ),
    delta: fc.integer({ min: -3 * HOUR, max: 3 * HOUR }),
  })
  .map(({ year, change, delta }) => change(year) + delta);

describe('localDateIn against references', () => {
  it('Brussels and New York follow their daylight-saving rules, around the changes and anywhere in 2008–2037', () => {
    fc.assert(
      fc.property(fc.oneof(nearTransitions, instants('2008-01-01', '2037-12-31')), (ms) => {
        expect(localDateIn('Europe/Brussels', new Date(ms))).toBe(brussels(ms));
        expect(localDateIn('America/New_York', new Date(ms))).toBe(newYork(ms));
      }),
      { numRuns: 2000 },
    );
  });

  it('any zone gives the UTC date of the instant shifted by its offset', () => {
    const zones = fc.constantFrom(
      'UTC',
      'Europe/Brussels',
      'America/New_York',
      'Asia/Kolkata',
      'Asia/Kathmandu',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'America/St_Johns',
      'America/Sao_Paulo',
      'Africa/Casablanca',
    );
    fc.assert(
      fc.property(zones, instants('1980-01-01', '2060-12-31'), (zone, ms) => {
        expect(localDateIn(zone, new Date(ms))).toBe(byOffset(zone, ms));
      }),
      { numRuns: 2000 },
    );
  });

  it('moves on by exactly one date each local day', () => {
    fc.assert(
      fc.property(instants('2000-01-01', '2050-12-31'), (ms) => {
        const today = localDateIn('Europe/Brussels', new Date(ms));
        // 25 hours later is always the next local date or the one after (never the same: days last 23–25 hours).
        const later = localDateIn('Europe/Brussels', new Date(ms + 25 * HOUR));
        expect([addDays(today, 1), addDays(today, 2)]).toContain(later);
      }),
    );
  });
});
