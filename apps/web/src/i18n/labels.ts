import { i18n } from './index';

/**
 * Labels for a closed set of values (statuses, kinds, sources), each the message
 * `<prefix>.<value>` in the current language at the moment it is read. Read in a render (a
 * template, a computed table column) it re-renders when the language changes, so domains keep
 * plain lookups (`STATUS_LABELS[status]`) and the shared StatusTag needs no i18n of its own.
 */
export function translatedLabels<V extends string>(prefix: string, values: readonly V[]): Readonly<Record<V, string>> {
  const labels = {} as Record<V, string>;
  for (const value of values) {
    Object.defineProperty(labels, value, { enumerable: true, get: () => i18n.global.t(`${prefix}.${value}`) });
  }
  return labels;
}
