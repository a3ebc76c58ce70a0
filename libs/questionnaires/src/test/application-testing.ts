import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestingModule } from '@nestjs/testing';
import { CaptchaModule, StorageModule } from '@tessera/core';
import { PlansService } from '@tessera/plans';
import { RegistrationModule, RegistrationWorkerModule } from '@tessera/registration';
import { createWorkerTestingModule } from '@tessera/testing';
import { QuestionnairesModule } from '../questionnaires.module';

/** Registration (applications and their approval) with questionnaires, on the real database and disk. */
export function bootRegistrationWithQuestionnaires(): Promise<TestingModule> {
  return createWorkerTestingModule({
    imports: [StorageModule, CaptchaModule, RegistrationModule, RegistrationWorkerModule, QuestionnairesModule],
    queues: [],
    env: { STORAGE_DIR: mkdtempSync(join(tmpdir(), 'tessera-questionnaires-int-')) },
  });
}

/** A yearly plan at 60 EUR; its id. */
export async function yearlyPlan(moduleRef: TestingModule, code: string, approvalFlowId?: string): Promise<string> {
  const plan = await moduleRef.get(PlansService).create({
    code,
    name: code,
    applicantKinds: ['individual', 'organisation'],
    approvalFlowId,
    price: { amount: 6000, currency: 'EUR' },
    period: { count: 1, unit: 'year' },
  });
  return plan.id;
}

let counter = 0;

/** An applicant e-mail no other test of the run has. */
export const applicantEmail = () => `q.applicant.${(counter += 1)}.${Date.now().toString(36)}@example.test`;

/** The `application` field of a person's submission on `planId`. */
export function personApplication(planId: string, email: string): string {
  return JSON.stringify({
    kind: 'individual',
    planId,
    locale: 'en',
    consent: { terms: true, privacy: true },
    person: {
      firstName: 'Ada',
      lastName: 'Lovelace',
      email,
      phone: '+32 470 12 34 56',
      birthDate: '1990-12-10',
      address: { line1: '1 Main Street', postalCode: '1000', city: 'Brussels', country: 'BE' },
      nationality: 'GB',
    },
  });
}
