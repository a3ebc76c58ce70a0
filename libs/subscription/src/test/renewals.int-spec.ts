import type { TestingModule } from '@nestjs/testing';
import { BillingDocumentsService } from '@tessera/billing';
import { MembersModule, MembersService } from '@tessera/members';
import { PlansModule, PlansService, type PlanDto } from '@tessera/plans';
import { createWorkerTestingModule } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { AdvanceProFormasService } from '../renewals/advance-pro-formas.service';
import { RenewalRunsService } from '../renewals/renewal-runs.service';
import { SubscriptionModule } from '../subscription.module';
import { SubscriptionService } from '../subscription.service';

describe('renewal runs against the real database', () => {
  let moduleRef: TestingModule;
  let db: DataSource;
  let runs: RenewalRunsService;
  let subscriptions: SubscriptionService;
  let billing: BillingDocumentsService;
  let plans: PlansService;
  let yearly: PlanDto;
  let counter = 0;

  beforeAll(async () => {
    moduleRef = await createWorkerTestingModule({
      imports: [SubscriptionModule, PlansModule, MembersModule],
      queues: [],
    });
    db = moduleRef.get(DataSource);
    runs = moduleRef.get(RenewalRunsService);
    subscriptions = moduleRef.get(SubscriptionService);
    billing = moduleRef.get(BillingDocumentsService);
    plans = moduleRef.get(PlansService);
    yearly = await plans.create({
      code: 'renewing',
      name: 'Renewing membership',
      applicantKinds: ['individual'],
      price: { amount: 5000, currency: 'EUR' },
      period: { count: 1, unit: 'year' },
      taxRateBps: 600,
      renewalLeadDays: 30,
    } as never);
  });
  afterAll(() => moduleRef.close());

  /** A member subscribed from `startDate` on the yearly plan, their first invoice paid: the subscription id. */
  async function activeSubscription(startDate: string): Promise<string> {
    counter += 1;
    const { memberId } = await moduleRef.get(MembersService).createOrMatchFromApplication({
      kind: 'person',
      planId: yearly.id,
      locale: counter % 2 ? 'en' : 'fr',
      source: { type: 'staff', id: null, reference: null },
      person: { firstName: 'Renewing', lastName: `Member ${counter}`, email: `renewing-${counter}@example.test` },
    });
    const outcome = await subscriptions.subscribe({
      memberId,
      planId: yearly.id,
      startDate,
      origin: { type: 'staff', id: null, reference: null },
    });
    if (!outcome.created) throw new Error('expected a subscription');
    await billing.allocate(outcome.invoice.id, outcome.invoice.grossAmount, null);
    return outcome.subscriptionId;
  }

  const runAsOf = async (asOf: string) => runs.execute((await runs.start(asOf, 'staff', null)) as string);
  const proFormasOf = async (subscriptionId: string) =>
    (await db.query(
      `SELECT number, state, to_char(period_start, 'YYYY-MM-DD') AS start, to_char(period_end, 'YYYY-MM-DD') AS end,
              gross_amount AS gross
         FROM billing_documents WHERE kind = 'pro-forma' AND subject_id = $1 ORDER BY period_start`,
      [subscriptionId],
    )) as { number: string; state: string; start: string; end: string; gross: number }[];

  it('issues one pro-forma for the next period of each due subscription, and nothing on a re-run', async () => {
    const due = await Promise.all(['2026-01-10', '2026-01-15', '2026-01-20'].map(activeSubscription));
    const notYet = await activeSubscription('2026-06-15');
    const run = await runAsOf('2026-12-21');
    expect(run).toMatchObject({ state: 'done', issued: 3, examined: 3 });
    expect(run.totals).toEqual([{ currency: 'EUR', gross: 3 * 5300, count: 3 }]);
    expect(await proFormasOf(due[0])).toEqual([
      expect.objectContaining({ state: 'open', start: '2027-01-10', end: '2028-01-09', gross: 5300 }),
    ]);
    expect(await proFormasOf(notYet)).toEqual([]);
    // Each pro-forma is announced (PDF and e-mail) through the outbox, written with it.
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM outbox_messages o JOIN billing_documents d ON d.id = (o.payload->>'documentId')::uuid
        WHERE o.queue = 'billing' AND d.kind = 'pro-forma'`,
    );
    expect(n).toBe(3);
    expect(await runAsOf('2026-12-21')).toMatchObject({ state: 'done', issued: 0, examined: 0 });
  });

  it('gives one pro-forma each when two runs go at once, numbered without gaps', async () => {
    const ids = await Promise.all(
      Array.from({ length: 12 }, (_, i) => activeSubscription(`2026-02-${String(i + 1).padStart(2, '0')}`)),
    );
    const [a, b] = await Promise.all([runAsOf('2027-01-31'), runAsOf('2027-01-31')]);
    expect(a.issued + b.issued).toBe(12);
    for (const id of ids) expect(await proFormasOf(id)).toHaveLength(1);
    const [{ max, count }] = await db.query(
      `SELECT max(right(number, 6)::int) AS max, count(*)::int AS count FROM billing_documents WHERE kind = 'pro-forma'`,
    );
    expect(max).toBe(count);
  });

  it('keeps issued pro-formas as they were when the plan’s price changes', async () => {
    const id = await activeSubscription('2026-04-01');
    await runAsOf('2027-03-15');
    await plans.update(yearly.id, { price: { amount: 9000, currency: 'EUR' } });
    try {
      await runAsOf('2027-03-20');
      expect(await proFormasOf(id)).toEqual([expect.objectContaining({ gross: 5300 })]);
    } finally {
      await plans.update(yearly.id, { price: { amount: 5000, currency: 'EUR' } });
    }
  });

  it('skips ended, cancelled and declined subscriptions; undoing a decline renews again', async () => {
    const ended = await activeSubscription('2026-05-01');
    await subscriptions.end(ended, 'Left', '2026-12-31', null);
    const declined = await activeSubscription('2026-05-02');
    const [advance] = await Promise.all([moduleRef.get(AdvanceProFormasService).issue(declined, 1)]);
    expect(advance.issued).toBe(1);
    const [{ id: proFormaId }] = await db.query(
      `SELECT id FROM billing_documents WHERE kind = 'pro-forma' AND subject_id = $1`,
      [declined],
    );
    await billing.declineProForma(proFormaId, 'Moving abroad');
    const [row] = await db.query(
      `SELECT state, to_char(ends_on, 'YYYY-MM-DD') AS ends_on FROM subscriptions WHERE id = $1`,
      [declined],
    );
    expect(row).toEqual({ state: 'active', ends_on: '2027-05-01' });
    const run = await runAsOf('2027-04-20');
    expect(await proFormasOf(ended)).toEqual([]);
    expect((await proFormasOf(declined)).map((p) => p.state)).toEqual(['declined']);
    expect(run.issued).toBe(0);
    await billing.reopenProForma(proFormaId);
    const [reopened] = await db.query(`SELECT ends_on FROM subscriptions WHERE id = $1`, [declined]);
    expect(reopened.ends_on).toBeNull();
    // The member is told of both (there are no officers in this database).
    const emails = await db.query(
      `SELECT data->>'reopened' AS reopened, data->>'endsOn' AS ends_on FROM email_messages
        WHERE template = 'renewal-declined' ORDER BY created_at`,
    );
    expect(emails).toEqual([
      { reopened: 'false', ends_on: expect.stringMatching(/1 May 2027|1 mai 2027/) },
      { reopened: 'true', ends_on: expect.any(String) },
    ]);
  });

  it('issues pro-formas for several periods ahead that follow one another; the paid one moves the subscription', async () => {
    const id = await activeSubscription('2026-06-30');
    const advance = moduleRef.get(AdvanceProFormasService);
    const first = await advance.issue(id, 3);
    expect(first.issued).toBe(3);
    expect(first.periods).toEqual([
      { start: '2027-06-30', end: '2028-06-29' },
      { start: '2028-06-30', end: '2029-06-29' },
      { start: '2029-06-30', end: '2030-06-29' },
    ]);
    expect((await advance.issue(id, 5)).issued).toBe(2); // the first three stay as they are
    const [{ id: nextId }] = await db.query(
      `SELECT id FROM billing_documents WHERE kind = 'pro-forma' AND subject_id = $1 ORDER BY period_start LIMIT 1`,
      [id],
    );
    const invoice = await billing.confirmProForma(nextId, { userId: null });
    await billing.allocate(invoice.id, invoice.grossAmount, null);
    const [moved] = await db.query(
      `SELECT to_char(current_period_start, 'YYYY-MM-DD') AS start, to_char(current_period_end, 'YYYY-MM-DD') AS end
         FROM subscriptions WHERE id = $1`,
      [id],
    );
    expect(moved).toEqual({ start: '2027-06-30', end: '2028-06-29' });
  });

  it('previews what a run would issue, by plan', async () => {
    await activeSubscription('2026-08-01');
    const preview = await runs.preview('2027-07-15');
    expect(preview.byPlan).toEqual([
      expect.objectContaining({ planId: yearly.id, planName: 'Renewing membership', currency: 'EUR' }),
    ]);
    expect(preview.due).toBe(preview.byPlan[0].count);
    expect(preview.totals).toEqual([{ currency: 'EUR', gross: preview.due * 5300, count: preview.due }]);
  });
});
