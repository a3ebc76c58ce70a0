import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { seedDemo } from './seed';

/** Rows of the tables the seed writes to, by table. */
const TABLES = [
  'users',
  'plans',
  'approval_flows',
  'members',
  'persons',
  'portal_accounts',
  'orders',
  'subscriptions',
  'approval_requests',
  'billing_documents',
  'billing_payments',
  'share_classes',
  'share_subscriptions',
  'cooperators',
  'share_movements',
  'share_certificates',
  'questionnaires',
  'questionnaire_versions',
  'questionnaire_assignments',
  'email_messages',
];

describe('pnpm seed (demo data) against a fresh database', () => {
  let app: INestApplicationContext;
  let db: DataSource;
  const said: string[] = [];
  const env = { ADMIN_EMAIL: process.env.ADMIN_EMAIL, ADMIN_PASSWORD: process.env.ADMIN_PASSWORD };

  beforeAll(async () => {
    Object.assign(process.env, { ADMIN_EMAIL: 'admin@tessera.test', ADMIN_PASSWORD: 'Correct-Horse-Battery-9' });
    jest.spyOn(console, 'log').mockImplementation((line: string) => void said.push(line));
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    db = app.get(DataSource);
  });
  afterAll(async () => {
    await app?.close();
    jest.restoreAllMocks();
    for (const [name, value] of Object.entries(env))
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
  });

  const counts = async () => {
    const [row] = (await db.query(
      `SELECT ${TABLES.map((table) => `(SELECT count(*)::int FROM ${table}) AS ${table}`).join(', ')}`,
    )) as Record<string, number>[];
    return row;
  };

  it('makes the co-operative, a cooperator and a questionnaire through the services; a second run creates nothing', async () => {
    await seedDemo(app);
    const first = await counts();
    expect(first).toMatchObject({
      users: 6,
      share_classes: 2,
      share_subscriptions: 1,
      cooperators: 1,
      share_movements: 1,
      share_certificates: 1,
      questionnaires: 1,
      questionnaire_assignments: 1,
    });

    said.length = 0;
    await seedDemo(app);
    expect(await counts()).toEqual(first);
    // The organisation's demo settings are written again until an admin saves them (OrganisationSettingsService.seed).
    expect(said.filter((line) => !/^Kept /.test(line))).toEqual(["Set the organisation's settings"]);
  });

  it('keeps the register, the capital release request and the certificate consistent', async () => {
    const classes = await db.query(
      `SELECT c.code, c.name, c.unit_price AS "unitPrice", c.min_shares AS min, c.max_shares AS max,
              c.holder_kinds AS kinds, c.makes_member AS "makesMember", p.code AS plan, p.active AS "planActive"
         FROM share_classes c JOIN plans p ON p.id = c.plan_id ORDER BY c.code`,
    );
    expect(classes).toEqual([
      {
        code: 'A',
        name: 'Founder shares',
        unitPrice: 25000,
        min: 1,
        max: null,
        kinds: ['individual'],
        makesMember: true,
        plan: 'cooperator',
        planActive: false,
      },
      {
        code: 'B',
        name: 'Supporter shares',
        unitPrice: 2500,
        min: 1,
        max: 40,
        kinds: ['individual', 'organisation'],
        makesMember: true,
        plan: 'cooperator',
        planActive: false,
      },
    ]);
    const [holding] = await db.query(
      `SELECT p.email, co.state, co.number, sm.first_number AS first, sm.last_number AS last, s.state AS request,
              d.number AS crr, d.state AS "crrState", d.gross_amount AS total, (sc.id IS NOT NULL) AS certificate
         FROM share_movements sm
         JOIN cooperators co ON co.id = sm.cooperator_id
         JOIN members m ON m.id = co.member_id JOIN persons p ON p.id = m.person_id
         JOIN share_subscriptions s ON s.id = sm.subscription_id
         JOIN billing_documents d ON d.id = s.capital_release_id
         LEFT JOIN share_certificates sc ON sc.movement_id = sm.id`,
    );
    expect(holding).toEqual({
      email: 'member@tessera.local',
      state: 'effective',
      number: 'C-000001',
      first: 1,
      last: 4,
      request: 'paid',
      crr: expect.stringMatching(/^CRR-\d{4}-000001$/),
      crrState: 'paid',
      total: 10000,
      certificate: true,
    });
    const [{ statutesUrl }] = await db.query(`SELECT statutes_url AS "statutesUrl" FROM organisation_settings`);
    expect(statutesUrl).toBe('https://tessera.local/statutes');
  });

  it('assigns the published questionnaire, in English and French, to the demo member', async () => {
    const [assignment] = await db.query(
      `SELECT q.active, v.title, a.state, p.email, a.due_date IS NOT NULL AS due,
              (SELECT array_agg(DISTINCT question->>'kind' ORDER BY question->>'kind')
                 FROM jsonb_array_elements(v.sections) section,
                      jsonb_array_elements(section->'questions') question) AS kinds
         FROM questionnaire_assignments a
         JOIN questionnaires q ON q.id = a.questionnaire_id
         JOIN questionnaire_versions v ON v.questionnaire_id = q.id AND v.version = a.version
         JOIN members m ON m.id = a.member_id JOIN persons p ON p.id = m.person_id`,
    );
    expect(assignment).toEqual({
      active: true,
      title: { en: 'Getting to know you', fr: 'Faisons connaissance' },
      state: 'pending',
      email: 'member@tessera.local',
      due: true,
      kinds: ['date', 'long-text', 'multiple-choice', 'number', 'short-text', 'single-choice', 'yes-no'],
    });
  });

  it('adds the statutes link to settings an admin saved without one, and leaves the rest as they saved it', async () => {
    await db.query(
      `UPDATE organisation_settings SET statutes_url = NULL, name = 'Our co-op',
              updated_by = (SELECT id FROM users WHERE email = 'admin@tessera.test')`,
    );
    said.length = 0;
    await seedDemo(app);
    expect(said).toEqual(expect.arrayContaining(["Kept the organisation's settings", 'Set the statutes link']));
    const [settings] = await db.query(`SELECT name, statutes_url AS "statutesUrl" FROM organisation_settings`);
    expect(settings).toEqual({ name: 'Our co-op', statutesUrl: 'https://tessera.local/statutes' });
  });
});
