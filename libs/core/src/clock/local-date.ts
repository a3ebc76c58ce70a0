/**
 * A calendar date without a time or a zone, written `YYYY-MM-DD` (years 0001–9999). Membership
 * dates are local dates in the organisation's time zone; keeping them as strings keeps the JS
 * Date and its host time zone out of date arithmetic.
 */
export type LocalDate = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building one is far dearer than using it, and renewal runs ask often. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The date it is at `instant` in `timeZone` (an IANA name such as Europe/Brussels): "today" for
 * an organisation is `localDateIn(settings.timeZone, clock.now())`. Throws a RangeError for an
 * unknown zone or an instant outside years 1–9999.
 */
export function localDateIn(timeZone: string, instant: Date): LocalDate {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? '';
  const year = Number(part('year'));
  // The era tells 1 BC (year "1", era "BC") from AD 1; only AD dates are local dates.
  if (part('era') !== 'AD' || !(year >= 1 && year <= 9999))
    throw new RangeError(`${instant.toISOString()} is out of range`);
  return `${String(year).padStart(4, '0')}-${part('month').padStart(2, '0')}-${part('day').padStart(2, '0')}`;
}

/** 'HH:MM' on the wall clock of a time zone. */
export function localTimeIn(timeZone: string, instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}
