import type { TestingModule } from '@nestjs/testing';
import {
  BillingDocumentQueriesService,
  BillingDocumentsService,
  PaymentsService,
  type PaymentToRecord,
} from '@tessera/billing';
import { MembersModule } from '@tessera/members';
import { PlansModule, PlansService, type PlanDto } from '@tessera/plans';
import { createWorkerTestingModule } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { AdvanceProFormasService } from '../renewals/advance-pro-formas.service';
import { SubscriptionModule } from '../subscription.module';
import { invoicedMember } from './invoiced-member';

describe('payments against the real database', () => {
  let moduleRef: TestingModule;
  let db: DataSource;
  let payments: PaymentsService;
  let billing: BillingDocumentsService;
  let documents: BillingDocumentQueriesService;
  let plan: PlanDto;
  let counter = 0;

  beforeAll(async () => {
    moduleRef = await createWorkerTestingModule({
      imports: [SubscriptionModule, PlansModule, MembersModule],
      queues: [],
    });
    db = moduleRef.get(DataSource);
    payments = moduleRef.get(PaymentsService);
    billing = moduleRef.get(BillingDocumentsService);
    documents = moduleRef.get(BillingDocumentQueriesService);
    plan = await moduleRef.get(PlansService).create({
      code: 'paying',
      name: 'Paying membership',
      applicantKinds: ['individual'],
      price: { amount: 10000, currency: 'EUR' },
      period: { count: 1, unit: 'year' },
    } as never);
  });
  afterAll(() => moduleRef.close());

  /** A member with a pending subscription and its open first invoice of 100.00. */
  function invoiced(): Promise<{ memberId: string; invoiceId: string; subscriptionId: string }> {
    counter += 1;
    return invoicedMember(moduleRef, plan.id, {
      firstName: 'Paying',
      lastName: `Member ${counter}`,
      email: `paying-${counter}@example.test`,
    });
  }
  const pay = (
    memberId: string,
    amount: number,
    allocations: PaymentToRecord['allocations'],
    extra: Partial<PaymentToRecord> = {},
  ) =>
    payments.record({
      memberId,
      amount,
      currency: 'EUR',
      method: 'bank-transfer',
      source: 'staff',
      paidOn: '2026-12-01',
      allocations,
      ...extra,
    });
  const subscriptionState = async (id: string) =>
    (await db.query(`SELECT state FROM subscriptions WHERE id = $1`, [id]))[0].state as string;

  it('leaves a partly paid invoice partially-paid, settles it with the rest, and numbers receipts', async () => {
    const { memberId, invoiceId, subscriptionId } = await invoiced();
    const first = await pay(memberId, 4000, [{ documentId: invoiceId, amount: 4000 }]);
    expect(first.payment.receiptNumber).toMatch(/^REC-\d{4}-\d{6}$/);
    expect(await documents.get(invoiceId)).toMatchObject({ state: 'partially-paid', amountDue: { amount: 6000 } });
    expect(await subscriptionState(subscriptionId)).toBe('pending');
    const second = await pay(memberId, 6000, [{ documentId: invoiceId, amount: 6000 }]);
    expect(Number(second.payment.receiptNumber.slice(-6))).toBe(Number(first.payment.receiptNumber.slice(-6)) + 1);
    expect(await documents.get(invoiceId)).toMatchObject({ state: 'paid', amountDue: { amount: 0 } });
    expect(await subscriptionState(subscriptionId)).toBe('active');
  });

  it('never covers more than is owed under 20 parallel payments: the rest is credit, used on the next invoice', async () => {
    const { memberId, invoiceId } = await invoiced();
    await Promise.all(Array.from({ length: 20 }, () => pay(memberId, 1000, [{ documentId: invoiceId, amount: 1000 }])));
    // 20 × 10.00 paid on 100.00: the invoice is paid, 100.00 is credit.
    expect(await documents.get(invoiceId)).toMatchObject({ state: 'paid', amountDue: { amount: 0 } });
    const [{ allocated }] = await db.query(
      `SELECT sum(amount)::int AS allocated FROM billing_allocations WHERE document_id = $1 AND reversed_at IS NULL`,
      [invoiceId],
    );
    expect(allocated).toBe(10000);
    expect(await payments.creditOf(memberId)).toEqual([{ currency: 'EUR', amount: 10000 }]);
    // All 20 recorded, each with its own receipt number, and ten of them cover the invoice whole.
    const recorded = (await db.query(
      `SELECT p.receipt_number AS "receiptNumber", p.unallocated_amount AS unallocated,
              coalesce((SELECT sum(a.amount)::int FROM billing_allocations a WHERE a.payment_id = p.id), 0) AS allocated
         FROM billing_payments p WHERE p.member_id = $1`,
      [memberId],
    )) as { receiptNumber: string; unallocated: number; allocated: number }[];
    expect(recorded).toHaveLength(20);
    expect(new Set(recorded.map((payment) => payment.receiptNumber)).size).toBe(20);
    expect(recorded.filter((payment) => payment.allocated === 1000 && payment.unallocated === 0)).toHaveLength(10);
    expect(recorded.filter((payment) => payment.allocated === 0 && payment.unallocated === 1000)).toHaveLength(10);
    const [subscription] = await db.query(`SELECT id FROM subscriptions WHERE member_id = $1`, [memberId]);
    await moduleRef.get(AdvanceProFormasService).issue(subscription.id, 1);
    const [{ id: proFormaId }] = await db.query(
      `SELECT id FROM billing_documents WHERE kind = 'pro-forma' AND member_id = $1`,
      [memberId],
    );
    const invoice = await billing.confirmProForma(proFormaId, { userId: null });
    expect(invoice).toMatchObject({ state: 'paid', allocatedAmount: 10000 });
    expect(await payments.creditOf(memberId)).toEqual([]);
  });

  it('confirms a paid pro-forma into its invoice first, in the same transaction', async () => {
    const { memberId, invoiceId, subscriptionId } = await invoiced();
    await pay(memberId, 10000, [{ documentId: invoiceId, amount: 10000 }]);
    await moduleRef.get(AdvanceProFormasService).issue(subscriptionId, 1);
    const [proForma] = await db.query(
      `SELECT id, number FROM billing_documents WHERE kind = 'pro-forma' AND member_id = $1`,
      [memberId],
    );
    await pay(memberId, 10000, [{ documentId: proForma.id, amount: 10000 }]);
    const detail = await documents.get(proForma.id);
    expect(detail.state).toBe('confirmed');
    const invoiceRef = detail.related.find((related) => related.relation === 'confirmed-as');
    expect(await documents.get(invoiceRef!.id)).toMatchObject({ kind: 'invoice', state: 'paid' });
  });

  it('records a payment from outside once, however often it is delivered', async () => {
    const { memberId, invoiceId } = await invoiced();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        pay(memberId, 10000, [{ documentId: invoiceId, amount: 10000 }], {
          source: 'stripe',
          method: 'stripe',
          sourceKey: 'cs_test_once',
        }),
      ),
    );
    expect(results.filter((result) => !result.replay)).toHaveLength(1);
    expect(new Set(results.map((result) => result.payment.id)).size).toBe(1);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM billing_payments WHERE source_key = 'cs_test_once'`);
    expect(n).toBe(1);
  });

  it('reverses a payment: the invoice is due again; a second reversal is refused', async () => {
    const { memberId, invoiceId } = await invoiced();
    const { payment } = await pay(memberId, 10000, [{ documentId: invoiceId, amount: 10000 }]);
    await payments.reverse(payment.id, 'Cheque bounced', null);
    expect(await documents.get(invoiceId)).toMatchObject({
      state: 'open',
      amountDue: { amount: 10000 },
      settledAt: null,
    });
    await expect(payments.reverse(payment.id, 'Again', null)).rejects.toMatchObject({ status: 409 });
  });

  it('refuses allocations beyond the payment, or to another member’s document, and stores nothing', async () => {
    const { memberId, invoiceId } = await invoiced();
    const other = await invoiced();
    await expect(pay(memberId, 1000, [{ documentId: invoiceId, amount: 2000 }])).rejects.toMatchObject({ status: 400 });
    await expect(pay(memberId, 1000, [{ documentId: other.invoiceId, amount: 1000 }])).rejects.toMatchObject({
      status: 400,
    });
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM billing_payments WHERE member_id = $1`, [memberId]);
    expect(n).toBe(0);
  });
});
