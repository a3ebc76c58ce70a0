import type { TesseraClient } from '@tessera/api-client';
import { seedMembers } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { parseCsv } from '../support/csv';
import { seedDocument, seedSubscription, todayIn } from '../support/dashboard-seed';
import { createYearlyPlan } from '../support/plans';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, type Stack } from '../support/stack';

const HEADER = ['Number', 'Name', 'E-mail', 'Plan', 'Status', 'Since', 'Period end', 'Amount due', 'Currency'];
const SEEDED = 3000;

/**
 * GET /members/export.csv over HTTP on 3,000 seeded members and a few whose names a spreadsheet
 * would misread: the whole list, the list's filters (status, plan, account state) and order, the
 * columns, RFC 4180 quoting, formula cells defused, and who may export. Also the list's sort.
 */
describe('members CSV export (API over HTTP)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let officer: StaffSession;
  let finance: StaffSession;
  let db: DataSource;
  let planId: string;
  let otherPlanId: string;
  let today: string;

  const tricky = {
    comma: { first: 'Smith, "Jr"', last: 'Doe' },
    newline: { first: 'Line\r\nBreak', last: 'Person' },
    formula: { first: '=HYPERLINK("http://evil.test")', last: 'X' },
    plus: { first: '+32 2 555', last: 'Plus' },
    minus: { first: '-2+3', last: 'Minus' },
    at: { first: '@SUM(A1)', last: 'At' },
    tab: { first: '\tTabbed', last: 'Tab' },
  };

  function exportCsv(query: string, token = officer.token): Promise<Response> {
    return fetch(`${stack.baseUrl}/api/v1/members/export.csv${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
  }

  /** The body as sent: a UTF-8 byte order mark first (which Response.text() would drop). */
  async function csvText(response: Response): Promise<string> {
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith('\uFEFF')).toBe(true);
    return text;
  }

  async function rows(query = ''): Promise<string[][]> {
    const response = await exportCsv(query);
    expect(response.status).toBe(200);
    const text = await csvText(response);
    const parsed = parseCsv(text.slice(1));
    expect(parsed[0]).toEqual(HEADER);
    return parsed.slice(1);
  }

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    officer = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
    finance = await activatedStaff(stack, admin, 'Fiona Finance', ['finance']);
    planId = await createYearlyPlan(admin, { code: 'export', name: 'Individual' });
    otherPlanId = await createYearlyPlan(admin, { code: 'export-b', name: 'Family, "plus"' });
    db = stack.api.get(DataSource);
    today = todayIn((await admin.GET('/api/v1/settings/organisation')).data!.timeZone);
    await seedMembers(db, { count: SEEDED, planId, passwordHash: 'not-a-hash', tag: 'export' });
    // Person members 1–8 (5 is an organisation) get the names spreadsheets misread; statuses,
    // plans and accounts vary by number.
    const persons = [1, 2, 3, 4, 6, 7, 8];
    for (const [index, name] of Object.values(tricky).entries())
      await db.query(`UPDATE persons SET first_name = $1, last_name = $2 WHERE email = $3`, [
        name.first,
        name.last,
        `export-${persons[index]}@seed.test`,
      ]);
    await db.query(`UPDATE members SET status = 'suspended' WHERE source_reference ~ '^SEED-[0-9]*0$'`);
    await db.query(`UPDATE members SET plan_id = $1 WHERE source_reference ~ '^SEED-[0-9]*[27]$'`, [otherPlanId]);
    // Persons 3, 13, 23… (never an organisation's contact) have no account; 4, 14… are invited only.
    await db.query(
      `DELETE FROM portal_accounts WHERE user_id IN (SELECT id FROM users WHERE email ~ '^export-[0-9]*3@seed.test$')`,
    );
    await db.query(`UPDATE users SET password_hash = NULL WHERE email ~ '^export-[0-9]*4@seed.test$'`);
  }, 120_000);
  afterAll(() => stack.stop());

  it('streams every member with the columns a secretary needs, as an attachment', async () => {
    const [first] = (await db.query(`SELECT id FROM members WHERE source_reference = 'SEED-1'`)) as { id: string }[];
    await seedSubscription(db, first.id, planId, { state: 'active', periodEnd: '2027-03-31' });
    await seedDocument(db, first.id, { kind: 'invoice', state: 'open', currency: 'EUR', gross: 7260, allocated: 0 });
    await seedDocument(db, first.id, {
      kind: 'invoice',
      state: 'partially-paid',
      currency: 'EUR',
      gross: 1000,
      allocated: 250,
    });
    await seedDocument(db, first.id, { kind: 'invoice', state: 'open', currency: 'JPY', gross: 500, allocated: 0 });
    await seedDocument(db, first.id, { kind: 'invoice', state: 'paid', currency: 'EUR', gross: 900, allocated: 900 });

    const response = await exportCsv('');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="members-${today}.csv"; filename*=UTF-8''members-${today}.csv`,
    );
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    // Streamed: no length known up front.
    expect(response.headers.get('content-length')).toBeNull();
    expect(response.headers.get('transfer-encoding')).toBe('chunked');
    const text = await csvText(response);
    const all = parseCsv(text.slice(1)).slice(1);
    expect(all).toHaveLength(SEEDED);
    expect(text.split('\r\n').length).toBeGreaterThan(SEEDED);
    // Newest first, as the list.
    const listed = await officer.client.GET('/api/v1/members', { params: { query: { pageSize: 5 } } });
    expect(all.slice(0, 5).map((row) => row[0])).toEqual(listed.data!.items.map((item) => item.number));

    const [since] = (await db.query(
      `SELECT to_char(occurred_at AT TIME ZONE 'Europe/Brussels', 'YYYY-MM-DD') AS day FROM member_status_changes
        WHERE member_id = $1`,
      [first.id],
    )) as { day: string }[];
    const byName = new Map(all.map((row) => [row[1], row]));
    expect(byName.get(`${tricky.comma.first} ${tricky.comma.last}`)).toEqual([
      expect.stringMatching(/^M-\d{6}$/),
      'Smith, "Jr" Doe',
      'export-1@seed.test',
      'Individual',
      'Member',
      since.day,
      '2027-03-31',
      '80.10; 500',
      'EUR; JPY',
    ]);
    // Quoting as RFC 4180 has it: the comma and quotes, the line break kept inside its cell.
    expect(text).toContain('"Smith, ""Jr"" Doe"');
    expect(byName.get('Line\r\nBreak Person')?.[2]).toBe('export-2@seed.test');
    expect(byName.get('Line\r\nBreak Person')?.[3]).toBe('Family, "plus"');
  });

  it('defuses cells a spreadsheet would run as formulas with a leading apostrophe', async () => {
    const names = new Set((await rows()).map((row) => row[1]));
    for (const name of [tricky.formula, tricky.plus, tricky.minus, tricky.at, tricky.tab])
      expect(names).toContain(`'${name.first} ${name.last}`);
    expect([...names].filter((name) => /^[=+\-@\t\r]/.test(name))).toEqual([]);
  });

  it('exports the list as filtered: status, plan, account state, and several at once', async () => {
    const count = async (sql: string, params: unknown[] = []) =>
      ((await db.query(sql, params)) as { n: number }[])[0].n;
    const suspended = await rows('?status=suspended');
    expect(suspended).toHaveLength(SEEDED / 10);
    expect(new Set(suspended.map((row) => row[4]))).toEqual(new Set(['Suspended']));

    const onOther = await rows(`?planId=${otherPlanId}`);
    expect(onOther).toHaveLength(
      await count(`SELECT count(*)::int AS n FROM members WHERE plan_id = $1`, [otherPlanId]),
    );
    expect(new Set(onOther.map((row) => row[3]))).toEqual(new Set(['Family, "plus"']));

    const noAccount = await rows('?accountState=none');
    expect(noAccount).toHaveLength(SEEDED / 10);
    const invited = await rows('?accountState=invited');
    expect(invited).toHaveLength(SEEDED / 10);
    expect(invited.every((row) => /^export-\d*4@seed\.test$/.test(row[2]))).toBe(true);

    // The same filters give the same members as the list.
    const combined = await rows(`?accountState=invited&planId=${planId}&sort=number`);
    const listed = await officer.client.GET('/api/v1/members', {
      params: { query: { accountState: 'invited', planId, sort: 'number', pageSize: 200 } },
    });
    expect(combined.length).toBe(listed.data!.total);
    expect(combined.slice(0, 200).map((row) => row[0])).toEqual(listed.data!.items.map((item) => item.number));
    expect(combined.map((row) => row[0])).toEqual([...combined.map((row) => row[0])].sort());
  });

  it('gives its connection back when the client goes away mid-download', async () => {
    // More than the pool's 20 connections: a leak would leave the next requests waiting, then 503.
    for (let i = 0; i < 25; i += 1) {
      const controller = new AbortController();
      const response = await fetch(`${stack.baseUrl}/api/v1/members/export.csv`, {
        headers: { authorization: `Bearer ${officer.token}` },
        signal: controller.signal,
      });
      const reader = response.body!.getReader();
      await reader.read();
      controller.abort();
    }
    expect((await exportCsv('?status=suspended')).status).toBe(200);
    expect((await officer.client.GET('/api/v1/members')).response.status).toBe(200);
  });

  it('refuses bad filters with problem+json, and is for officers and admins', async () => {
    const bad = await exportCsv('?status=asleep&sort=name&accountState=maybe');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await bad.json()) as { errors: { field: string }[] };
    expect(problem.errors.map((error) => error.field).sort()).toEqual(['accountState', 'sort', 'status']);
    const paged = await exportCsv('?page=2');
    expect(paged.status).toBe(400);

    const asFinance = await exportCsv('', finance.token);
    expect(asFinance.status).toBe(403);
    const anonymous = await fetch(`${stack.baseUrl}/api/v1/members/export.csv`);
    expect(anonymous.status).toBe(401);
  });

  it('sorts the members list by status in the order of a membership, by number, oldest first', async () => {
    const page = async (sort: string, pageSize = 200) =>
      (await officer.client.GET('/api/v1/members', { params: { query: { sort: sort as 'status', pageSize } } })).data!;
    const byStatus = await page('status', 200);
    expect(byStatus.items.every((item) => item.status === 'member')).toBe(true);
    const reversed = await page('-status', 5);
    expect(reversed.items.map((item) => item.status)).toEqual(Array(5).fill('suspended'));
    const numbers = (await page('number', 50)).items.map((item) => item.number);
    expect(numbers).toEqual([...numbers].sort());
    const descending = (await page('-number', 50)).items.map((item) => item.number);
    expect(descending).toEqual([...descending].sort().reverse());
    const oldest = (await page('createdAt', 3)).items.map((item) => item.number);
    expect(oldest).not.toEqual((await page('-createdAt', 3)).items.map((item) => item.number));
    const bad = await fetch(`${stack.baseUrl}/api/v1/members?sort=name`, {
      headers: { authorization: `Bearer ${officer.token}` },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors.map((error) => error.field)).toEqual([
      'sort',
    ]);
  });
});
