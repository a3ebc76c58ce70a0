import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What applicants and members read promises only what the product does. Invoices, their PDFs and
 * paying them by bank transfer are always real. Paying online (Stripe Checkout) exists only where
 * the organisation configured it: the portal speaks of it only in the messages shown next to the
 * Pay button or after coming back from the payment page (`portal.invoices.online.*`), which appear
 * only when GET /me/invoices says `onlinePayment` (components/portal/document-actions.spec.ts and
 * the payments browser test check the button is absent otherwise), and in the name of the method a
 * payment was made with. Nothing member-facing may promise card payment anywhere else.
 */
const ONLINE =
  /pay(ing)? online|online payment|pay by card|by card|credit card|checkout|stripe|payer en ligne|paiement en ligne|payer par carte|par carte|carte de crédit|carte bancaire/i;
const ONLINE_ONLY = [/^portal\.invoices\.online\./, /^payments\.method\.stripe$/];
/** `payments` holds the method names and table headings My payments shares with the back office. */
const MEMBER_FACING = ['public', 'auth', 'registration', 'portal', 'payments'];

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

const onlineOnly = (key: string) => ONLINE_ONLY.some((pattern) => pattern.test(key));

describe('member-facing messages', () => {
  const langs = readdirSync(join(__dirname, 'locales'));

  it.each(langs)('speak of online payment only where it is shown when configured (%s)', (lang) => {
    expect(memberFacing(lang).filter(([key, text]) => ONLINE.test(text) && !onlineOnly(key))).toEqual([]);
  });

  it.each(langs)('always tell how to pay by bank transfer (%s)', (lang) => {
    const transfer = memberFacing(lang).filter(([key]) => key.startsWith('portal.invoices.transfer.'));
    expect(transfer.length).toBeGreaterThan(0);
    for (const [, text] of transfer) expect(text).toMatch(/bank transfer|virement/i);
    for (const [, text] of transfer) expect(text).not.toMatch(ONLINE);
  });

  it.each(langs)('speak of the invoices members do have (%s)', (lang) => {
    expect(
      memberFacing(lang).some(([key, text]) => key.startsWith('portal.invoices') && /invoice|factur/i.test(text)),
    ).toBe(true);
  });
});
