import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  CaptchaService,
  Clock,
  openDownload,
  FileStorage,
  isUniqueViolation,
  normaliseEmail,
  normaliseRegistrationNumber,
  OutboxService,
  pageOf,
  ProblemException,
  TransactionalFileStorage,
  Transactions,
  type FieldErrorDto,
  type FileDownload,
  type MultipartBody,
  type Page,
  type Principal,
  type UploadedFile,
} from '@tessera/core';
import { ApprovalService } from '@tessera/approval';
import { PlansService } from '@tessera/plans';
import { ApplicationOutcomeMailer } from './application-outcome.mailer';
import { ApplicationTransitionsService } from './application-transitions.service';
import { acceptFiles, FILE_FIELDS, fileCountErrors, type AcceptedFile } from './application-files';
import { parseApplicationInput, readApplicationJson } from './application-input';
import {
  PENDING_EMAIL_INDEX,
  PENDING_REGISTRATION_INDEX,
  ApplicationRepository,
  type NewApplication,
} from './application.repository';
import type { ApplicationInputDto } from './dto/application-input.dto';
import type { ListApplicationsQueryDto } from './dto/application-query.dto';
import { ApplicationCreatedDto, ApplicationDetailDto, ApplicationSummaryDto } from './dto/application-response.dto';
import type { Application, StoredOrganisation, StoredPerson } from './entities/application.entity';
import { COMPLETE_INTAKE_JOB, REGISTRATION_QUEUE, type CompleteIntakePayload } from './registration.queue';
import type { ActorKind, ApplicationSource } from './registration.types';

/**
 * What POST /applications receives: the multipart form (text fields and files), or, for a
 * submission without files by staff or an integrator, the application document itself sent as
 * application/json.
 */
export type ApplicationSubmission = MultipartBody | { document: unknown };

/** Text fields of the form; the JSON may also come as a file part named `application`. */
const TEXT_FIELDS = ['application', 'altcha'];
const MAX_JSON_BYTES = 1024 * 1024;

interface Submitter {
  source: ApplicationSource;
  actorKind: ActorKind;
  actorId: string | null;
  userId: string | null;
  apiKeyId: string | null;
}

const publicFormIsMultipart = () =>
  ProblemException.unsupportedMediaType(
    'The public application form is sent as multipart/form-data, with the signature and the captcha.',
  );
const pendingConflict = () =>
  ProblemException.conflict('An application for this e-mail is already under review.', 'application-pending');
const pendingRegistrationConflict = () =>
  ProblemException.conflict(
    'An application for this company registration number is already under review.',
    'application-pending',
  );

/**
 * Membership applications: intake (validate everything, then store everything in one
 * transaction), the staff's reads and downloads, and status changes through application-state.
 */
@Injectable()
export class ApplicationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly applications: ApplicationRepository,
    private readonly plans: PlansService,
    private readonly files: TransactionalFileStorage,
    private readonly storage: FileStorage,
    private readonly captcha: CaptchaService,
    private readonly outbox: OutboxService,
    private readonly approvals: ApprovalService,
    private readonly transitions: ApplicationTransitionsService,
    private readonly outcomes: ApplicationOutcomeMailer,
    private readonly clock: Clock,
  ) {}

  async submit(submission: ApplicationSubmission, principal: Principal | undefined): Promise<ApplicationCreatedDto> {
    const submitter = submitterOf(principal);
    const now = this.clock.now();

    // 1. The shape of the form: known fields, file counts, the application's JSON.
    if ('document' in submission && submitter.source === 'online') throw publicFormIsMultipart();
    const { document, uploads, altcha, errors: shapeErrors } = splitSubmission(submission);
    if (shapeErrors.length > 0) throw ProblemException.validation(shapeErrors);

    // 2. The application, and what online submissions must carry.
    const parsed = parseApplicationInput(document, now);
    const errors: FieldErrorDto[] = [...parsed.errors];
    if (submitter.source === 'online' && !uploads.some((file) => file.field === 'signature'))
      errors.push({ field: 'signature', message: 'is required: draw your signature' });
    // Online applicants hear of a closed plan (or missing documents) with their other field
    // errors, before the captcha is spent; staff and API submissions leave it to the INSERT (a
    // round trip less, see bench/).
    const documents = uploads.filter((file) => FILE_FIELDS[file.field] === 'document').length;
    const planProblem =
      submitter.source === 'online' && parsed.input ? await this.planProblem(parsed.input, documents) : undefined;
    if (planProblem) errors.push(planProblem);
    if (errors.length > 0 || !parsed.input) throw ProblemException.validation(errors);
    const input = parsed.input;

    // 3. Every file, by its bytes.
    const accepted = acceptFiles(uploads);

    // 4. Store it all, or nothing. The plan is checked by the INSERT itself; a pending duplicate
    //    is refused by its unique index (one 201, one 409 when two race), after the captcha so
    //    nobody can probe e-mails without solving one. The confirmation and the approval request
    //    follow in the worker (ApplicationIntakeService).
    const application = newApplication(input, submitter, now);
    const store = async (): Promise<ApplicationCreatedDto> => {
      if (submitter.source === 'online') await this.captcha.verify(altcha);
      const created = await this.insertApplication(application, submitter, documents);
      if (!created) {
        const problem = await this.planProblem(input, documents);
        throw ProblemException.validation([
          problem ?? { field: 'application.planId', message: 'is not a plan open for applications' },
        ]);
      }
      for (const file of accepted) await this.storeFile(created.id, file, now);
      return { id: created.id, reference: created.reference, status: 'submitted' };
    };
    // A single statement is atomic on its own: a JSON-only staff or API submission needs no
    // BEGIN/COMMIT around it (two round trips of four; see bench/). Files and captchas do.
    return accepted.length === 0 && submitter.source !== 'online' ? store() : this.transactions.run(store);
  }

  async list(query: ListApplicationsQueryDto): Promise<Page<ApplicationSummaryDto>> {
    const [rows, total] = await this.applications.list({
      status: query.status,
      planId: query.planId,
      kind: query.kind,
      submittedFrom: query.submittedFrom ? startOf(query.submittedFrom) : undefined,
      submittedBefore: query.submittedTo ? endOf(query.submittedTo) : undefined,
      search: query.q,
      offset: query.offset,
      limit: query.pageSize,
    });
    const names = await this.plans.namesOf(rows.map((row) => row.planId));
    return pageOf(
      rows.map((row) => ApplicationSummaryDto.from(row, names.get(row.planId) ?? '')),
      total,
      query,
    );
  }

  async get(id: string): Promise<ApplicationDetailDto> {
    const application = await this.applications.findById(id);
    if (!application) throw notFound();
    return this.detailOf(application);
  }

  /**
   * A stored file of this application, with the headers to serve it under: always its detected
   * type; inline only when asked for and only for PNG/JPEG (thumbnails), else an attachment.
   */
  async openFile(applicationId: string, fileId: string, inline: boolean): Promise<FileDownload> {
    const file = await this.applications.findFile(applicationId, fileId);
    if (!file) throw ProblemException.notFound('This application has no file with this id.', 'file-not-found');
    const showInline = inline && (file.contentType === 'image/png' || file.contentType === 'image/jpeg');
    return openDownload(this.storage, file, showInline ? 'inline' : 'attachment');
  }

  /** Staff withdraw an application under review: its approval request closes with it. */
  async cancel(id: string, reason: string, actor: Principal): Promise<ApplicationDetailDto> {
    return this.transactions.run(async () => {
      const submitter = submitterOf(actor);
      const application = await this.transitions.lockFor(id, 'cancelled');
      const saved = await this.transitions.apply(
        application,
        'cancelled',
        { kind: submitter.actorKind, id: submitter.actorId },
        reason,
      );
      await this.approvals.cancelForSubject('application', id, reason, submitter.userId);
      await this.outcomes.send(saved, { kind: 'cancelled', reason }, await this.outcomes.nameOf(submitter.userId));
      return this.detailOf(saved);
    });
  }

  /**
   * Staff retry an intake that failed for good: a new job through the outbox, its retries starting
   * over. The intake acts once however often it runs, so a retry can never confirm twice.
   */
  async retryIntake(id: string): Promise<ApplicationDetailDto> {
    return this.transactions.run(async () => {
      const application = await this.applications.lockById(id);
      if (!application) throw notFound();
      if (application.intakeCompletedAt)
        throw ProblemException.conflict(
          'The confirmation and the approval request of this application are done already.',
          'intake-done',
        );
      if (!application.intakeFailedAt)
        throw ProblemException.conflict(
          'The confirmation and the approval request of this application are still being opened; retry only once that has failed.',
          'intake-running',
        );
      await this.applications.clearIntakeFailure(id);
      await this.outbox.publish<CompleteIntakePayload>({
        queue: REGISTRATION_QUEUE,
        name: COMPLETE_INTAKE_JOB,
        payload: { applicationId: id },
      });
      return this.detailOf({ ...application, intakeFailedAt: null });
    });
  }

  private async detailOf(application: Application): Promise<ApplicationDetailDto> {
    // One after the other: inside a transaction they share one connection.
    const files = await this.applications.filesOf(application.id);
    const events = await this.applications.eventsOf(application.id);
    const planName = await this.planName(application.planId);
    return ApplicationDetailDto.fromParts(application, planName, files, events);
  }

  /**
   * The application, its first event and its intake job in one statement; undefined when its plan
   * is not open to it. The pending-duplicate indexes decide when two submissions race.
   */
  private async insertApplication(
    application: NewApplication,
    submitter: Submitter,
    documents: number,
  ): Promise<{ id: string; reference: string } | undefined> {
    const event = { type: 'submitted' as const, actorKind: submitter.actorKind, actorId: submitter.actorId };
    try {
      return await this.outbox.publishWith<{ id: string; reference: string }, CompleteIntakePayload>(
        this.applications.submittedStatement(application, event, documents, (placeholders) =>
          this.plans.openForApplicationCondition(placeholders),
        ),
        { queue: REGISTRATION_QUEUE, name: COMPLETE_INTAKE_JOB, payload: { applicationId: application.id } },
      );
    } catch (error) {
      if (isUniqueViolation(error, PENDING_EMAIL_INDEX)) throw pendingConflict();
      if (isUniqueViolation(error, PENDING_REGISTRATION_INDEX)) throw pendingRegistrationConflict();
      throw error;
    }
  }

  /** Why the plan would refuse this application, if it would (the INSERT checks it anyway). */
  private async planProblem(input: ApplicationInputDto, documents: number): Promise<FieldErrorDto | undefined> {
    const verdict = await this.plans.planForApplication(input.planId, input.kind, documents);
    if (!('problem' in verdict)) return undefined;
    return { field: verdict.about === 'documents' ? 'documents' : 'application.planId', message: verdict.problem };
  }

  private async storeFile(applicationId: string, file: AcceptedFile, now: Date): Promise<void> {
    const stored = await this.files.save(file.bytes, file.extension);
    await this.applications.insertFile({
      applicationId,
      role: file.role,
      position: file.position,
      filename: file.filename,
      contentType: file.contentType,
      size: stored.size,
      sha256: stored.sha256,
      width: file.width,
      height: file.height,
      storageKey: stored.key,
      createdAt: now,
    });
  }

  private async planName(planId: string): Promise<string> {
    return (await this.plans.namesOf([planId])).get(planId) ?? '';
  }
}

/** The application document, the uploads, the captcha's answer and any shape errors of a submission. */
function splitSubmission(submission: ApplicationSubmission): {
  document: unknown;
  uploads: UploadedFile[];
  altcha: string | undefined;
  errors: FieldErrorDto[];
} {
  if ('document' in submission) return { document: submission.document, uploads: [], altcha: undefined, errors: [] };
  const errors: FieldErrorDto[] = Object.keys(submission.fields)
    .filter((field) => !TEXT_FIELDS.includes(field))
    .map((field) => ({ field, message: 'is not a field this form accepts (application, altcha)' }));
  let json = submission.fields.application;
  const jsonFiles = submission.files.filter((file) => file.field === 'application');
  if (jsonFiles.length > 0) {
    if (json !== undefined || jsonFiles.length > 1) errors.push({ field: 'application', message: 'must be sent once' });
    else if (jsonFiles[0].bytes.length > MAX_JSON_BYTES)
      errors.push({ field: 'application', message: 'must be at most 1 MB of JSON' });
    else json = jsonFiles[0].bytes.toString('utf8');
  }
  const uploads = submission.files.filter((file) => file.field !== 'application');
  errors.push(...fileCountErrors(uploads));
  const read = readApplicationJson(json);
  errors.push(...read.errors);
  return { document: read.document, uploads, altcha: submission.fields.altcha, errors };
}

/** The row to insert for a validated submission. */
function newApplication(input: ApplicationInputDto, submitter: Submitter, now: Date): NewApplication {
  const person = input.person ? (plain(input.person) as StoredPerson) : null;
  const organisation = input.organisation ? (plain(input.organisation) as StoredOrganisation) : null;
  const contact = organisation?.representatives.find((representative) => representative.isContact) ?? null;
  return {
    id: randomUUID(),
    kind: input.kind,
    status: 'submitted',
    planId: input.planId,
    locale: input.locale,
    source: submitter.source,
    email: normaliseEmail(person?.email ?? contact?.email ?? ''),
    registrationKey: organisation ? normaliseRegistrationNumber(organisation.registrationNumber) : null,
    applicantName: person ? `${person.firstName} ${person.lastName}` : (organisation?.legalName ?? ''),
    contactName: contact ? `${contact.firstName} ${contact.lastName}` : null,
    person,
    professional: input.professional ? plain(input.professional) : null,
    organisation,
    consent: { terms: true, privacy: true, consentedAt: now.toISOString() },
    submittedByUserId: submitter.userId,
    submittedByApiKeyId: submitter.apiKeyId,
    submittedAt: now,
    updatedAt: now,
  };
}

/**
 * Officers, admins and API keys enter applications for others (no captcha, no per-client limit);
 * anyone else, signed in or not, applies online.
 */
export function submitsAsStaff(principal: Principal | undefined): boolean {
  if (principal?.kind === 'api-key') return true;
  return principal?.kind === 'user' && principal.roles.some((role) => role === 'admin' || role === 'officer');
}

/** Who submits: anonymous and members online; officers and admins as staff; API keys with the scope. */
function submitterOf(principal: Principal | undefined): Submitter {
  if (principal?.kind === 'api-key') {
    if (!principal.scopes.includes('applications:write'))
      throw ProblemException.forbidden('This API key does not have the applications:write scope.');
    return {
      source: 'api',
      actorKind: 'api-key',
      actorId: principal.apiKeyId,
      userId: null,
      apiKeyId: principal.apiKeyId,
    };
  }
  if (principal?.kind === 'user') {
    const staff = submitsAsStaff(principal);
    return {
      source: staff ? 'staff' : 'online',
      actorKind: staff ? 'user' : 'applicant',
      actorId: principal.userId,
      userId: principal.userId,
      apiKeyId: null,
    };
  }
  return { source: 'online', actorKind: 'applicant', actorId: null, userId: null, apiKeyId: null };
}

/** A class instance from class-transformer → the plain JSON to keep. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

function startOf(value: string): Date {
  return DATE_ONLY.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
}

/** Exclusive upper bound: the end of a date's day, or the date-time itself. */
function endOf(value: string): Date {
  return DATE_ONLY.test(value) ? new Date(new Date(`${value}T00:00:00Z`).getTime() + DAY_MS) : new Date(value);
}

function notFound(): ProblemException {
  return ProblemException.notFound('No application has this id.', 'application-not-found');
}
