import type { TestingModule } from '@nestjs/testing';
import { Clock, ManualClock } from '@tessera/core';
import { NotificationsModule } from '@tessera/notifications';
import { PlansService } from '@tessera/plans';
import { seedMembers, createWorkerTestingModule } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { AssignmentsService } from '../assignments/assignments.service';
import { QuestionnairesModule } from '../questionnaires.module';
import { QuestionnaireRemindersService } from '../reminders/questionnaire-reminders.service';
import { createQuestionnaire, staffPrincipal } from './questionnaires-testing';

/** The daily reminders: past-due assignments only, once a day whatever runs, then every 7 days. */
describe('questionnaire reminders', () => {
  let moduleRef: TestingModule;
  let db: DataSource;
  let reminders: QuestionnaireRemindersService;
  let questionnaireId: string;
  const clock = new ManualClock(new Date('2026-03-02T09:00:00Z'));

  beforeAll(async () => {
    moduleRef = await createWorkerTestingModule({
      imports: [NotificationsModule, QuestionnairesModule],
      queues: [],
      configure: (builder) => builder.overrideProvider(Clock).useValue(clock),
    });
    db = moduleRef.get(DataSource);
    reminders = moduleRef.get(QuestionnaireRemindersService);
    const plan = await moduleRef.get(PlansService).create({
      code: 'q-reminders',
      name: 'Reminders',
      applicantKinds: ['individual'],
      price: { amount: 1000, currency: 'EUR' },
      period: { count: 1, unit: 'year' },
    } as never);
    await seedMembers(db, { count: 30, planId: plan.id, passwordHash: 'x', tag: 'qremind' });
    const questionnaire = await createQuestionnaire(moduleRef, 'Late survey', []);
    questionnaireId = questionnaire.id;
    const [{ userId }] = (await db.query(
      `INSERT INTO users (email, name, roles, locale, active) VALUES ('rem.officer@example.test', 'Rem', '{officer}', 'en', true)
       RETURNING id AS "userId"`,
    )) as { userId: string }[];
    const assignments = moduleRef.get(AssignmentsService);
    await assignments.assignByHand(
      questionnaireId,
      { filter: { planId: plan.id }, dueDate: '2026-03-01' },
      staffPrincipal(userId),
    );
    // Ten of them answered: never reminded.
    await db.query(
      `UPDATE questionnaire_assignments SET state = 'submitted', submitted_at = now()
        WHERE id IN (SELECT id FROM questionnaire_assignments WHERE questionnaire_id = $1 ORDER BY id LIMIT 10)`,
      [questionnaireId],
    );
  });
  afterAll(() => moduleRef.close());

  const reminderMails = async () =>
    (
      (await db.query(
        `SELECT count(*)::int AS n, count(DISTINCT recipient)::int AS recipients FROM email_messages
        WHERE template = 'questionnaire-reminder' AND recipient LIKE 'qremind-%'`,
      )) as { n: number; recipients: number }[]
    )[0];

  it('sends nothing on the due date itself', async () => {
    expect(await reminders.remind('2026-03-01')).toBe(0);
  });

  it('reminds each pending member once however many runs race on one day', async () => {
    const runs = await Promise.all([
      reminders.remind('2026-03-02'),
      reminders.remind('2026-03-02'),
      reminders.remind('2026-03-02'),
    ]);
    expect(runs.reduce((sum, n) => sum + n, 0)).toBe(20);
    expect(await reminders.remind('2026-03-02')).toBe(0);
    expect(await reminderMails()).toEqual({ n: 20, recipients: 20 });
  });

  it('waits 7 days before reminding again', async () => {
    expect(await reminders.remind('2026-03-08')).toBe(0);
    const week = await Promise.all([reminders.remind('2026-03-09'), reminders.remind('2026-03-09')]);
    expect(week[0] + week[1]).toBe(20);
    expect(await reminderMails()).toEqual({ n: 40, recipients: 20 });
  });

  it('runs only once the daily time has come in the organisation’s zone', async () => {
    await db.query(`UPDATE organisation_settings SET time_zone = 'Europe/Brussels', status_sweep_time = '03:00'`);
    clock.set(new Date('2026-03-16T01:00:00Z')); // 02:00 in Brussels
    expect(await reminders.tick()).toBeNull();
    clock.set(new Date('2026-03-16T05:00:00Z')); // 06:00
    expect(await reminders.tick()).toBe(20);
    expect(await reminders.tick()).toBe(0);
  });
});
