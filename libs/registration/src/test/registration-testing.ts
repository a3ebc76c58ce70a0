import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import { CaptchaModule, StorageModule, type Principal } from '@tessera/core';
import { PlansService, type ApplicantKind } from '@tessera/plans';
import { createWorkerTestingModule, type WorkerTestingOptions } from '@tessera/testing';
import { UsersService } from '@tessera/users';
import { DataSource } from 'typeorm';
import type { ApplicationLocale } from '../registration.types';
import { RegistrationModule } from '../registration.module';

export const address = { line1: '1 Main Street', postalCode: '1000', city: 'Brussels', country: 'BE' };

/**
 * Registration on the real database and disk (submitting needs the file storage and the
 * captcha), with `imports` and `queues` as extra worker pieces. `close()` the module after.
 */
export async function bootRegistration(
  options: Partial<Pick<WorkerTestingOptions, 'imports' | 'queues'>> = {},
): Promise<{ moduleRef: TestingModule; db: DataSource; storageDir: string }> {
  const storageDir = mkdtempSync(join(tmpdir(), 'tessera-registration-int-'));
  const moduleRef = await createWorkerTestingModule({
    imports: [StorageModule, CaptchaModule, RegistrationModule, ...(options.imports ?? [])],
    queues: options.queues ?? [],
    env: { STORAGE_DIR: storageDir },
  });
  return { moduleRef, db: moduleRef.get(DataSource), storageDir };
}

/** A staff officer who submits applications: it must exist, as approval requests record who opened them. */
export async function seedOfficer(moduleRef: TestingModule, email: string): Promise<Principal & { kind: 'user' }> {
  await moduleRef.get(UsersService).seedUser({
    email,
    name: 'Olive Officer',
    roles: ['officer'],
    password: 'Officer-Password-2026!',
  });
  const [{ id }] = (await moduleRef.get(DataSource).query(`SELECT id FROM users WHERE email = $1`, [email])) as {
    id: string;
  }[];
  return { kind: 'user', userId: id, sessionId: randomUUID(), roles: ['officer'] };
}

/** A yearly plan at 60 EUR for `applicantKinds`, active unless told otherwise; returns its id. */
export async function createPlan(
  moduleRef: TestingModule,
  plan: {
    code: string;
    name: string;
    applicantKinds: ApplicantKind[];
    approvalFlowId?: string;
    active?: boolean;
    documentsRequired?: number;
    documentsHint?: string;
  },
): Promise<string> {
  const created = await moduleRef
    .get(PlansService)
    .create({ ...plan, price: { amount: 6000, currency: 'EUR' }, period: { count: 1, unit: 'year' } });
  return created.id;
}

let counter = 0;

/** An e-mail address no other application of the run has. */
export function uniqueEmail(): string {
  return `applicant.${(counter += 1)}.${Date.now().toString(36)}@example.test`;
}

/** The `application` field of a person's submission. */
export function individualApplication(planId: string, email: string, locale: ApplicationLocale = 'en'): string {
  return JSON.stringify({
    kind: 'individual',
    planId,
    locale,
    consent: { terms: true, privacy: true },
    person: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email,
      phone: '+32 470 12 34 56',
      birthDate: '1990-12-10',
      address,
      nationality: 'GB',
    },
  });
}
