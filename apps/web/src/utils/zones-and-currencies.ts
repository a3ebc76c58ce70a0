import type { SelectOption } from 'naive-ui';

/**
 * Choices for the organisation's time zone and currency, from the browser's own Intl data (the
 * server validates against Node's, which is the same ICU list in practice).
 */

/** Every IANA zone, "Europe/Brussels (UTC+1)" style, plus UTC first. */
export function timeZoneOptions(now = new Date()): SelectOption[] {
  const zones = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  return zones.map((zone) => ({ value: zone, label: `${zone.replace(/_/g, ' ')} (${offsetOf(zone, now)})` }));
}

function offsetOf(zone: string, now: Date): string {
  const part = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' })
    .formatToParts(now)
    .find((p) => p.type === 'timeZoneName');
  return part?.value === 'GMT' ? 'UTC' : (part?.value.replace('GMT', 'UTC') ?? 'UTC');
}

/** ISO 4217 codes with their names in the SPA's language: "EUR · Euro". */
export function currencyOptions(locale: string): SelectOption[] {
  const names = new Intl.DisplayNames([locale], { type: 'currency' });
  return Intl.supportedValuesOf('currency').map((code) => ({
    value: code,
    label: `${code} · ${names.of(code) ?? code}`,
  }));
}
