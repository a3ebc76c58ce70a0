import { randomUUID } from 'node:crypto';
import type { TestingModule } from '@nestjs/testing';
import { Transactions } from '@tessera/core';
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
      taxRateBps: 0,
      billingAnchor: 'join-date',
      calendarAnchor: null,
      prorateFirstPeriod: false,
      renewalLeadDays: 30,
    });
    await expect(plans.create(yearly('defaults'))).rejects.toMatchObject({ status: 409 });
  });

  describe('billing terms', () => {
    const fieldsOf = (error: unknown) =>
      (error as { problem: { errors: { field: string }[] } }).problem.errors.map((item) => item.field);

    it('keeps a calendar plan’s anchor, and gives its terms to billingOf inside a transaction', async () => {
      const quarterly = await plans.create(
        yearly('quarterly', {
          period: { count: 3, unit: 'month' },
          taxRateBps: 2100,
          billingAnchor: 'calendar',
          calendarAnchor: { month: 1, day: 1 },
          prorateFirstPeriod: true,
          renewalLeadDays: 14,
        }),
      );
      expect(quarterly).toMatchObject({
        taxRateBps: 2100,
        billingAnchor: 'calendar',
        calendarAnchor: { month: 1, day: 1 },
        prorateFirstPeriod: true,
        renewalLeadDays: 14,
      });
      const joinDate = await plans.create(yearly('join-date-terms', { graceDays: 10, active: false }));

      const billing = await moduleRef
        .get(Transactions)
        .run(() => plans.billingOf([quarterly.id, joinDate.id, randomUUID()]));
      expect([...billing.keys()].sort()).toEqual([quarterly.id, joinDate.id].sort());
      expect(billing.get(quarterly.id)).toEqual({
        id: quarterly.id,
        name: 'Plan quarterly',
        price: { amount: 6000, currency: 'EUR' },
        periodCount: 3,
        periodUnit: 'month',
        graceDays: 0,
        lapseDays: 90,
        taxRateBps: 2100,
        billingAnchor: 'calendar',
        calendarAnchor: { month: 1, day: 1 },
        prorateFirstPeriod: true,
        renewalLeadDays: 14,
        active: true,
      });
      expect(billing.get(joinDate.id)).toMatchObject({
        billingAnchor: 'join-date',
        calendarAnchor: null,
        active: false,
      });
      expect(await plans.billingOf([])).toEqual(new Map());
    });

    it('refuses an inconsistent anchoring with field errors', async () => {
      const refused = (dto: Partial<CreatePlanDto>) =>
        plans.create(yearly(`refused-${randomUUID()}`, dto)).catch(fieldsOf);
      expect(await refused({ billingAnchor: 'calendar' })).toEqual(['calendarAnchor']);
      expect(await refused({ calendarAnchor: { month: 1, day: 1 }, prorateFirstPeriod: true })).toEqual([
        'calendarAnchor',
        'prorateFirstPeriod',
      ]);
      expect(
        await refused({
          billingAnchor: 'calendar',
          calendarAnchor: { month: 1, day: 1 },
          period: { count: 5, unit: 'month' },
        }),
      ).toEqual(['period']);
      expect(
        await refused({
          billingAnchor: 'calendar',
          calendarAnchor: { month: 1, day: 1 },
          period: { count: 2, unit: 'year' },
        }),
      ).toEqual(['period']);
    });

    it('updates the anchoring as the plan would be after the change; join-date clears the calendar fields', async () => {
      const plan = await plans.create(yearly('switching'));
      await expect(plans.update(plan.id, { billingAnchor: 'calendar' }).catch(fieldsOf)).resolves.toEqual([
        'calendarAnchor',
      ]);
      await expect(plans.update(plan.id, { prorateFirstPeriod: true }).catch(fieldsOf)).resolves.toEqual([
        'prorateFirstPeriod',
      ]);
      const calendar = await plans.update(plan.id, {
        billingAnchor: 'calendar',
        calendarAnchor: { month: 9, day: 1 },
        prorateFirstPeriod: true,
      });
      expect(calendar).toMatchObject({ calendarAnchor: { month: 9, day: 1 }, prorateFirstPeriod: true });
      // Fields of a calendar plan change alone; the period must keep dividing a year.
      expect(await plans.update(plan.id, { calendarAnchor: { month: 4, day: 28 } })).toMatchObject({
        billingAnchor: 'calendar',
        calendarAnchor: { month: 4, day: 28 },
        prorateFirstPeriod: true,
      });
      await expect(plans.update(plan.id, { period: { count: 7, unit: 'month' } }).catch(fieldsOf)).resolves.toEqual([
        'period',
      ]);
      await expect(plans.update(plan.id, { calendarAnchor: null }).catch(fieldsOf)).resolves.toEqual([
        'calendarAnchor',
      ]);
      expect(await plans.update(plan.id, { billingAnchor: 'join-date', taxRateBps: 600 })).toMatchObject({
        billingAnchor: 'join-date',
        calendarAnchor: null,
        prorateFirstPeriod: false,
        taxRateBps: 600,
      });
    });

    it('has a CHECK that keeps the calendar fields with calendar plans', async () => {
      const plan = await plans.create(yearly('checked'));
      await expect(
        db.query(`UPDATE plans SET anchor_month = 1, anchor_day = 1 WHERE id = $1`, [plan.id]),
      ).rejects.toThrow(/plans_calendar_anchor_check/);
      await expect(db.query(`UPDATE plans SET billing_anchor = 'calendar' WHERE id = $1`, [plan.id])).rejects.toThrow(
        /plans_calendar_anchor_check/,
      );
      await expect(db.query(`UPDATE plans SET tax_rate_bps = 10001 WHERE id = $1`, [plan.id])).rejects.toThrow(/check/);
    });
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
