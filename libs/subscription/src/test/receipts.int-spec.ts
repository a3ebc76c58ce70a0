import { createHash } from 'node:crypto';
import type { TestingModule } from '@nestjs/testing';
import {
  ANNOUNCE_RECEIPT_JOB,
  BillingWorkerModule,
  PaymentsService,
  ReceiptAnnouncementService,
  type PaymentToRecord,
} from '@tessera/billing';
import { FileStorage } from '@tessera/core';
import { MembersModule } from '@tessera/members';
import { PlansModule, PlansService, type PlanDto } from '@tessera/plans';
import { createWorkerTestingModule } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { SubscriptionModule } from '../subscription.module';
import { invoicedMember } from './invoiced-member';

describe('receipts against the real database', () => {
  let moduleRef: TestingModule;
  let db: DataSource;
  let payments: PaymentsService;
  let receipts: ReceiptAnnouncementService;
  let plan: PlanDto;
  let counter = 0;

  beforeAll(async () => {
    // No queue is relayed: the test runs the announcement itself, as the worker would.
    moduleRef = await createWorkerTestingModule({
      imports: [SubscriptionModule, PlansModule, MembersModule, BillingWorkerModule],
      queues: [],
    });
    db = moduleRef.get(DataSource);
    payments = moduleRef.get(PaymentsService);
    receipts = moduleRef.get(ReceiptAnnouncementService);
    plan = await moduleRef.get(PlansService).create({
      code: 'receipted',
      name: 'Receipted membership',
      applicantKinds: ['individual'],
      price: { amount: 10000, currency: 'EUR' },
      period: { count: 1, unit: 'year' },
    } as never);
  });
  afterAll(() => moduleRef.close());

  /** A member with an open first invoice of 100.00. */
  async function invoiced(locale: 'en' | 'fr' = 'en'): Promise<{ memberId: string; invoiceId: string; email: string }> {
    counter += 1;
    const email = `receipted-${counter}@example.test`;
    const { memberId, invoiceId } = await invoicedMember(
      moduleRef,
      plan.id,
      { firstName: 'Receipted', lastName: `Member ${counter}`, email },
      locale,
    );
    return { memberId, invoiceId, email };
  }
  const pay = (memberId: string, amount: number, invoiceId: string, extra: Partial<PaymentToRecord> = {}) =>
    payments.record({
      memberId,
      amount,
      currency: 'EUR',
      method: 'bank-transfer',
      source: 'staff',
      paidOn: '2026-12-01',
      externalReference: 'Bank ref 42',
      allocations: [{ documentId: invoiceId, amount: Math.min(amount, 10000) }],
      ...extra,
    });
  const receiptEmails = (email: string) =>
    db.query(
      `SELECT locale, data, attachments FROM email_messages WHERE template = 'payment-receipt' AND recipient = $1`,
      [email],
    ) as Promise<{ locale: string; data: Record<string, unknown>; attachments: Record<string, string>[] }[]>;
  const announcements = (paymentId: string) =>
    db.query(`SELECT id FROM outbox_messages WHERE job_name = $1 AND payload->>'paymentId' = $2`, [
      ANNOUNCE_RECEIPT_JOB,
      paymentId,
    ]) as Promise<unknown[]>;
  const storedPdf = async (paymentId: string) =>
    (
      await db.query(
        `SELECT receipt_pdf_key AS key, receipt_pdf_sha256 AS sha256, receipt_announced_at AS "announcedAt"
           FROM billing_payments WHERE id = $1`,
        [paymentId],
      )
    )[0] as { key: string | null; sha256: string | null; announcedAt: Date | null };

  it('writes the announcement with the payment, then e-mails the receipt once with its PDF attached', async () => {
    const { memberId, invoiceId, email } = await invoiced();
    const { payment } = await pay(memberId, 15000, invoiceId);
    expect(await announcements(payment.id)).toHaveLength(1);

    expect(await receipts.announce(payment.id)).toBe('announced');
    expect(await receipts.announce(payment.id)).toBe('already-announced');

    const emails = await receiptEmails(email);
    expect(emails).toHaveLength(1);
    const [invoice] = await db.query(`SELECT number FROM billing_documents WHERE id = $1`, [invoiceId]);
    expect(emails[0].locale).toBe('en');
    expect(emails[0].data).toMatchObject({
      name: `Receipted Member ${counter}`,
      number: payment.receiptNumber,
      amount: '€150.00',
      receivedOn: '1 December 2026',
      method: 'Bank transfer',
      documents: [{ number: invoice.number, amount: '€100.00' }],
      credit: '€50.00',
    });
    expect(emails[0].data.url).toMatch(/\/portal\/payments$/);

    const stored = await storedPdf(payment.id);
    expect(stored.announcedAt).toBeInstanceOf(Date);
    expect(emails[0].attachments).toEqual([
      { filename: `${payment.receiptNumber}.pdf`, storageKey: stored.key, contentType: 'application/pdf' },
    ]);
    const bytes = await moduleRef.get(FileStorage).readBytes(stored.key!);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(stored.sha256);
  });

  it('e-mails once, in French, when the job runs several times at once', async () => {
    const { memberId, invoiceId, email } = await invoiced('fr');
    const { payment } = await pay(memberId, 10000, invoiceId);
    const outcomes = await Promise.all(Array.from({ length: 4 }, () => receipts.announce(payment.id)));
    expect(outcomes.filter((outcome) => outcome === 'announced')).toHaveLength(1);
    const emails = await receiptEmails(email);
    expect(emails).toHaveLength(1);
    expect(emails[0].locale).toBe('fr');
    expect(emails[0].data).toMatchObject({ method: 'Virement bancaire', credit: null });
    expect(String(emails[0].data.amount).replace(/\s/g, ' ')).toBe('100,00 €');
    // The French receipt, in French: pdfkit writes the language into the catalogue.
    const stored = await storedPdf(payment.id);
    expect((await moduleRef.get(FileStorage).readBytes(stored.key!)).toString('latin1')).toContain('/Lang (fr)');
  });

  it('writes no second announcement when a payment from outside is delivered again', async () => {
    const { memberId, invoiceId } = await invoiced();
    const extra = { source: 'stripe', method: 'stripe', sourceKey: `cs_receipt_${counter}` } as const;
    const first = await pay(memberId, 10000, invoiceId, extra);
    const again = await pay(memberId, 10000, invoiceId, extra);
    expect(again).toMatchObject({ replay: true, payment: { id: first.payment.id } });
    expect(await announcements(first.payment.id)).toHaveLength(1);
  });

  it('prints but does not e-mail the receipt of a payment reversed before its e-mail went', async () => {
    const { memberId, invoiceId, email } = await invoiced();
    const { payment } = await pay(memberId, 10000, invoiceId);
    await payments.reverse(payment.id, 'Recorded on the wrong member.', null);
    expect(await receipts.announce(payment.id)).toBe('nothing-to-announce');
    expect(await receiptEmails(email)).toHaveLength(0);
    expect((await storedPdf(payment.id)).sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers not-found for a payment that does not exist', async () => {
    expect(await receipts.announce('00000000-0000-4000-8000-000000000000')).toBe('not-found');
  });
});
