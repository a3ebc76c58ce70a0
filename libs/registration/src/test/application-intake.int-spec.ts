import type { TestingModule } from '@nestjs/testing';
import { ApprovalFlowsService } from '@tessera/approval';
import { OutboxCompletion, type Principal, type QueueDefinition } from '@tessera/core';
import { waitUntil } from '@tessera/testing';
import type { DataSource } from 'typeorm';
import { ApplicationIntakeService } from '../application-intake.service';
import { ApplicationsService } from '../applications.service';
import { registrationQueue } from '../registration.queue';
import { RegistrationWorkerModule } from '../registration.worker.module';
import { bootRegistration, createPlan, individualApplication, seedOfficer, uniqueEmail } from './registration-testing';

interface EmailRow {
  recipient: string;
  template: string;
  locale: string;
  data: Record<string, unknown>;
}

interface RequestRow {
  flow_id: string;
  opened_by: string | null;
  reference: string;
  title: string;
  status: string;
}

/** What the intake of one application left behind. */
async function intakeOf(db: DataSource, applicationId: string, applicant: string) {
  const confirmations = (await db.query(
    `SELECT recipient, template, locale, data FROM email_messages
      WHERE recipient = $1 AND template = 'application-received'`,
    [applicant],
  )) as EmailRow[];
  const requests = (await db.query(
    `SELECT flow_id, opened_by, reference, title, status FROM approval_requests
      WHERE subject_type = 'application' AND subject_id = $1`,
    [applicationId],
  )) as RequestRow[];
  const [{ intake_completed_at }] = (await db.query(`SELECT intake_completed_at FROM applications WHERE id = $1`, [
    applicationId,
  ])) as { intake_completed_at: Date | null }[];
  return { confirmations, requests, completedAt: intake_completed_at };
}

async function emailCount(db: DataSource): Promise<number> {
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM email_messages`)) as { n: number }[];
  return n;
}

/** Submitting, then what the worker does after it (ApplicationIntakeService), on the real database. */
describe('application intake', () => {
  let moduleRef: TestingModule;
  let db: DataSource;
  let officer: Principal & { kind: 'user' };
  let planId: string;
  let flowId: string;

  /** A JSON-only staff submission, in French: as yet without confirmation or approval request. */
  async function submitted(): Promise<{ id: string; reference: string; email: string }> {
    const email = uniqueEmail();
    const created = await moduleRef
      .get(ApplicationsService)
      .submit({ fields: { application: individualApplication(planId, email, 'fr') }, files: [] }, officer);
    return { ...created, email };
  }

  const complete = (applicationId: string) => moduleRef.get(ApplicationIntakeService).complete(applicationId);

  /** The module, an officer, and a plan that follows a flow of its own (so a request shows which flow it follows). */
  async function boot(name: string, queues: QueueDefinition[]): Promise<void> {
    ({ moduleRef, db } = await bootRegistration({ imports: [RegistrationWorkerModule], queues }));
    officer = await seedOfficer(moduleRef, 'intake.officer@example.test');
    const flow = await moduleRef.get(ApprovalFlowsService).create({
      name: `${name} review`,
      subjectType: 'application',
      levels: [{ name: 'Board', approverRole: 'officer', approverUserIds: [], policy: 'any', dueInDays: 7 }],
    });
    flowId = flow.id;
    planId = await createPlan(moduleRef, {
      code: `intake-${name}`,
      name: 'Individual',
      applicantKinds: ['individual'],
      approvalFlowId: flowId,
    });
  }

  describe('run by hand', () => {
    // No queue relayed: the intake runs only when a test calls it.
    beforeAll(() => boot('by-hand', []));
    afterAll(() => moduleRef.close());

    it("sends the applicant's confirmation and opens the approval request on the plan's flow", async () => {
      const application = await submitted();
      expect(await intakeOf(db, application.id, application.email)).toEqual({
        confirmations: [],
        requests: [],
        completedAt: null,
      });
      const emails = await emailCount(db);

      expect(await complete(application.id)).toBe('completed');

      expect(await intakeOf(db, application.id, application.email)).toEqual({
        confirmations: [
          {
            recipient: application.email,
            template: 'application-received',
            locale: 'fr',
            data: { name: 'Ada Lovelace', reference: application.reference, planName: 'Individual' },
          },
        ],
        requests: [
          {
            flow_id: flowId,
            opened_by: officer.userId,
            reference: application.reference,
            title: 'Ada Lovelace',
            status: 'pending',
          },
        ],
        completedAt: expect.any(Date),
      });
      // The confirmation, and the approval request's notice to the one officer.
      expect(await emailCount(db)).toBe(emails + 2);
    });

    it('does nothing more when run again', async () => {
      const application = await submitted();
      await complete(application.id);
      const once = await intakeOf(db, application.id, application.email);
      const emails = await emailCount(db);

      expect(await complete(application.id)).toBe('already-completed');

      expect(await intakeOf(db, application.id, application.email)).toEqual(once);
      expect(await emailCount(db)).toBe(emails);
    });

    it('acts once when two runs race (the job delivered twice)', async () => {
      const application = await submitted();

      const outcomes = await Promise.all([complete(application.id), complete(application.id)]);

      expect(outcomes.sort()).toEqual(['already-completed', 'completed']);
      const { confirmations, requests } = await intakeOf(db, application.id, application.email);
      expect({ confirmations: confirmations.length, requests: requests.length }).toEqual({
        confirmations: 1,
        requests: 1,
      });
    });

    it('sends nothing and opens nothing for an application cancelled before its intake, but marks it done', async () => {
      const application = await submitted();
      await moduleRef.get(ApplicationsService).cancel(application.id, 'Withdrawn by phone', officer);
      const emails = await emailCount(db);

      expect(await complete(application.id)).toBe('withdrawn');

      expect(await intakeOf(db, application.id, application.email)).toEqual({
        confirmations: [],
        requests: [],
        completedAt: expect.any(Date),
      });
      expect(await emailCount(db)).toBe(emails);
    });

    it('says so when there is no such application', async () => {
      expect(await complete('00000000-0000-4000-8000-000000000000')).toBe('missing');
    });
  });

  describe('run by the worker', () => {
    // The outbox relay moves the submission's job to the registration queue; its processor runs it.
    beforeAll(() => boot('by-worker', [registrationQueue]));
    afterAll(() => moduleRef.close());

    it('opens the approval request and confirms to the applicant soon after a submission, on its own', async () => {
      const application = await submitted();

      // One transaction does it all: once the request shows, so do the rest.
      const intake = await waitUntil(
        async () => {
          const now = await intakeOf(db, application.id, application.email);
          return now.requests.length > 0 && now;
        },
        { description: 'the approval request to open' },
      );

      expect(intake).toEqual({
        confirmations: [expect.objectContaining({ recipient: application.email, locale: 'fr' })],
        requests: [expect.objectContaining({ flow_id: flowId, opened_by: officer.userId, status: 'pending' })],
        completedAt: expect.any(Date),
      });
      // the job finished: its outbox message is no longer relayed again
      await waitUntil(
        async () =>
          (
            (await db.query(`SELECT completed_at FROM outbox_messages WHERE payload->>'applicationId' = $1`, [
              application.id,
            ])) as { completed_at: Date | null }[]
          )[0]?.completed_at,
        { description: 'the outbox message to be marked finished' },
      );
    });
  });

  describe('failing for good', () => {
    // One attempt, so "for good" comes at once; the database refuses approval requests meanwhile.
    const once: QueueDefinition = {
      ...registrationQueue,
      defaultJobOptions: { ...registrationQueue.defaultJobOptions, attempts: 1 },
    };
    beforeAll(async () => {
      await boot('failing', [once]);
      await db.query(`CREATE FUNCTION refuse_request() RETURNS trigger LANGUAGE plpgsql
                        AS $$ BEGIN RAISE EXCEPTION 'approval requests refused by the test'; END $$`);
      await db.query(`CREATE TRIGGER refuse_requests BEFORE INSERT ON approval_requests
                        FOR EACH ROW EXECUTE FUNCTION refuse_request()`);
    });
    afterAll(() => moduleRef.close());

    const detail = (id: string) => moduleRef.get(ApplicationsService).get(id);

    it('says so on the application and its outbox message, counts it, and a staff retry completes it once', async () => {
      const application = await submitted();
      await waitUntil(async () => (await detail(application.id)).intake === 'failed', {
        description: 'the intake to fail for good',
      });
      const [message] = (await db.query(
        `SELECT failed_at, failure, completed_at FROM outbox_messages WHERE payload->>'applicationId' = $1`,
        [application.id],
      )) as { failed_at: Date | null; failure: string | null; completed_at: Date | null }[];
      expect(message).toEqual({
        failed_at: expect.any(Date),
        failure: expect.stringContaining('approval requests refused by the test'),
        completed_at: expect.any(Date),
      });
      expect(await moduleRef.get(OutboxCompletion).failedSince(new Date(Date.now() - 60_000))).toBe(1);
      // the intake's transaction rolled back: no confirmation went out either
      expect(await intakeOf(db, application.id, application.email)).toEqual({
        confirmations: [],
        requests: [],
        completedAt: null,
      });

      await db.query(`DROP TRIGGER refuse_requests ON approval_requests`);
      const applications = moduleRef.get(ApplicationsService);
      expect((await applications.retryIntake(application.id)).intake).toBe('opening');
      await expect(applications.retryIntake(application.id)).rejects.toMatchObject({
        problem: { status: 409, type: 'urn:tessera:problem:intake-running' },
      });
      await waitUntil(async () => (await detail(application.id)).intake === 'done', {
        description: 'the retried intake to complete',
      });
      const done = await intakeOf(db, application.id, application.email);
      expect({ confirmations: done.confirmations.length, requests: done.requests.length }).toEqual({
        confirmations: 1,
        requests: 1,
      });
      await expect(applications.retryIntake(application.id)).rejects.toMatchObject({
        problem: { status: 409, type: 'urn:tessera:problem:intake-done' },
      });
    });
  });
});
