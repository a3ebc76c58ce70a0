import Fastify from 'fastify';
import { Pool } from 'pg';
import { liveUser } from './raw-auth';

/**
 * The baseline of bench/invoices, in its own process like the API: Fastify and pg answering
 * GET /me/invoices with the API's JSON in the fewest statements — the session check, then the
 * repository's query (BillingDocumentRepository.listForMembers over memberIdsActedForSql of the
 * account's person) with the page built into JSON by PostgreSQL and today taken in the
 * organisation's time zone in the same statement — with no framework, validation or ORM.
 */
const { DATABASE_URL, JWT_SECRET, PORT } = process.env as Record<string, string>;
const pool = new Pool({ connectionString: DATABASE_URL, max: 20 });
const secret = Buffer.from(JWT_SECRET);

const PERSON = `(SELECT pa.person_id FROM portal_accounts pa WHERE pa.user_id = $1::uuid)`;
const money = (column: string) => `json_build_object('amount', ${column}, 'currency', d.currency)`;
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

const MY_INVOICES = `
  WITH docs AS (
    SELECT d.*, count(*) OVER ()::int AS total FROM billing_documents d
     WHERE d.member_id IN (SELECT am.id FROM members am WHERE am.person_id = ${PERSON}
       UNION ALL SELECT am.id FROM members am
         JOIN representations ar ON ar.organisation_id = am.organisation_id AND ar.is_contact
        WHERE ar.person_id = ${PERSON})
     ORDER BY d.issue_date DESC, d.number DESC LIMIT $2 OFFSET $3),
  today AS (SELECT (now() AT TIME ZONE s.time_zone)::date AS today FROM organisation_settings s)
  SELECT json_build_object(
    'items', coalesce(json_agg(json_build_object(
      'id', d.id, 'kind', d.kind, 'number', d.number, 'state', d.state,
      'member', json_build_object('id', d.member_id, 'number', d.buyer->>'memberNumber', 'name', d.buyer->>'name'),
      'issueDate', ${day('d.issue_date')}, 'dueDate', ${day('d.due_date')},
      'totals', json_build_object('net', ${money('d.net_amount')}, 'tax', ${money('d.tax_amount')},
                                  'gross', ${money('d.gross_amount')}),
      'amountDue', ${money(`CASE WHEN (d.kind = 'invoice' AND d.state IN ('open','partially-paid'))
                                   OR (d.kind = 'pro-forma' AND d.state = 'open')
                                 THEN d.gross_amount - d.allocated_amount ELSE 0 END`)},
      'paymentReference', d.payment_reference,
      'period', CASE WHEN d.period_start IS NOT NULL AND d.period_end IS NOT NULL
                THEN json_build_object('start', ${day('d.period_start')}, 'end', ${day('d.period_end')}) END,
      'overdue', (d.state IN ('open','partially-paid') AND d.kind <> 'credit-note'
                  AND d.due_date < (SELECT today FROM today)))
      ORDER BY d.issue_date DESC, d.number DESC), '[]'::json),
    'total', coalesce(max(d.total), 0), 'page', $4::int, 'pageSize', $2::int)::text AS body
  FROM docs d`;

const app = Fastify();
app.get('/health', async () => ({ status: 'ok' }));
app.get<{ Querystring: { page?: string; pageSize?: string } }>('/me/invoices', async (request, reply) => {
  const userId = await liveUser(pool, secret, request.headers.authorization);
  if (!userId) return reply.code(401).send({ status: 401 });
  const page = Number(request.query.page ?? 1);
  const pageSize = Number(request.query.pageSize ?? 20);
  const { rows } = await pool.query({
    name: 'my-invoices',
    text: MY_INVOICES,
    values: [userId, pageSize, (page - 1) * pageSize, page],
  });
  return reply.type('application/json').send((rows[0] as { body: string }).body);
});
app.listen({ port: Number(PORT), host: '127.0.0.1' }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
// A clean exit on SIGTERM, so a --cpu-prof profile gets written.
process.once('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
