import type { TestingModule } from '@nestjs/testing';
import { ApprovalFlowsService, ApprovalService } from '@tessera/approval';
import type { Principal } from '@tessera/core';
import type { DataSource } from 'typeorm';
import { ApplicationIntakeService } from '../application-intake.service';
import { ApplicationsService } from '../applications.service';
import { RegistrationWorkerModule } from '../registration.worker.module';
import { bootRegistration, createPlan, individualApplication, seedOfficer, uniqueEmail } from './registration-testing';

/** An application's approval outcome and the subscription and invoice it makes, as one transaction. */
describe('approving an application subscribes and invoices the member', () => {
  let moduleRef: TestingModule;
  let db: DataSource;
  let officer: Principal & { kind: 'user' };
  let planId: string;

  beforeAll(async () => {
    ({ moduleRef, db } = await bootRegistration({ imports: [RegistrationWorkerModule], queues: [] }));
    officer = await seedOfficer(moduleRef, 'billing.officer@example.test');
    const flow = await moduleRef.get(ApprovalFlowsService).create({
      name: 'Billing review',
      subjectType: 'application',
      levels: [{ name: 'Board', approverRole: 'officer', approverUserIds: [], policy: 'any', dueInDays: 7 }],
    });
    planId = await createPlan(moduleRef, {
      code: 'billing-yearly',
      name: 'Yearly',
      applicantKinds: ['individual'],
      approvalFlowId: flow.id,
    });
  });
  afterAll(() => moduleRef.close());

  /** A submitted application whose approval request is open; its request's id. */
  async function awaitingApproval(email: string): Promise<{ applicationId: string; requestId: string }> {
    const created = await moduleRef
      .get(ApplicationsService)
      .submit({ fields: { application: individualApplication(planId, email) }, files: [] }, officer);
    await moduleRef.get(ApplicationIntakeService).complete(created.id);
    const [{ id }] = (await db.query(`SELECT id FROM approval_requests WHERE subject_id = $1`, [created.id])) as {
      id: string;
    }[];
    return { applicationId: created.id, requestId: id };
  }

  const state = async (applicationId: string, requestId: string, email: string) => {
    const [row] = (await db.query(
      `SELECT (SELECT status FROM applications WHERE id = $1) AS application,
              (SELECT status FROM approval_requests WHERE id = $2) AS request,
              (SELECT count(*)::int FROM persons WHERE email = $3) AS persons,
              (SELECT count(*)::int FROM members m JOIN persons p ON p.id = m.person_id WHERE p.email = $3) AS members,
              (SELECT count(*)::int FROM subscriptions s JOIN members m ON m.id = s.member_id
                 JOIN persons p ON p.id = m.person_id WHERE p.email = $3) AS subscriptions,
              (SELECT count(*)::int FROM billing_documents d JOIN members m ON m.id = d.member_id
                 JOIN persons p ON p.id = m.person_id WHERE p.email = $3) AS invoices,
              (SELECT count(*)::int FROM users WHERE email = $3) AS accounts`,
      [applicationId, requestId, email],
    )) as Record<string, unknown>[];
    return row;
  };

  it('rolls the whole outcome back when the first invoice cannot be issued, then succeeds on retry', async () => {
    const email = uniqueEmail();
    const { applicationId, requestId } = await awaitingApproval(email);
    const before = await state(applicationId, requestId, email);
    await db.query(`
      CREATE FUNCTION refuse_invoices() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'invoices are refused today'; END $$`);
    await db.query(
      `CREATE TRIGGER refuse_invoices BEFORE INSERT ON billing_documents FOR EACH ROW EXECUTE FUNCTION refuse_invoices()`,
    );
    try {
      await expect(moduleRef.get(ApprovalService).approve(requestId, officer, null)).rejects.toThrow(
        /invoices are refused today/,
      );
    } finally {
      await db.query(`DROP TRIGGER refuse_invoices ON billing_documents; DROP FUNCTION refuse_invoices()`);
    }
    // Nothing of the outcome remains: no member, no subscription, no account; the request still open.
    expect(await state(applicationId, requestId, email)).toEqual(before);
    expect(before).toMatchObject({ request: 'pending', members: 0, subscriptions: 0, invoices: 0, accounts: 0 });

    await moduleRef.get(ApprovalService).approve(requestId, officer, null);
    expect(await state(applicationId, requestId, email)).toMatchObject({
      application: 'approved',
      request: 'approved',
      members: 1,
      subscriptions: 1,
      invoices: 1,
      accounts: 1,
    });
    const [subscription] = (await db.query(
      `SELECT s.state, s.origin, s.origin_reference FROM subscriptions s JOIN applications a ON a.member_id = s.member_id
        WHERE a.id = $1`,
      [applicationId],
    )) as { state: string; origin: string; origin_reference: string }[];
    expect(subscription).toMatchObject({ state: 'pending', origin: 'application' });
    expect(subscription.origin_reference).toMatch(/^APP-/);
  });
});
