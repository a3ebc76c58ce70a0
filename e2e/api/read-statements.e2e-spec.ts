import { seedMembers, type SeededMembers } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { startApiWith, type ApiWith } from '../support/api-with';
import { ADMIN } from '../support/stack';
import { sequentialScansOf, statementsOf, type Statement } from '../support/statement-counter';

const MEMBERS = 5000;
/** Tables that grow with the association (seeded to MEMBERS rows each). */
const LARGE_TABLES = [
  'members',
  'persons',
  'organisations',
  'representations',
  'member_status_changes',
  'users',
  'portal_accounts',
  'user_tokens',
];

/**
 * The pages a person opens all the time stay a few indexed statements as the association grows:
 * statements per request counted in the API's process (the API alone, so nothing else queries),
 * and the plans of the hot ones checked for sequential scans with 5,000 members seeded.
 */
describe('reads that stay fast as the association grows', () => {
  let app: ApiWith;
  let db: DataSource;
  let seeded: SeededMembers;
  let adminToken: string;
  const memberIds = new Map<number, string>();

  async function login(email: string, password: string): Promise<string> {
    const response = await fetch(`${app.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  /** The statements one GET runs, after the same GET once (connections open, statements prepared). */
  async function statementsOfGet(path: string, token: string, status = 200): Promise<Statement[]> {
    const get = async () => {
      const response = await fetch(`${app.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(response.status).toBe(status);
      await response.arrayBuffer();
    };
    await get();
    return statementsOf(db, get);
  }

  beforeAll(async () => {
    app = await startApiWith([]);
    db = app.api.get(DataSource);
    adminToken = await login(ADMIN.email, ADMIN.password);
    const [plan] = (await db.query(
      `INSERT INTO plans (code, name, applicant_kinds, price_amount, price_currency, period_count, period_unit)
       VALUES ('reads', 'Reads plan', ARRAY['individual','organisation'], 6000, 'EUR', 1, 'year') RETURNING id`,
    )) as { id: string }[];
    // Every seeded account signs in with the administrator's password (its hash, made the usual way).
    const [{ hash }] = (await db.query(`SELECT password_hash AS hash FROM users WHERE email = $1`, [ADMIN.email])) as {
      hash: string;
    }[];
    seeded = await seedMembers(db, { count: MEMBERS, planId: plan.id, passwordHash: hash, tag: 'reads' });
    for (const i of [1, 2, 5]) {
      const [row] = (await db.query(`SELECT m.id FROM members m WHERE m.source_reference = $1`, [`SEED-${i}`])) as {
        id: string;
      }[];
      memberIds.set(i, row.id);
    }
  }, 120_000);
  afterAll(() => app.stop());

  it('GET /me is the session check and one prepared statement, and uses indexes only', async () => {
    const token = await login(seeded.emailOf(1), ADMIN.password);
    const statements = await statementsOfGet('/me', token);
    expect(statements.length).toBeLessThanOrEqual(3);
    for (const statement of statements) expect(await largeTablesScanned(statement)).toEqual([]);
  });

  it("GET /me of an organisation's contact finds its membership by the account's person", async () => {
    const token = await login(seeded.emailOf(5), ADMIN.password);
    const response = await fetch(`${app.baseUrl}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    const me = (await response.json()) as { member: { id: string; kind: string }; memberships: { id: string }[] };
    expect(me.member).toMatchObject({ id: memberIds.get(5), kind: 'organisation' });
    expect(me.memberships.map((membership) => membership.id)).toEqual([memberIds.get(5)]);
  });

  it('GET /members/{id} is at most 3 statements for a member (own or not) and for staff, indexes only', async () => {
    const memberToken = await login(seeded.emailOf(1), ADMIN.password);
    const own = await statementsOfGet(`/members/${memberIds.get(1)}`, memberToken);
    const others = await statementsOfGet(`/members/${memberIds.get(2)}`, memberToken, 404);
    const staff = await statementsOfGet(`/members/${memberIds.get(5)}`, adminToken);
    for (const statements of [own, others, staff]) {
      expect(statements.length).toBeLessThanOrEqual(3);
      for (const statement of statements) expect(await largeTablesScanned(statement)).toEqual([]);
    }
  });

  it.each([
    '/members',
    '/members?accountState=active',
    '/members?q=person%2042',
    '/users',
    '/applications',
    '/orders',
    '/approvals',
    '/approvals/summary',
    '/emails',
  ])('GET %s is at most 3 statements', async (path) => {
    expect((await statementsOfGet(path, adminToken)).length).toBeLessThanOrEqual(3);
  });

  /** Large tables the statement reads by a sequential scan (none should be). */
  async function largeTablesScanned(statement: Statement): Promise<string[]> {
    if (!/^\s*(SELECT|WITH)/i.test(statement.text)) return [];
    return (await sequentialScansOf(db, statement)).filter((table) => LARGE_TABLES.includes(table));
  }
});
