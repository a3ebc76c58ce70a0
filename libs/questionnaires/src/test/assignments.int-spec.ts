import type { TestingModule } from '@nestjs/testing';
import { ApprovalFlowsService, ApprovalService } from '@tessera/approval';
import type { Principal } from '@tessera/core';
import { UsersService } from '@tessera/users';
import { MembersService } from '@tessera/members';
import { ApplicationIntakeService, ApplicationsService } from '@tessera/registration';
import { seedMembers } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { AssignmentsService } from '../assignments/assignments.service';
import {
  applicantEmail,
  bootRegistrationWithQuestionnaires,
  personApplication,
  yearlyPlan,
} from './application-testing';
import { createQuestionnaire, staffPrincipal } from './questionnaires-testing';

/** Assignment by plan rules (in the approval's transaction) and by hand in bulk, on the real database. */
describe('assigning questionnaires', () => {
  let moduleRef: TestingModule;
  let db: DataSource;
  let officer: Principal & { kind: 'user' };
  let planId: string;
  let otherPlanId: string;

  beforeAll(async () => {
    moduleRef = await bootRegistrationWithQuestionnaires();
    db = moduleRef.get(DataSource);
    await moduleRef.get(UsersService).seedUser({
      email: 'questionnaire.officer@example.test',
      name: 'Olive Officer',
      roles: ['officer'],
      password: 'Officer-Password-2026!',
    });
    const [{ id }] = (await db.query(`SELECT id FROM users WHERE email = 'questionnaire.officer@example.test'`)) as {
      id: string;
    }[];
    officer = { ...(staffPrincipal(id) as Principal & { kind: 'user' }) };
    const flow = await moduleRef.get(ApprovalFlowsService).create({
      name: 'Questionnaire review',
      subjectType: 'application',
      levels: [{ name: 'Board', approverRole: 'officer', approverUserIds: [], policy: 'any', dueInDays: 7 }],
    });
    planId = await yearlyPlan(moduleRef, 'q-yearly', flow.id);
    otherPlanId = await yearlyPlan(moduleRef, 'q-other');
    await createQuestionnaire(moduleRef, 'Company survey', [planId]);
    await createQuestionnaire(moduleRef, 'Consent', [planId, otherPlanId]);
    await createQuestionnaire(moduleRef, 'Not for this plan', [otherPlanId]);
    await createQuestionnaire(moduleRef, 'Organisations only', [planId], {
      rules: { planIds: [planId], memberKinds: ['organisation'] },
    });
  });
  afterAll(() => moduleRef.close());

  async function awaitingApproval(email: string): Promise<string> {
    const created = await moduleRef
      .get(ApplicationsService)
      .submit({ fields: { application: personApplication(planId, email) }, files: [] }, officer);
    await moduleRef.get(ApplicationIntakeService).complete(created.id);
    const [{ id }] = (await db.query(`SELECT id FROM approval_requests WHERE subject_id = $1`, [created.id])) as {
      id: string;
    }[];
    return id;
  }

  const assignmentsOf = async (email: string) =>
    (await db.query(
      `SELECT v.title ->> 'en' AS title, a.state, a.origin, a.due_date IS NOT NULL AS due
         FROM questionnaire_assignments a
         JOIN questionnaire_versions v ON v.questionnaire_id = a.questionnaire_id AND v.version = a.version
         JOIN members m ON m.id = a.member_id JOIN persons p ON p.id = m.person_id
        WHERE p.email = $1 ORDER BY title`,
      [email],
    )) as { title: string; state: string; origin: string; due: boolean }[];

  const mailsTo = async (email: string) =>
    (
      (await db.query(
        `SELECT count(*)::int AS n FROM email_messages WHERE recipient = $1 AND template = 'questionnaire-assigned'`,
        [email],
      )) as { n: number }[]
    )[0].n;

  it('assigns the two questionnaires of the plan once, in the approval, even when the approval is retried', async () => {
    const email = applicantEmail();
    const requestId = await awaitingApproval(email);
    // The first attempt fails after the member and its assignments were written: all rolled back.
    await db.query(`
      CREATE FUNCTION refuse_invoices_q() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'invoices are refused today'; END $$`);
    await db.query(
      `CREATE TRIGGER refuse_invoices_q BEFORE INSERT ON billing_documents FOR EACH ROW EXECUTE FUNCTION refuse_invoices_q()`,
    );
    try {
      await expect(moduleRef.get(ApprovalService).approve(requestId, officer, null)).rejects.toThrow(/refused today/);
    } finally {
      await db.query(`DROP TRIGGER refuse_invoices_q ON billing_documents; DROP FUNCTION refuse_invoices_q()`);
    }
    expect(await assignmentsOf(email)).toEqual([]);
    expect(await mailsTo(email)).toBe(0);

    await moduleRef.get(ApprovalService).approve(requestId, officer, null);
    const expected = [
      { title: 'Company survey', state: 'pending', origin: 'rule', due: true },
      { title: 'Consent', state: 'pending', origin: 'rule', due: true },
    ];
    expect(await assignmentsOf(email)).toEqual(expected);
    expect(await mailsTo(email)).toBe(2);

    // The member matched again on the plan (a second application), and two racing hooks: nothing more.
    const [{ memberId }] = (await db.query(
      `SELECT m.id AS "memberId" FROM members m JOIN persons p ON p.id = m.person_id WHERE p.email = $1`,
      [email],
    )) as { memberId: string }[];
    const assignments = moduleRef.get(AssignmentsService);
    await Promise.all([assignments.onMemberPlan(memberId, planId), assignments.onMemberPlan(memberId, planId)]);
    expect(await assignmentsOf(email)).toEqual(expected);
    expect(await mailsTo(email)).toBe(2);
  });

  it('assigns the new plan’s questionnaires when a member changes plan, not those it already has', async () => {
    const email = applicantEmail();
    await moduleRef.get(ApprovalService).approve(await awaitingApproval(email), officer, null);
    const [{ memberId }] = (await db.query(
      `SELECT m.id AS "memberId" FROM members m JOIN persons p ON p.id = m.person_id WHERE p.email = $1`,
      [email],
    )) as { memberId: string }[];
    await moduleRef.get(MembersService).changePlan(memberId, otherPlanId);
    expect((await assignmentsOf(email)).map((row) => row.title)).toEqual([
      'Company survey',
      'Consent',
      'Not for this plan',
    ]);
  });

  it('assigns 5,000 members matching a filter in one statement set, and none twice', async () => {
    const bulkPlan = await yearlyPlan(moduleRef, 'q-bulk');
    await seedMembers(db, { count: 5000, planId: bulkPlan, passwordHash: 'x', tag: 'qbulk' });
    const questionnaire = await createQuestionnaire(moduleRef, 'Bulk survey', []);
    const assignments = moduleRef.get(AssignmentsService);
    const started = Date.now();
    const first = await assignments.assignByHand(
      questionnaire.id,
      { filter: { planId: bulkPlan }, dueDate: '2026-12-31' },
      officer,
    );
    const tookMs = Date.now() - started;
    expect(first).toEqual({ assigned: 5000, alreadyAssigned: 0 });
    expect(tookMs).toBeLessThan(30_000);
    const [counts] = (await db.query(
      `SELECT count(*)::int AS assignments, count(DISTINCT member_id)::int AS members,
              (SELECT count(*)::int FROM email_messages e WHERE e.template = 'questionnaire-assigned'
                  AND e.recipient LIKE 'qbulk-%') AS mails
         FROM questionnaire_assignments WHERE questionnaire_id = $1`,
      [questionnaire.id],
    )) as { assignments: number; members: number; mails: number }[];
    expect(counts).toEqual({ assignments: 5000, members: 5000, mails: 5000 });

    const again = await assignments.assignByHand(questionnaire.id, { filter: { planId: bulkPlan } }, officer);
    expect(again).toEqual({ assigned: 0, alreadyAssigned: 5000 });
    const byId = await assignments.assignByHand(
      questionnaire.id,
      { memberIds: [(await db.query(`SELECT id FROM members WHERE plan_id = $1 LIMIT 1`, [bulkPlan]))[0].id] },
      officer,
    );
    expect(byId).toEqual({ assigned: 0, alreadyAssigned: 1 });
  });

  it('refuses unknown members and an inactive questionnaire, changing nothing', async () => {
    const questionnaire = await createQuestionnaire(moduleRef, 'Closed', [], { active: false });
    const assignments = moduleRef.get(AssignmentsService);
    await expect(
      assignments.assignByHand(questionnaire.id, { memberIds: ['00000000-0000-4000-8000-000000000000'] }, officer),
    ).rejects.toMatchObject({ status: 409 });
    const open = await createQuestionnaire(moduleRef, 'Open', []);
    await expect(
      assignments.assignByHand(open.id, { memberIds: ['00000000-0000-4000-8000-000000000000'] }, officer),
    ).rejects.toMatchObject({ status: 400 });
    await expect(assignments.assignByHand(open.id, {}, officer)).rejects.toMatchObject({ status: 400 });
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM questionnaire_assignments WHERE questionnaire_id = ANY($1::uuid[])`,
      [[questionnaire.id, open.id]],
    )) as { n: number }[];
    expect(n).toBe(0);
  });
});
