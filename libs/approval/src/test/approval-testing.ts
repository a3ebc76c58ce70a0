import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import { Clock, ManualClock, StorageModule, Transactions, type Principal, type Role } from '@tessera/core';
import { createWorkerTestingModule } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { ApprovalFlowsService } from '../approval-flows.service';
import { ApprovalHttpModule } from '../approval.http.module';
import { ApprovalService, type OpenApprovalRequest } from '../approval.service';
import type { FlowLevelDto } from '../dto/approval-flow.dto';

/** The approval engine (with attachments) on the real database and disk, with a clock the test moves. */
export async function bootApproval(
  clock = new ManualClock(new Date('2026-03-02T09:00:00Z')),
): Promise<{ moduleRef: TestingModule; clock: ManualClock; db: DataSource; storageDir: string }> {
  const storageDir = mkdtempSync(join(tmpdir(), 'tessera-approval-int-'));
  const moduleRef = await createWorkerTestingModule({
    imports: [StorageModule, ApprovalHttpModule],
    queues: [],
    env: { STORAGE_DIR: storageDir, PUBLIC_URL: 'https://tessera.test' },
    configure: (builder) => builder.overrideProvider(Clock).useValue(clock),
  });
  return { moduleRef, clock, db: moduleRef.get(DataSource), storageDir };
}

export interface TestUser {
  id: string;
  name: string;
  email: string;
  principal: Principal;
}

let counter = 0;

/** A user row as the users domain keeps it (no password: these tests never sign in). */
export async function createUser(
  db: DataSource,
  name: string,
  roles: Role[],
  options: { locale?: 'en' | 'fr'; active?: boolean } = {},
): Promise<TestUser> {
  counter += 1;
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${counter}@example.test`;
  const [{ id }] = (await db.query(
    `INSERT INTO users (email, name, roles, locale, active) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [email, name, roles, options.locale ?? 'en', options.active ?? true],
  )) as { id: string }[];
  return { id, name, email, principal: { kind: 'user', userId: id, sessionId: randomUUID(), roles } };
}

export function level(overrides: Partial<FlowLevelDto> & Pick<FlowLevelDto, 'name'>): FlowLevelDto {
  return { approverUserIds: [], approverRole: null, policy: 'any', dueInDays: 7, ...overrides };
}

/** A flow for `application` subjects that is not the default. */
export async function createFlow(moduleRef: TestingModule, name: string, levels: FlowLevelDto[]): Promise<string> {
  const flow = await moduleRef.get(ApprovalFlowsService).create({ name, subjectType: 'application', levels });
  return flow.id;
}

/** Opens a request for a fresh subject in a transaction of its own, as an owning domain would. */
export async function openRequest(
  moduleRef: TestingModule,
  flowId: string | null,
  overrides: Partial<OpenApprovalRequest> = {},
): Promise<{ id: string; subjectId: string }> {
  const subjectId = overrides.subjectId ?? randomUUID();
  const opened = await moduleRef.get(Transactions).run(() =>
    moduleRef.get(ApprovalService).open({
      subjectType: 'application',
      subjectId,
      flowId,
      title: 'Ada Lovelace',
      reference: 'APP-2026-000042',
      openedBy: null,
      ...overrides,
    }),
  );
  return { id: opened.id, subjectId };
}

export interface EmailRow {
  recipient: string;
  template: string;
  locale: string;
  data: Record<string, unknown>;
}

/** E-mails written for a request (by the link they carry), oldest first, then by recipient. */
export function emailsAbout(db: DataSource, requestId: string, template?: string): Promise<EmailRow[]> {
  return db.query(
    `SELECT recipient, template, locale, data FROM email_messages
      WHERE data->>'url' LIKE '%' || $1 AND ($2::text IS NULL OR template = $2)
      ORDER BY created_at, recipient`,
    [requestId, template ?? null],
  );
}

export async function eventTypes(db: DataSource, requestId: string): Promise<string[]> {
  const rows: { type: string }[] = await db.query(
    `SELECT type FROM approval_events WHERE request_id = $1 ORDER BY seq`,
    [requestId],
  );
  return rows.map((row) => row.type);
}

/** The problem a promise was rejected with (status, type, detail…). */
export async function problemOf(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    const problem = (error as { problem?: Record<string, unknown> }).problem;
    if (problem) return problem;
    throw error;
  }
  throw new Error('expected a problem, but it succeeded');
}
