import { createI18n, type I18nOptions } from 'vue-i18n';
import { activeLocale, pickLocale, readStoredLocale, storeLocale, SUPPORTED_LOCALES, type AppLocale } from './locale';
import { registerTranslator } from './translate';

/**
 * The SPA's messages: `locales/<lang>/<namespace>.json` becomes `<namespace>.<key>` in that
 * language, so each area of the app keeps its own file (`t('office.applications.title')`).
 */
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', { eager: true, import: 'default' });

function messagesFor(lang: AppLocale): Record<string, unknown> {
  const messages: Record<string, unknown> = {};
  for (const [path, content] of Object.entries(files)) {
    const match = /\.\/locales\/([a-z]+)\/([\w-]+)\.json$/.exec(path);
    if (match?.[1] === lang && match[2]) messages[match[2]] = content;
  }
  return messages;
}

export const i18n = createI18n({
  legacy: false as const,
  globalInjection: true,
  locale: activeLocale.value,
  fallbackLocale: 'en',
  messages: Object.fromEntries(SUPPORTED_LOCALES.map((lang) => [lang, messagesFor(lang)])) as I18nOptions['messages'],
  // Missing keys fail the key-parity test, not the console.
  missingWarn: false,
  fallbackWarn: false,
});

// Code outside components (utils, useForm, api/problem) translates through vue-i18n from now on.
registerTranslator((key, values) => i18n.global.t(key, values ?? {}));

/**
 * Speaks `locale` from now on: messages, naive-ui's texts, Intl formats (utils/format) and the
 * page's `lang`. `remember` keeps the choice on this device (public pages); a signed-in user's
 * language comes from their account instead.
 */
export function setLocale(locale: AppLocale, { remember = false } = {}): void {
  activeLocale.value = locale;
  i18n.global.locale.value = locale;
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  if (remember) storeLocale(locale);
}

/** The language before anyone signs in: this device's earlier choice, else the browser's. */
export function initialLocale(): AppLocale {
  return readStoredLocale() ?? pickLocale(typeof navigator !== 'undefined' ? navigator.languages : []);
}

export { activeLocale, isAppLocale, SUPPORTED_LOCALES, type AppLocale } from './locale';
