import { activeLocale } from '@/i18n/locale';
import { formatLocalDate, formatLocalPeriod, todayLocal } from './local-date';

describe('local dates', () => {
  afterEach(() => {
    activeLocale.value = 'en';
  });

  it('formats the calendar day itself, whatever the time zone', () => {
    expect(formatLocalDate('2026-03-01', '—', 'en')).toBe('Mar 1, 2026');
    expect(formatLocalDate('2026-03-01', '—', 'fr')).toBe('1 mars 2026');
    expect(formatLocalDate('2026-12-31', '—', 'en')).toBe('Dec 31, 2026');
    expect(formatLocalDate(null)).toBe('—');
    expect(formatLocalDate('2026-3-1', 'n/a')).toBe('n/a');
  });

  it('follows the active language', () => {
    activeLocale.value = 'fr';
    expect(formatLocalDate('2027-01-05')).toBe('5 janv. 2027');
  });

  it('writes a period as one range, both days included', () => {
    expect(formatLocalPeriod({ start: '2026-01-01', end: '2026-12-31' }, '—', 'en')).toMatch(
      /^Jan 1\s–\sDec 31, 2026$/,
    ); // thin spaces, by ICU version
    expect(formatLocalPeriod({ start: '2026-06-15', end: '2027-06-14' }, '—', 'fr')).toMatch(
      /^15 juin 2026\s–\s14 juin 2027$/,
    );
    expect(formatLocalPeriod(null)).toBe('—');
  });

  it('gives today in the browser as YYYY-MM-DD', () => {
    expect(todayLocal(new Date(2026, 1, 9, 23, 59))).toBe('2026-02-09');
  });
});
