import type { TestingModule } from '@nestjs/testing';
import { NotificationsModule } from '@tessera/notifications';
import { PlansService } from '@tessera/plans';
import { SignedInPersonModule } from '@tessera/portal-users';
import { createWorkerTestingModule, seedMembers } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { MyQuestionnairesService } from '../answers/my-questionnaires.service';
import { AssignmentsService } from '../assignments/assignments.service';
import { QuestionnairesHttpModule } from '../questionnaires.http.module';
import { createQuestionnaire, staffPrincipal } from './questionnaires-testing';

/**
 * The member's side on the real database: an organisation's contact sees, saves and submits the
 * organisation's questionnaire as well as their own; nobody else's.
 */
describe('my questionnaires', () => {
  let moduleRef: TestingModule;
  let db: DataSource;
  let mine: MyQuestionnairesService;
  const userOf = async (email: string) =>
    ((await db.query(`SELECT id FROM users WHERE email = $1`, [email])) as { id: string }[])[0].id;

  beforeAll(async () => {
    moduleRef = await createWorkerTestingModule({
      imports: [SignedInPersonModule, NotificationsModule, QuestionnairesHttpModule],
      queues: [],
    });
    db = moduleRef.get(DataSource);
    mine = moduleRef.get(MyQuestionnairesService);
    const plan = await moduleRef.get(PlansService).create({
      code: 'q-mine',
      name: 'Mine',
      applicantKinds: ['individual', 'organisation'],
      price: { amount: 1000, currency: 'EUR' },
      period: { count: 1, unit: 'year' },
    } as never);
    // Members 1–4 are persons; member 5 an organisation whose contact is person 5.
    await seedMembers(db, { count: 5, planId: plan.id, passwordHash: 'x', tag: 'qmine' });
    const questionnaire = await createQuestionnaire(moduleRef, 'Annual check', []);
    const [{ id: officerId }] = (await db.query(
      `INSERT INTO users (email, name, roles, locale, active) VALUES ('mine.officer@example.test', 'O', '{officer}', 'en', true)
       RETURNING id`,
    )) as { id: string }[];
    await moduleRef
      .get(AssignmentsService)
      .assignByHand(questionnaire.id, { filter: { planId: plan.id } }, staffPrincipal(officerId));
  });
  afterAll(() => moduleRef.close());

  it("lists the organisation's questionnaire for its contact, and each person only their own", async () => {
    const contact = await mine.list(await userOf('qmine-5@seed.test'));
    expect(contact.pending.map((item) => item.member.name).sort()).toEqual(['Seed Organisation 5']);
    const person = await mine.list(await userOf('qmine-1@seed.test'));
    expect(person.pending.map((item) => item.member.name)).toEqual(['Seed Person 1']);
  });

  it('lets the contact answer for the organisation; others get a 404 and change nothing', async () => {
    const contactId = await userOf('qmine-5@seed.test');
    const [assignment] = (await mine.list(contactId)).pending;
    const stranger = await userOf('qmine-2@seed.test');
    await expect(mine.get(stranger, assignment.id)).rejects.toMatchObject({ status: 404 });
    await expect(mine.saveDraft(stranger, assignment.id, { 'has-employees': true })).rejects.toMatchObject({
      status: 404,
    });

    const draft = await mine.saveDraft(contactId, assignment.id, { 'has-employees': true, employees: 3 });
    expect(draft).toMatchObject({ state: 'draft', answers: { 'has-employees': true, employees: 3 } });
    const done = await mine.submit(contactId, assignment.id, { 'has-employees': false, employees: 3, sector: 'food' });
    // "No employees" hides the number: its answer is dropped.
    expect(done).toMatchObject({ state: 'submitted', answers: { 'has-employees': false, sector: 'food' } });
    expect(done.answers).not.toHaveProperty('employees');
    await expect(mine.saveDraft(contactId, assignment.id, { sector: 'retail' })).rejects.toMatchObject({
      status: 409,
    });
    expect((await mine.list(contactId)).done.map((item) => item.id)).toEqual([assignment.id]);
  });
});
