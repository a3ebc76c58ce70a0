import { activeLocale } from '@/i18n/locale';
import { translate } from '@/i18n/translate';
import { formatLocalDate } from '@/utils/local-date';

/**
 * A status reason in the reader's language, from the engine's code and values (the API's
 * `reason`/`reasonCode`/`reasonParams`); the server's English words when the code is not the
 * engine's (joining, older history rows) or unknown to this SPA.
 */
export function statusReasonText(
  code: string | null | undefined,
  params: Record<string, unknown> | null | undefined,
  english: string,
): string {
  const values = params ?? {};
  const day = (key: string) => formatLocalDate(typeof values[key] === 'string' ? (values[key] as string) : null);
  const text = (key: string, named: Record<string, string | number> = {}) => translate(`statuses.reason.${key}`, named);
  const count = (key: string, value: unknown, named: Record<string, string>) => {
    const n = Number(value);
    // French counts 0 as singular, English does not.
    const one = n === 1 || (n === 0 && activeLocale.value === 'fr');
    return text(`${key}.${one ? 'one' : 'other'}`, { ...named, count: n });
  };
  const withDetail = (words: string, detail: unknown) =>
    typeof detail === 'string' && detail
      ? `${words}${activeLocale.value === 'fr' ? '\u00a0: ' : ': '}${detail}`
      : words;
  switch (code) {
    case 'no-subscription':
      return text('no-subscription');
    case 'cancelled':
      return withDetail(text('cancelled'), values.endReason);
    case 'awaiting-payment':
      return values.document
        ? text('awaiting-payment', { document: String(values.document), issuedOn: day('issuedOn') })
        : text('awaiting-first');
    case 'paid':
      return text('paid', { document: String(values.document), paidOn: day('paidOn') });
    case 'in-grace':
      return text('in-grace', { periodEnd: day('periodEnd'), graceEnd: day('graceEnd') });
    case 'grace-ended':
      return count('grace-ended', values.graceDays, { periodEnd: day('periodEnd') });
    case 'lapsed':
      return count('lapsed', values.lapseDays, { graceEnd: day('graceEnd') });
    case 'ended':
      return withDetail(text('ended', { endsOn: day('endsOn') }), values.endReason);
    case 'overridden':
      return text('overridden', { reason: String(values.reason ?? '') });
    default:
      return english;
  }
}
