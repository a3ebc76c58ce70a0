import Fastify from 'fastify';
import { Pool } from 'pg';
import { liveUser } from './raw-auth';

/**
 * The baseline of bench/reads, in its own process like the API: Fastify and pg answering GET /me
 * and GET /members/{id} with the API's JSON in the fewest statements — the session check and one
 * query that builds the whole document in PostgreSQL — with no framework, validation or ORM.
 * It checks the access token (HS256, issuer, audience, expiry) as the API does.
 */
const { DATABASE_URL, JWT_SECRET, PORT } = process.env as Record<string, string>;
const pool = new Pool({ connectionString: DATABASE_URL, max: 20 });
const secret = Buffer.from(JWT_SECRET);

const iso = (expression: string) => `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const array = (element: string, from: string) => `(SELECT coalesce(json_agg(${element}), '[]'::json) ${from})`;

/** The member `m` (with p, o, c as in MEMBERS) as the list shows it. */
const SUMMARY_KEYS = `
  'id', m.id, 'number', m.number, 'kind', m.kind, 'name', coalesce(p.first_name || ' ' || p.last_name, o.legal_name),
  'email', coalesce(p.email, c.email), 'registrationNumber', o.registration_number,
  'contactPersonId', coalesce(p.id, c.id),
  'plan', json_build_object('id', m.plan_id, 'name', coalesce((SELECT name FROM plans WHERE id = m.plan_id), '')),
  'status', m.status, 'joinedAt', ${iso('m.joined_at')}`;

const DETAIL_KEYS = `${SUMMARY_KEYS},
  'person', CASE WHEN p.id IS NOT NULL THEN json_build_object('id', p.id, 'firstName', p.first_name,
    'lastName', p.last_name, 'email', p.email, 'phone', p.phone, 'birthDate', p.birth_date, 'address', p.address,
    'nationality', p.nationality, 'locale', p.locale, 'professional', p.professional) END,
  'organisation', CASE WHEN o.id IS NOT NULL THEN json_build_object('id', o.id, 'legalName', o.legal_name,
    'registrationNumber', o.registration_number, 'vatNumber', o.vat_number, 'address', o.address,
    'website', o.website, 'representatives', ${array(
      `json_build_object('personId', rp.id, 'firstName', rp.first_name, 'lastName', rp.last_name, 'email', rp.email,
         'phone', rp.phone, 'role', r.role, 'isContact', r.is_contact) ORDER BY r.is_contact DESC, rp.last_name, rp.first_name`,
      'FROM representations r JOIN persons rp ON rp.id = r.person_id WHERE r.organisation_id = o.id',
    )}) END,
  'organisationsRepresented', CASE WHEN p.id IS NULL THEN '[]'::json ELSE ${array(
    `json_build_object('organisationId', ro.id, 'legalName', ro.legal_name, 'registrationNumber', ro.registration_number,
       'role', r.role, 'isContact', r.is_contact, 'memberId', rm.id, 'memberNumber', rm.number) ORDER BY ro.legal_name`,
    `FROM representations r JOIN organisations ro ON ro.id = r.organisation_id
       LEFT JOIN members rm ON rm.organisation_id = ro.id WHERE r.person_id = p.id`,
  )} END,
  'statusHistory', ${array(
    `json_build_object('from', h.from_status, 'to', h.to_status, 'reason', h.reason, 'at', ${iso('h.occurred_at')},
       'actor', json_build_object('kind', h.actor_kind, 'id', h.actor_id)) ORDER BY h.occurred_at, h.seq`,
    'FROM member_status_changes h WHERE h.member_id = m.id',
  )},
  'source', json_build_object('type', m.source_type, 'id', m.source_id, 'reference', m.source_reference),
  'createdAt', ${iso('m.created_at')}, 'updatedAt', ${iso('m.updated_at')}`;

const MEMBERS = `members m
  LEFT JOIN persons p ON p.id = m.person_id
  LEFT JOIN organisations o ON o.id = m.organisation_id
  LEFT JOIN representations cr ON cr.organisation_id = m.organisation_id AND cr.is_contact
  LEFT JOIN persons c ON c.id = cr.person_id`;

/** The members the person `person` acts for: their own first, then organisations they are the contact of. */
const ACTING = (person: string) => `m.id IN (
  SELECT id FROM members WHERE person_id = ${person}
  UNION ALL SELECT om.id FROM representations ar JOIN members om ON om.organisation_id = ar.organisation_id
   WHERE ar.person_id = ${person} AND ar.is_contact)`;

const ME = `
  WITH account AS (SELECT u.*, pa.person_id FROM users u LEFT JOIN portal_accounts pa ON pa.user_id = u.id WHERE u.id = $1),
  acting AS (SELECT json_build_object(${SUMMARY_KEYS}) AS summary, json_build_object(${DETAIL_KEYS}) AS detail,
                    row_number() OVER (ORDER BY m.kind DESC, m.created_at) AS n
               FROM ${MEMBERS} WHERE EXISTS (SELECT 1 FROM account WHERE 'member' = ANY(account.roles))
                AND ${ACTING('(SELECT person_id FROM account)')})
  SELECT json_build_object(
    'user', (SELECT json_build_object('id', id, 'email', email, 'name', name, 'roles', roles, 'locale', locale,
               'active', active, 'activated', password_hash IS NOT NULL, 'createdAt', ${iso('created_at')},
               'lastLoginAt', ${iso('last_login_at')}) FROM account),
    'member', (SELECT detail FROM acting WHERE n = 1),
    'memberships', (SELECT coalesce(json_agg(summary ORDER BY n), '[]'::json) FROM acting))::text AS body`;

const MEMBER_OF_ACCOUNT = `
  SELECT json_build_object(${DETAIL_KEYS},
    'portalAccount', coalesce((SELECT json_build_object(
        'state', CASE WHEN NOT u.active THEN 'disabled' WHEN u.password_hash IS NULL THEN 'invited' ELSE 'active' END,
        'userId', pa.user_id, 'createdFrom', pa.origin, 'sourceReference', pa.source_reference,
        'autoCreated', pa.auto_created, 'needsAcknowledgement', pa.auto_created AND pa.acknowledged_at IS NULL,
        'invitedAt', ${iso(`(SELECT max(t.created_at) FROM user_tokens t WHERE t.user_id = pa.user_id AND t.purpose = 'activation')`)},
        'lastLoginAt', ${iso('u.last_login_at')}, 'createdAt', ${iso('pa.created_at')})
      FROM portal_accounts pa JOIN users u ON u.id = pa.user_id WHERE pa.person_id = coalesce(p.id, c.id)),
      json_build_object('state', 'none', 'userId', NULL, 'createdFrom', NULL, 'sourceReference', NULL,
        'autoCreated', false, 'needsAcknowledgement', false, 'invitedAt', NULL, 'lastLoginAt', NULL, 'createdAt', NULL))
  )::text AS body
  FROM ${MEMBERS}
  WHERE m.id = $1 AND (m.person_id = (SELECT person_id FROM portal_accounts WHERE user_id = $2) OR EXISTS (
    SELECT 1 FROM representations ar WHERE ar.organisation_id = m.organisation_id AND ar.is_contact
       AND ar.person_id = (SELECT person_id FROM portal_accounts WHERE user_id = $2)))`;

const app = Fastify();
app.get('/health', async () => ({ status: 'ok' }));
app.get('/me', async (request, reply) => {
  const userId = await liveUser(pool, secret, request.headers.authorization);
  if (!userId) return reply.code(401).send({ status: 401 });
  const { rows } = await pool.query({ name: 'me', text: ME, values: [userId] });
  return reply.type('application/json').send((rows[0] as { body: string }).body);
});
app.get<{ Params: { id: string } }>('/members/:id', async (request, reply) => {
  const userId = await liveUser(pool, secret, request.headers.authorization);
  if (!userId) return reply.code(401).send({ status: 401 });
  const { rows } = await pool.query({ name: 'member', text: MEMBER_OF_ACCOUNT, values: [request.params.id, userId] });
  if (rows.length === 0) return reply.code(404).send({ status: 404 });
  return reply.type('application/json').send((rows[0] as { body: string }).body);
});
app.listen({ port: Number(PORT), host: '127.0.0.1' }).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
