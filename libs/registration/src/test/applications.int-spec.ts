import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import { ProblemException, Transactions, type MultipartBody, type Principal } from '@tessera/core';
import { DataSource } from 'typeorm';
import { ApplicationRepository } from '../application.repository';
import { ApplicationsService } from '../applications.service';
import { COMPLETE_INTAKE_JOB, REGISTRATION_QUEUE } from '../registration.queue';
import { jpegHeader, pdfHeader, pngHeader } from './files';
import {
  address,
  bootRegistration,
  createPlan,
  individualApplication,
  seedOfficer,
  uniqueEmail,
} from './registration-testing';

/** Every file under a directory, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('applications against the real database and disk', () => {
  let moduleRef: TestingModule;
  let applications: ApplicationsService;
  let db: DataSource;
  let storageDir: string;
  let officer: Principal;
  let individualPlanId: string;
  let organisationPlanId: string;
  let closedPlanId: string;

  const individual = (email: string, planId = individualPlanId): MultipartBody => ({
    fields: { application: individualApplication(planId, email) },
    files: [
      { field: 'documents', filename: 'diploma.pdf', declaredType: 'application/pdf', bytes: pdfHeader(2048, email) },
      { field: 'documents', filename: 'id.png', declaredType: 'image/png', bytes: pngHeader(800, 600, 4096) },
      { field: 'photo', filename: 'me.jpg', declaredType: 'image/jpeg', bytes: jpegHeader(400, 500, 3000) },
      { field: 'signature', filename: 'signature.png', declaredType: 'image/png', bytes: pngHeader(300, 100, 500) },
    ],
  });

  const organisation = (registrationNumber: string, email: string): MultipartBody => ({
    fields: {
      application: JSON.stringify({
        kind: 'organisation',
        planId: organisationPlanId,
        locale: 'fr',
        consent: { terms: true, privacy: true },
        organisation: {
          legalName: 'Engines SA',
          registrationNumber,
          address,
          representatives: [{ firstName: 'Grace', lastName: 'Hopper', email, role: 'Director', isContact: true }],
        },
      }),
    },
    files: [],
  });

  async function counts(): Promise<
    Record<'applications' | 'files' | 'events' | 'emails' | 'outbox' | 'approvals' | 'stored', number>
  > {
    const [row] = (await db.query(`
      SELECT (SELECT count(*) FROM applications)::int AS applications,
             (SELECT count(*) FROM application_files)::int AS files,
             (SELECT count(*) FROM application_events)::int AS events,
             (SELECT count(*) FROM email_messages)::int AS emails,
             (SELECT count(*) FROM outbox_messages)::int AS outbox,
             (SELECT count(*) FROM approval_requests)::int AS approvals`)) as Record<
      'applications' | 'files' | 'events' | 'emails' | 'outbox' | 'approvals',
      number
    >[];
    return { ...row, stored: filesUnder(storageDir).length };
  }

  beforeAll(async () => {
    ({ moduleRef, db, storageDir } = await bootRegistration());
    applications = moduleRef.get(ApplicationsService);
    officer = await seedOfficer(moduleRef, 'int.officer@example.test');
    individualPlanId = await createPlan(moduleRef, {
      code: 'int-individual',
      name: 'Individual',
      applicantKinds: ['individual'],
    });
    organisationPlanId = await createPlan(moduleRef, {
      code: 'int-organisation',
      name: 'Organisation',
      applicantKinds: ['organisation'],
    });
    closedPlanId = await createPlan(moduleRef, {
      code: 'int-closed',
      name: 'Closed',
      applicantKinds: ['individual'],
      active: false,
    });
  });
  afterAll(() => moduleRef.close());
  afterEach(() => jest.restoreAllMocks());

  it('stores the application, its files byte for byte, its history and its intake job together', async () => {
    const before = await counts();
    const submission = individual(uniqueEmail());
    const created = await applications.submit(submission, officer);
    expect(created).toEqual({
      id: expect.any(String),
      reference: expect.stringMatching(/^APP-\d{4}-\d{6}$/),
      status: 'submitted',
    });

    expect(await counts()).toEqual({
      applications: before.applications + 1,
      files: before.files + 4,
      events: before.events + 1,
      // The applicant's confirmation and the approval request follow in the worker (ApplicationIntakeService).
      emails: before.emails,
      outbox: before.outbox + 1,
      approvals: before.approvals,
      stored: before.stored + 4,
    });
    const job = await db.query(
      `SELECT queue, job_name, payload FROM outbox_messages WHERE payload->>'applicationId' = $1`,
      [created.id],
    );
    expect(job).toEqual([
      { queue: REGISTRATION_QUEUE, job_name: COMPLETE_INTAKE_JOB, payload: { applicationId: created.id } },
    ]);
    const rows: { storage_key: string; sha256: string; role: string }[] = await db.query(
      `SELECT storage_key, sha256, role FROM application_files WHERE application_id = $1 ORDER BY role, position`,
      [created.id],
    );
    const uploaded = submission.files.map((file) => file.bytes);
    rows.forEach((row, index) => expect(readFileSync(join(storageDir, row.storage_key))).toEqual(uploaded[index]));
    const detail = await applications.get(created.id);
    expect(detail).toMatchObject({
      source: 'staff',
      history: [
        {
          type: 'submitted',
          actor: { kind: 'user', id: officer.kind === 'user' ? officer.userId : '', name: 'Olive Officer' },
        },
      ],
    });
  });

  it('leaves no row, no intake job and no file when the transaction fails after the files were written', async () => {
    const before = await counts();
    const repository = moduleRef.get(ApplicationRepository);
    const insertFile = repository.insertFile.bind(repository);
    let storedWhenItFailed = 0;
    const insert = jest
      .spyOn(repository, 'insertFile')
      .mockImplementationOnce(insertFile)
      .mockImplementationOnce(async () => {
        storedWhenItFailed = filesUnder(storageDir).length - before.stored;
        throw new Error('the database went away');
      });

    await expect(applications.submit(individual(uniqueEmail()), officer)).rejects.toThrow('the database went away');

    expect(insert).toHaveBeenCalledTimes(2);
    expect(storedWhenItFailed).toBe(2); // a file is written before its row
    expect(await counts()).toEqual(before);
  });

  // Staff and API submissions leave the plan to the INSERT: with files (in a transaction) or without.
  it.each([
    ['unknown', () => randomUUID(), 'is not a plan open for applications', true],
    ['inactive', () => closedPlanId, 'is not a plan open for applications', false],
    ['for organisations only', () => organisationPlanId, 'is not open to individuals', true],
  ])('refuses a staff submission to a plan that is %s, and stores nothing', async (_, planId, message, withFiles) => {
    const before = await counts();
    const submission = individual(uniqueEmail(), planId());

    const refused = applications.submit(withFiles ? submission : { ...submission, files: [] }, officer);

    await expect(refused).rejects.toBeInstanceOf(ProblemException);
    await expect(refused).rejects.toMatchObject({
      problem: { status: 400, errors: [{ field: 'application.planId', message }] },
    });
    expect(await counts()).toEqual(before);
  });

  it('removes the files when an enclosing transaction fails after the service returned (as at COMMIT)', async () => {
    const before = await counts();
    let stored = 0;
    await expect(
      moduleRef.get(Transactions).run(async () => {
        await applications.submit(individual(uniqueEmail()), officer);
        stored = filesUnder(storageDir).length - before.stored;
        throw new Error('the idempotency record could not be written');
      }),
    ).rejects.toThrow('the idempotency record could not be written');
    expect(stored).toBe(4);
    expect(await counts()).toEqual(before);
  });

  it('refuses an application without the documents its plan requires (form or JSON), naming documents', async () => {
    const planId = await createPlan(moduleRef, {
      code: 'students-with-proof',
      name: 'Students',
      applicantKinds: ['individual'],
      documentsRequired: 2,
      documentsHint: 'Proof of enrolment',
    });
    const before = await counts();
    const missing = {
      status: 400,
      errors: [
        { field: 'documents', message: expect.stringMatching(/attach 2 supporting documents \(Proof of enrolment\)/) },
      ],
    };
    const oneDocument = individual(uniqueEmail(), planId);
    oneDocument.files = oneDocument.files.filter((file) => file.filename !== 'id.png');
    await expect(applications.submit(oneDocument, officer)).rejects.toMatchObject({ problem: missing });
    const asJson = { document: JSON.parse(individualApplication(planId, uniqueEmail())) as unknown };
    await expect(applications.submit(asJson, officer)).rejects.toMatchObject({ problem: missing });
    expect(await counts()).toEqual(before);

    await expect(applications.submit(individual(uniqueEmail(), planId), officer)).resolves.toMatchObject({
      status: 'submitted',
    });
  });

  it('lets exactly one of many concurrent submissions for one e-mail through; the others get 409', async () => {
    const email = uniqueEmail();
    const before = await counts();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        applications.submit(individual(i % 2 ? email.toUpperCase() : email), officer),
      ),
    );
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(7);
    for (const { reason } of rejected) {
      expect(reason).toBeInstanceOf(ProblemException);
      expect((reason as ProblemException).problem).toMatchObject({
        status: 409,
        type: 'urn:tessera:problem:application-pending',
        detail: 'An application for this e-mail is already under review.',
      });
    }
    const after = await counts();
    expect(after.applications - before.applications).toBe(1);
    expect(after.stored - before.stored).toBe(4);
  });

  it('does the same for one company registration number, however it is written', async () => {
    const results = await Promise.allSettled(
      ['0123.456.789', '0123 456 789', '0123-456-789', '0123456789'].map((number) =>
        applications.submit(organisation(number, uniqueEmail()), officer),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const [row] = await db.query(`SELECT count(*)::int AS n FROM applications WHERE registration_key = '0123456789'`);
    expect(row.n).toBe(1);
  });

  it('enforces one pending application per e-mail in the database itself', async () => {
    const created = await applications.submit(individual(uniqueEmail()), officer);
    await expect(
      db.query(
        `INSERT INTO applications (reference, kind, plan_id, locale, source, email, applicant_name, person, consent, submitted_at, updated_at)
         SELECT 'APP-2000-999999', kind, plan_id, locale, source, email, applicant_name, person, consent, now(), now()
           FROM applications WHERE id = $1`,
        [created.id],
      ),
    ).rejects.toMatchObject({ driverError: { code: '23505', constraint: 'applications_pending_email_key' } });
  });

  it('frees the e-mail once the application is cancelled, and keeps the cancellation in the history', async () => {
    const email = uniqueEmail();
    const first = await applications.submit(individual(email), officer);
    await expect(applications.submit(individual(email), officer)).rejects.toMatchObject({ status: 409 });

    const cancelled = await applications.cancel(first.id, 'Withdrawn by phone', officer);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.history.map((event) => [event.type, event.fromStatus, event.toStatus, event.reason])).toEqual([
      ['submitted', null, 'submitted', null],
      ['cancelled', 'submitted', 'cancelled', 'Withdrawn by phone'],
    ]);
    await expect(applications.cancel(first.id, 'again', officer)).rejects.toMatchObject({
      problem: {
        status: 409,
        type: 'urn:tessera:problem:illegal-transition',
        detail: 'This application is already cancelled.',
      },
    });
    await expect(applications.submit(individual(email), officer)).resolves.toMatchObject({ status: 'submitted' });
  });

  it('serves a stored file, and fails loudly (not with a broken download) when it is gone from disk', async () => {
    const created = await applications.submit(individual(uniqueEmail()), officer);
    const [photo] = (await db.query(
      `SELECT id, storage_key FROM application_files WHERE application_id = $1 AND role = 'photo'`,
      [created.id],
    )) as { id: string; storage_key: string }[];
    const served = await applications.openFile(created.id, photo.id, true);
    expect(served).toMatchObject({ contentType: 'image/jpeg', disposition: expect.stringMatching(/^inline; /) });
    served.stream.destroy();

    rmSync(join(storageDir, photo.storage_key));
    await expect(applications.openFile(created.id, photo.id, false)).rejects.toThrow(/cannot be read/);
  });

  it('numbers references from one sequence', async () => {
    const a = await applications.submit(individual(uniqueEmail()), officer);
    const b = await applications.submit(individual(uniqueEmail()), officer);
    const number = (reference: string) => Number(reference.split('-')[2]);
    expect(number(b.reference)).toBeGreaterThan(number(a.reference));
    expect(a.reference.slice(4, 8)).toBe(String(new Date().getUTCFullYear()));
  });

  // Last: it moves the sequence on for good.
  it('grows references past six digits rather than wrapping', async () => {
    await db.query(`SELECT setval('application_reference_seq', 999998)`);
    const year = new Date().getUTCFullYear();
    expect((await applications.submit(individual(uniqueEmail()), officer)).reference).toBe(`APP-${year}-999999`);
    expect((await applications.submit(individual(uniqueEmail()), officer)).reference).toBe(`APP-${year}-1000000`);
  });
});
