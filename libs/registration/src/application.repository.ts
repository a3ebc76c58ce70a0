import { Injectable } from '@nestjs/common';
import { Transactions, type ReturningStatement, type SqlCondition } from '@tessera/core';
import { userNameSql } from '@tessera/users';
import { nextApplicationReferenceSql } from './application-reference';
import type { ApplicationStatus } from './application-state';
import { ApplicationEvent } from './entities/application-event.entity';
import { ApplicationFile } from './entities/application-file.entity';
import { Application } from './entities/application.entity';
import type { ActorKind, ApplicantKind, ApplicationEventType } from './registration.types';
import { IsNull } from 'typeorm';

export interface ApplicationFilter {
  status?: ApplicationStatus;
  planId?: string;
  kind?: ApplicantKind;
  submittedFrom?: Date;
  submittedBefore?: Date;
  search?: string;
  offset: number;
  limit: number;
}

/** A submitted application, before it has a reference (its id is chosen beforehand). */
/** An event with the name of the person who acted, when a staff member did. */
export type NamedEvent = ApplicationEvent & { actorName: string | null };

export type NewApplication = Omit<Application, 'reference' | 'memberId' | 'intakeCompletedAt' | 'intakeFailedAt'>;

/** The first event of an application, written with it. */
export interface NewEvent {
  type: ApplicationEventType;
  actorKind: ActorKind;
  actorId: string | null;
}

/** Unique indexes that stop a second application under review for the same applicant. */
export const PENDING_EMAIL_INDEX = 'applications_pending_email_key';
export const PENDING_REGISTRATION_INDEX = 'applications_pending_registration_key';

/** The only place that speaks TypeORM for applications, their files and events. */
@Injectable()
export class ApplicationRepository {
  constructor(private readonly transactions: Transactions) {}

  private get applications() {
    return this.transactions.repository(Application);
  }

  private get files() {
    return this.transactions.repository(ApplicationFile);
  }

  private get events() {
    return this.transactions.repository(ApplicationEvent);
  }

  /**
   * The INSERT of a submitted application with its first event, its reference drawn from the
   * sequence in the same statement, and only if its plan is open to it: to run with the intake
   * job through `OutboxService.publishWith`, so a JSON-only submission is one round trip (the
   * path is hot: see bench/). No row when the plan is not open; the pending-duplicate indexes
   * raise a unique violation the service turns into 409.
   */
  submittedStatement(
    application: NewApplication,
    event: NewEvent,
    documents: number,
    planOpen: (placeholders: { planId: string; kind: string; documents: string }) => SqlCondition,
  ): ReturningStatement {
    return {
      name: 'submit-application',
      with: `inserted AS (
              INSERT INTO applications (id, reference, kind, status, plan_id, locale, source, email, registration_key,
                                        applicant_name, contact_name, person, professional, organisation, consent,
                                        submitted_by_user_id, submitted_by_api_key_id, submitted_at, updated_at)
              SELECT $21, ${nextApplicationReferenceSql('$1')}, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
                     $15, $16, $17, $17
               WHERE ${planOpen({ planId: '$4', kind: '$2', documents: '$22' }).sql}
              RETURNING id, reference, status),
            event AS (
              INSERT INTO application_events (application_id, type, from_status, to_status, actor_kind, actor_id, reason, occurred_at)
              SELECT id, $18, NULL, status, $19, $20, NULL, $17 FROM inserted)`,
      sql: `SELECT id, reference FROM inserted`,
      params: [
        application.submittedAt.getUTCFullYear(),
        application.kind,
        application.status,
        application.planId,
        application.locale,
        application.source,
        application.email,
        application.registrationKey,
        application.applicantName,
        application.contactName,
        application.person,
        application.professional,
        application.organisation,
        application.consent,
        application.submittedByUserId,
        application.submittedByApiKeyId,
        application.submittedAt,
        event.type,
        event.actorKind,
        event.actorId,
        application.id,
        documents,
      ],
    };
  }

  /** Records that the intake is done; run under the row's lock (see ApplicationIntakeService). */
  async markIntakeCompleted(id: string, at: Date): Promise<void> {
    await this.applications.update({ id }, { intakeCompletedAt: at, intakeFailedAt: null });
  }

  /** Only while the intake is not done: a late failure report never hides a completed intake. */
  async markIntakeFailed(id: string, at: Date): Promise<void> {
    await this.applications.update({ id, intakeCompletedAt: IsNull() }, { intakeFailedAt: at });
  }

  async clearIntakeFailure(id: string): Promise<void> {
    await this.applications.update({ id }, { intakeFailedAt: null });
  }

  save(application: Application): Promise<Application> {
    return this.applications.save(application);
  }

  findById(id: string): Promise<Application | null> {
    return this.applications.findOneBy({ id });
  }

  lockById(id: string): Promise<Application | null> {
    return this.applications.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async list(filter: ApplicationFilter): Promise<[Application[], number]> {
    const query = this.applications.createQueryBuilder('a');
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    if (filter.planId) query.andWhere('a.planId = :planId', { planId: filter.planId });
    if (filter.kind) query.andWhere('a.kind = :kind', { kind: filter.kind });
    if (filter.submittedFrom) query.andWhere('a.submittedAt >= :from', { from: filter.submittedFrom });
    if (filter.submittedBefore) query.andWhere('a.submittedAt < :before', { before: filter.submittedBefore });
    if (filter.search) {
      // search_text is the lower-cased reference, names and e-mail (a trigram index serves ILIKE).
      const pattern = `%${filter.search.toLowerCase().replace(/[\\%_]/g, '\\$&')}%`;
      query.andWhere('a.search_text ILIKE :pattern', { pattern });
    }
    return query
      .orderBy('a.submittedAt', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .skip(filter.offset)
      .take(filter.limit)
      .getManyAndCount();
  }

  insertFile(fields: Partial<ApplicationFile>): Promise<ApplicationFile> {
    return this.files.save(this.files.create(fields));
  }

  filesOf(applicationId: string): Promise<ApplicationFile[]> {
    return this.files.find({ where: { applicationId }, order: { role: 'ASC', position: 'ASC' } });
  }

  findFile(applicationId: string, fileId: string): Promise<ApplicationFile | null> {
    return this.files.findOneBy({ id: fileId, applicationId });
  }

  addEvent(fields: Partial<ApplicationEvent>): Promise<ApplicationEvent> {
    return this.events.save(this.events.create(fields));
  }

  /** Oldest first, each with the name of the staff member who acted (null for others). */
  async eventsOf(applicationId: string): Promise<NamedEvent[]> {
    const { entities, raw } = await this.events
      .createQueryBuilder('e')
      .addSelect(`CASE WHEN e.actor_kind = 'user' THEN ${userNameSql('e.actor_id')} END`, 'actor_name')
      .where('e.application_id = :applicationId', { applicationId })
      .orderBy('e.occurred_at', 'ASC')
      .addOrderBy('e.seq', 'ASC')
      .getRawAndEntities<{ actor_name: string | null }>();
    return entities.map((event, index) => Object.assign(event, { actorName: raw[index]?.actor_name ?? null }));
  }
}
