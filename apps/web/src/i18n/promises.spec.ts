import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What applicants and members read promises only what the product does. Billing exists (issue
 * 13): invoices, their PDFs and paying them by bank transfer are real. Paying online is not yet
 * (the Payments issue brings it, and updates this list): no card, checkout or "pay online" promise.
 */
const NOT_YET =
  /pay(ing)? online|online payment|pay by card|credit card|checkout|payer en ligne|paiement en ligne|payer par carte|carte de crédit|carte bancaire/i;
const MEMBER_FACING = ['public', 'auth', 'registration', 'portal'];

function leaves(tree: unknown, path: string): [string, string][] {
  if (typeof tree === 'string') return [[path, tree]];
  if (typeof tree !== 'object' || tree === null) return [];
  return Object.entries(tree).flatMap(([key, value]) => leaves(value, `${path}.${key}`));
}

function memberFacing(lang: string): [string, string][] {
  const root = join(__dirname, 'locales');
  return MEMBER_FACING.flatMap((namespace) =>
    leaves(JSON.parse(readFileSync(join(root, lang, `${namespace}.json`), 'utf8')), namespace),
  );
}

describe('member-facing messages', () => {
  const langs = readdirSync(join(__dirname, 'locales'));

  it.each(langs)('promise no online payment, which billing does not do yet (%s)', (lang) => {
    expect(memberFacing(lang).filter(([, text]) => NOT_YET.test(text))).toEqual([]);
  });

  it.each(langs)('speak of the invoices members do have (%s)', (lang) => {
    expect(
      memberFacing(lang).some(([key, text]) => key.startsWith('portal.invoices') && /invoice|factur/i.test(text)),
    ).toBe(true);
  });
});
