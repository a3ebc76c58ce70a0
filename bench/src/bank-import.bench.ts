import { generateCamt053, parseCamt053, paymentReferenceFor } from '@tessera/billing';
import type { Pool } from 'pg';
import { deployMembers } from './member-deployment';

const LINES = Number(process.env.BENCH_BANK_LINES ?? 10_000);
const PARSES = 3;
/** Gross of each seeded invoice: 60.00 + 21 % VAT. */
const GROSS = 7260;
const ADMIN = { email: 'bench.admin@tessera.test', password: 'Bench-Admin-Password-1' };

/**
 * POST /bank-statements — a CAMT.053 statement of LINES transfers, each paying one member's open
 * invoice by its RF reference — through the API (a separate process, as in production): upload,
 * parse, store, reconcile, record LINES payments with their allocations. Baseline: parsing the
 * same file with the same parser in this process. Targets: ≤ 10 s, and at least 0.2× the
 * parse-only rate of lines.
 */
export async function bankImportBench(): Promise<void> {
  const deployment = await deployMembers(LINES, 'bank', 0);
  try {
    const started = performance.now();
    const references = await seedOpenInvoices(deployment.pool, LINES);
    console.log(`  (seeded ${LINES.toLocaleString('en')} open invoices in ${seconds(performance.now() - started)} s)`);
    const xml = generateCamt053(
      references.map((reference) => ({ reference, amount: GROSS })),
      { statementId: 'BENCH-2026-001' },
    );
    const bytes = Buffer.from(xml);

    parseCamt053(bytes); // warm-up: the parser's code compiled, as the API's will be after its first import
    const parses: number[] = [];
    for (let i = 0; i < PARSES; i++) {
      const at = performance.now();
      const statement = parseCamt053(bytes);
      parses.push(performance.now() - at);
      if (statement.lines.length !== LINES) throw new Error(`Parsed ${statement.lines.length} lines, not ${LINES}`);
    }
    const parseMs = parses.sort((a, b) => a - b)[Math.floor(PARSES / 2)];

    const base = `http://127.0.0.1:${deployment.api.port}/api/v1`;
    const token = await signIn(base);
    const form = new FormData();
    form.set('format', 'camt053');
    form.set('file', new Blob([bytes], { type: 'application/xml' }), 'bench-statement.xml');
    const at = performance.now();
    const response = await fetch(`${base}/bank-statements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    const body = (await response.json()) as Record<string, unknown>;
    const apiMs = performance.now() - at;
    if (response.status !== 201) throw new Error(`POST /bank-statements: ${response.status} ${JSON.stringify(body)}`);
    const paid = await paidInvoices(deployment.pool);
    if (body.matched !== LINES || paid !== LINES)
      throw new Error(`Matched ${String(body.matched)} lines and paid ${paid} invoices, not ${LINES}`);

    const share = parseMs / apiMs;
    console.log(
      `\nBank import: POST /bank-statements, CAMT.053 of ${LINES.toLocaleString('en')} lines ` +
        `(${(bytes.length / 1024 / 1024).toFixed(1)} MB), every line paying an open invoice by its RF reference`,
    );
    console.log(
      `  API: upload, parse, store, reconcile, ${LINES.toLocaleString('en')} payments  ${seconds(apiMs)} s  ` +
        `(${rate(apiMs)} lines/s)`,
    );
    console.log(`  baseline: parse only, same file and parser       ${seconds(parseMs)} s  (${rate(parseMs)} lines/s)`);
    console.log(`  answer: ${JSON.stringify(pick(body, ['lines', 'matched', 'suggested', 'toReview', 'duplicates']))}`);
    console.log(
      `  targets: ≤ 10 s → ${seconds(apiMs)} s ${apiMs <= 10_000 ? 'met' : 'NOT met'}; ` +
        `≥ 0.2× the parse-only rate → ${share.toFixed(2)}× ${share >= 0.2 ? 'met' : 'NOT met'}`,
    );
  } finally {
    await deployment.close();
  }
}

/**
 * One open invoice per seeded member (SEED-1…SEED-n), in one statement: what the API's issue
 * would store, with real RF references (check digits and all) so the statement can quote them.
 */
async function seedOpenInvoices(pool: Pool, count: number): Promise<string[]> {
  const references = Array.from({ length: count }, (_, i) => paymentReferenceFor('rf', 1_000_000 + i));
  await pool.query(
    `INSERT INTO billing_documents (kind, state, number, member_id, buyer, locale, currency, net_amount, tax_amount,
                                    gross_amount, allocated_amount, issue_date, due_date, period_start, period_end,
                                    payment_reference, issued_at, updated_at)
     SELECT 'invoice', 'open', 'INV-BENCH-' || r.i, m.id,
            jsonb_build_object('name', coalesce(p.first_name || ' ' || p.last_name, o.legal_name),
              'memberNumber', m.number, 'address', NULL, 'companyNumber', NULL, 'vatNumber', NULL, 'email', NULL),
            'en', 'EUR', 6000, 1260, ${GROSS}, 0, current_date, current_date + 30, current_date, current_date + 364,
            r.reference, now(), now()
       FROM unnest($1::text[]) WITH ORDINALITY AS r(reference, i)
       JOIN members m ON m.source_reference = 'SEED-' || r.i
       LEFT JOIN persons p ON p.id = m.person_id LEFT JOIN organisations o ON o.id = m.organisation_id`,
    [references],
  );
  await pool.query('ANALYZE billing_documents');
  return references;
}

async function paidInvoices(pool: Pool): Promise<number> {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS n FROM billing_documents WHERE number LIKE 'INV-BENCH-%' AND state = 'paid'`,
  );
  return (rows[0] as { n: number }).n;
}

async function signIn(base: string): Promise<string> {
  const response = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (!response.ok) throw new Error(`Signing in: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const rate = (ms: number) => ((LINES / ms) * 1000).toFixed(0);
const pick = (body: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, body[k]]));
