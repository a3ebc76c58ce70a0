import { randomUUID } from 'node:crypto';
import type { TestingModule } from '@nestjs/testing';
import { createWorkerTestingModule } from '@tessera/testing';
import { DataSource } from 'typeorm';
import type { CreatePlanDto } from '../dto/plan.dto';
import { PlansModule } from '../plans.module';
import { PlansService } from '../plans.service';
import type { ApplicantKind } from '../plans.types';

const yearly = (code: string, overrides: Partial<CreatePlanDto> = {}): CreatePlanDto => ({
  code,
  name: `Plan ${code}`,
  applicantKinds: ['individual'],
  price: { amount: 6000, currency: 'EUR' },
  period: { count: 1, unit: 'year' },
  ...overrides,
});

describe('plans against the real database', () => {
  let moduleRef: TestingModule;
  let plans: PlansService;
  let db: DataSource;

  beforeAll(async () => {
    moduleRef = await createWorkerTestingModule({ imports: [PlansModule], queues: [] });
    plans = moduleRef.get(PlansService);
    db = moduleRef.get(DataSource);
  });
  afterAll(() => moduleRef.close());

  it('creates a plan with its defaults, and refuses a second plan with its code', async () => {
    const created = await plans.create(yearly('defaults'));
    expect(created).toMatchObject({
      description: '',
      graceDays: 0,
      active: true,
      approvalFlowId: null,
      documentsRequired: 0,
      documentsHint: null,
      sortOrder: 0,
    });
    await expect(plans.create(yearly('defaults'))).rejects.toMatchObject({ status: 409 });
  });

  it('changes only the fields sent, and clears the documents hint with null', async () => {
    const created = await plans.create(yearly('partial', { documentsRequired: 1, documentsHint: 'A diploma' }));
    const updated = await plans.update(created.id, { graceDays: 15, documentsHint: null });
    expect(updated).toMatchObject({ ...created, graceDays: 15, documentsHint: null, documentsRequired: 1 });
    await expect(plans.update(randomUUID(), { graceDays: 1 })).rejects.toMatchObject({ status: 404 });
  });

  describe('who may apply: the verdict and the SQL condition of the submit INSERT agree', () => {
    let open: string;
    let organisations: string;
    let closed: string;
    let proofs: string;

    beforeAll(async () => {
      open = (await plans.create(yearly('open-to-people'))).id;
      organisations = (await plans.create(yearly('companies', { applicantKinds: ['organisation'] }))).id;
      closed = (await plans.create(yearly('withdrawn', { active: false }))).id;
      proofs = (await plans.create(yearly('with-proofs', { documentsRequired: 2, documentsHint: 'Two proofs' }))).id;
    });

    const cases: [string, () => string, ApplicantKind, number, string | null][] = [
      ['an open plan', () => open, 'individual', 0, null],
      ['an unknown plan', () => randomUUID(), 'individual', 0, 'is not a plan open for applications'],
      ['an inactive plan', () => closed, 'individual', 0, 'is not a plan open for applications'],
      ['a plan for the other kind', () => organisations, 'individual', 0, 'is not open to individuals'],
      [
        'too few documents',
        () => proofs,
        'individual',
        1,
        'are required for this plan: attach 2 supporting documents (Two proofs)',
      ],
      ['enough documents', () => proofs, 'individual', 2, null],
    ];

    it.each(cases)('%s', async (_, planId, kind, documents, problem) => {
      const verdict = await plans.planForApplication(planId(), kind, documents);
      expect('problem' in verdict ? verdict.problem : null).toBe(problem);

      const condition = plans.openForApplicationCondition({ planId: '$1', kind: '$2', documents: '$3' });
      const [{ open: allowed }] = (await db.query(`SELECT ${condition.sql} AS open`, [planId(), kind, documents])) as {
        open: boolean;
      }[];
      expect(allowed).toBe(problem === null);
    });
  });
});
