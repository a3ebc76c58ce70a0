import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What applicants and members read promises only what the product does: no invoices or payments
 * until billing exists (the Subscriptions and Payments issues bring them, and update this list).
 */
const NOT_YET = /invoice|factur|payment|paiement|pay online|payer en ligne/i;
const MEMBER_FACING = ['public', 'auth', 'registration', 'portal'];

function leaves(tree: unknown, path: string): [string, string][] {
  if (typeof tree === 'string') return [[path, tree]];
  if (typeof tree !== 'object' || tree === null) return [];
  return Object.entries(tree).flatMap(([key, value]) => leaves(value, `${path}.${key}`));
}

describe('member-facing messages', () => {
  const root = join(__dirname, 'locales');
  it.each(readdirSync(root))('promise nothing billing does not do yet (%s)', (lang) => {
    const promises = MEMBER_FACING.flatMap((namespace) =>
      leaves(JSON.parse(readFileSync(join(root, lang, `${namespace}.json`), 'utf8')), namespace),
    ).filter(([, text]) => NOT_YET.test(text));
    expect(promises).toEqual([]);
  });
});
