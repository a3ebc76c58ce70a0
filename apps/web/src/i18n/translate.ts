import { activeLocale, type AppLocale } from './locale';
import enFormat from './locales/en/format.json';
import enProblems from './locales/en/problems.json';
import enValidation from './locales/en/validation.json';
import frFormat from './locales/fr/format.json';
import frProblems from './locales/fr/problems.json';
import frValidation from './locales/fr/validation.json';

/**
 * Translation for code outside components (utils, api/problem, useForm), which must not import
 * the vue-i18n instance so it stays unit-testable under Jest. The app registers vue-i18n's `t`
 * (i18n/index.ts); until then (in unit tests) the `format`, `problems` and `validation`
 * namespaces are read straight from their files, in the active language.
 */
export type MessageValues = Record<string, string | number>;
export type Translate = (key: string, values?: MessageValues) => string;

/** A message to show later, in the language of that moment: a key and its values. */
export interface Translatable {
  key: string;
  values?: MessageValues;
}

/** Text as it is (e.g. the server's own message), a message translated when shown, or several. */
export type Message = string | Translatable | readonly Message[];

const bundled: Record<AppLocale, Record<string, unknown>> = {
  en: { format: enFormat, problems: enProblems, validation: enValidation },
  fr: { format: frFormat, problems: frProblems, validation: frValidation },
};

let registered: Translate | null = null;

export function registerTranslator(translator: Translate): void {
  registered = translator;
}

function bundledMessage(key: string, values: MessageValues = {}): string {
  let node: unknown = bundled[activeLocale.value];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  if (typeof node !== 'string') return key;
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function translate(key: string, values?: MessageValues): string {
  return registered ? registered(key, values) : bundledMessage(key, values);
}

export function keyed(key: string, values?: MessageValues): Translatable {
  return values ? { key, values } : { key };
}

/** The text of a message in the active language. */
export function messageText(message: Message): string {
  if (typeof message === 'string') return message;
  if (isMessageList(message)) return message.map(messageText).join(' ');
  return translate(message.key, message.values);
}

function isMessageList(message: Message): message is readonly Message[] {
  return Array.isArray(message);
}
