import type { Pool } from 'pg';

/**
 * Gives every seeded member (seedMembers: source reference SEED-i) `perMember` documents in a few
 * set-based statements, one a month back from this month: in each run of eight, invoices paid in
 * full (four), open, partly paid and credited, then the credit note of the credited one (five
 * days after it) — so lists mix states, overdue invoices and credit notes. Each has its one line.
 */
export async function seedInvoices(pool: Pool, perMember: number): Promise<number> {
  const documents = `
    SELECT m.id AS member_id, m.number AS member_number, coalesce(p.first_name || ' ' || p.last_name, o.legal_name) AS name,
           k, (date_trunc('month', now()) - ((k - 1) || ' months')::interval)::date AS issue_date
      FROM members m LEFT JOIN persons p ON p.id = m.person_id LEFT JOIN organisations o ON o.id = m.organisation_id,
           generate_series(1, $1::int) AS k
     WHERE m.source_reference LIKE 'SEED-%'`;
  const state = `CASE WHEN k % 8 IN (1, 2, 3, 4) THEN 'paid' WHEN k % 8 = 5 THEN 'open'
                      WHEN k % 8 = 6 THEN 'partially-paid' ELSE 'credited' END`;
  const buyer = `jsonb_build_object('name', s.name, 'memberNumber', s.member_number, 'address', NULL,
                   'companyNumber', NULL, 'vatNumber', NULL, 'email', NULL)`;
  // Invoices: every k but the multiples of 8, which are the credit notes of k - 1.
  const invoices = await pool.query(
    `INSERT INTO billing_documents (kind, state, number, member_id, buyer, locale, currency, net_amount, tax_amount,
                                    gross_amount, allocated_amount, issue_date, due_date, period_start, period_end,
                                    payment_reference, issued_at, settled_at, updated_at)
     SELECT 'invoice', ${state}, 'INV-' || s.member_number || '-' || k, s.member_id, ${buyer}, 'en', 'EUR',
            6000, 1260, 7260, CASE ${state} WHEN 'paid' THEN 7260 WHEN 'partially-paid' THEN 3000 ELSE 0 END,
            s.issue_date, s.issue_date + 30, s.issue_date, s.issue_date + 364,
            CASE WHEN ${state} IN ('open', 'partially-paid') THEN 'RF-' || s.member_number || '-' || k END,
            s.issue_date, CASE WHEN ${state} = 'paid' THEN s.issue_date + 10 END, now()
       FROM (${documents}) s WHERE k % 8 <> 0`,
    [perMember],
  );
  const creditNotes = await pool.query(
    `INSERT INTO billing_documents (kind, state, number, member_id, buyer, locale, currency, net_amount, tax_amount,
                                    gross_amount, issue_date, period_start, period_end, related_document_id, reason,
                                    issued_at, updated_at)
     SELECT 'credit-note', 'issued', 'CN-' || s.member_number || '-' || k, s.member_id, ${buyer}, 'en', 'EUR',
            6000, 1260, 7260, i.issue_date + 5, i.period_start, i.period_end, i.id, 'Invoiced twice', i.issue_date + 5,
            now()
       FROM (${documents}) s JOIN billing_documents i ON i.number = 'INV-' || s.member_number || '-' || (k - 1)
      WHERE k % 8 = 0`,
    [perMember],
  );
  await pool.query(
    `INSERT INTO billing_document_lines (document_id, position, description, period_start, period_end, quantity,
                                         unit_price, tax_rate_bps, net_amount, tax_amount)
     SELECT id, 0, 'Individual membership', period_start, period_end, 1, 6000, 2100, 6000, 1260 FROM billing_documents`,
  );
  await pool.query('ANALYZE billing_documents');
  return (invoices.rowCount ?? 0) + (creditNotes.rowCount ?? 0);
}
