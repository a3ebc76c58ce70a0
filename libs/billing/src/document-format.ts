/** How a reader of each language writes amounts and dates (e-mails; the PDF has its own layout). */
const LANGUAGE_TAGS = { en: 'en-IE', fr: 'fr-BE' } as const;

/** An amount in minor units: €1,234.56 · 1 234,56 €. */
export function formatDocumentMoney(amount: number, currency: string, locale: 'en' | 'fr'): string {
  const format = new Intl.NumberFormat(LANGUAGE_TAGS[locale], { style: 'currency', currency });
  return format.format(amount / 10 ** (format.resolvedOptions().maximumFractionDigits ?? 2));
}

/** A local date YYYY-MM-DD: 5 January 2027 · 5 janvier 2027. */
export function formatDocumentDate(date: string, locale: 'en' | 'fr'): string {
  return new Intl.DateTimeFormat(LANGUAGE_TAGS[locale], { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}
