import { ref } from 'vue';

/** The languages the SPA speaks; the same values as a user's or applicant's `locale`. */
export const SUPPORTED_LOCALES = ['en', 'fr'] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];

export const LOCALE_STORAGE_KEY = 'tessera.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** The first of the browser's languages we speak ("fr-BE" → fr), else English. */
export function pickLocale(preferred: readonly string[]): AppLocale {
  for (const tag of preferred) {
    const lang = tag.toLowerCase().split('-')[0];
    if (isAppLocale(lang)) return lang;
  }
  return 'en';
}

/** A choice made on this device (the switcher on public pages), if any. */
export function readStoredLocale(): AppLocale | null {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isAppLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: AppLocale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Storage disabled: the choice lasts for this page only.
  }
}

/**
 * The language the SPA speaks now. A plain ref, not vue-i18n's, so formatting helpers
 * (utils/format, utils/money) follow it without depending on the i18n instance.
 */
export const activeLocale = ref<AppLocale>('en');
