import type { TestingModule } from '@nestjs/testing';
import { ProblemException } from '@tessera/core';
import { MembersModule, MembersService } from '@tessera/members';
import { PlansModule, PlansService } from '@tessera/plans';
import { createWorkerTestingModule } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { BankLineResolutionService } from '../bank-statements/bank-line-resolution.service';
import { BankStatementImportService } from '../bank-statements/bank-statement-import.service';
import { generateCamt053, type GeneratedPayment } from '../bank-statements/fixtures/generate-camt053';
import type { StatementUpload } from '../bank-statements/statement-upload';
import { BillingDocumentQueriesService } from '../billing-document-queries.service';
import { BillingDocumentsService } from '../billing-documents.service';
import { BillingModule } from '../billing.module';
import { PaymentsService } from '../payments/payments.service';
import { SettlementListeners, type SettledDocument } from '../settlement-listener';
import { paymentReferenceFor } from '../references/payment-reference';

/**
 * Importing statements against the real database: each transaction recorded once whatever is
 * uploaded again, references matched to open documents (exact, partial, over), suggestions only
 * suggested, the rest left for finance, whose decisions are recorded with who and when.
 */
describe('bank statement import and reconciliation against the real database', () => {
  let moduleRef: TestingModule;
  let db: DataSource;
  let imports: BankStatementImportService;
  let resolutions: BankLineResolutionService;
  let documents: BillingDocumentQueriesService;
  let payments: PaymentsService;
  let planId: string;
  let financeUserId: string;
  let counter = 0;
  let statementCounter = 0;
  /** What a domain above billing hears of, as the subscription domain would. */
  const settled: SettledDocument[] = [];

  beforeAll(async () => {
    moduleRef = await createWorkerTestingModule({ imports: [BillingModule, MembersModule, PlansModule], queues: [] });
    db = moduleRef.get(DataSource);
    imports = moduleRef.get(BankStatementImportService);
    resolutions = moduleRef.get(BankLineResolutionService);
    documents = moduleRef.get(BillingDocumentQueriesService);
    payments = moduleRef.get(PaymentsService);
    planId = (
      await moduleRef.get(PlansService).create({
        code: 'banked',
        name: 'Banked membership',
        applicantKinds: ['individual'],
        price: { amount: 10000, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
      } as never)
    ).id;
    moduleRef.get(SettlementListeners).register({
      subjectType: 'bank-test',
      onSettled: async (document) => {
        settled.push(document);
      },
    });
    [{ id: financeUserId }] = (await db.query(
      `INSERT INTO users (email, name, password_hash, roles, locale, password_changed_at)
       VALUES ('finance.bank@example.test', 'Fay Finance', 'x', ARRAY['finance'], 'en', now()) RETURNING id`,
    )) as { id: string }[];
  });
  afterAll(() => moduleRef.close());

  /** A member and an open invoice of `amount` (gross), its reference RF or, as Belgian organisations print it, OGM. */
  async function invoiced(amount = 10000, scheme: 'rf' | 'ogm' = 'rf', name?: { first: string; last: string }) {
    counter += 1;
    const person = name ?? { first: 'Banked', last: `Member ${counter}` };
    const { memberId } = await moduleRef.get(MembersService).createOrMatchFromApplication({
      kind: 'person',
      planId,
      locale: 'en',
      source: { type: 'staff', id: null, reference: null },
      person: { firstName: person.first, lastName: person.last, email: `banked-${counter}@example.test` },
    });
    const issued = await issueInvoice(memberId, amount);
    let reference = issued.paymentReference!;
    if (scheme === 'ogm') {
      reference = paymentReferenceFor('ogm', 7_000_000 + counter);
      await db.query(`UPDATE billing_documents SET payment_reference = $2 WHERE id = $1`, [issued.id, reference]);
    }
    return { memberId, invoiceId: issued.id, reference };
  }

  const issueInvoice = (memberId: string, amount: number) =>
    moduleRef.get(BillingDocumentsService).issue({
      kind: 'invoice',
      memberId,
      currency: 'EUR',
      lines: [{ description: 'Membership', quantity: 1, unitPrice: amount, taxRateBps: 0 }],
      subject: { type: 'bank-test', id: memberId },
    });
  const invoiceOf = async (memberId: string, amount: number) => (await issueInvoice(memberId, amount)).id;

  /** A CAMT.053 upload of these payments, as its own statement unless an id is given. */
  function camt(entries: GeneratedPayment[], statementId = `STMT-${++statementCounter}`): StatementUpload {
    // The bank's references (AcctSvcrRef) of generated entries are made of the booking date and the entry's number.
    const bookingDate = `2026-03-${String(10 + (statementCounter % 18)).padStart(2, '0')}`;
    const xml = generateCamt053(entries, { statementId, bookingDate });
    return { bytes: Buffer.from(xml), fileName: `${statementId}.xml`, format: 'camt053', mapping: null, account: null };
  }

  const linesOf = async (statementId: string) =>
    (await db.query(
      `SELECT id, position, state, payment_id AS "paymentId", suggested_document_id AS "suggestedDocumentId",
              resolved_by_user_id AS "resolvedByUserId", resolved_at AS "resolvedAt", resolution_note AS "resolutionNote"
         FROM bank_statement_lines WHERE statement_id = $1 ORDER BY position`,
      [statementId],
    )) as {
      id: string;
      position: number;
      state: string;
      paymentId: string | null;
      suggestedDocumentId: string | null;
      resolvedByUserId: string | null;
      resolvedAt: Date | null;
      resolutionNote: string | null;
    }[];
  const bankPaymentsOf = async (memberId: string) =>
    (await db.query(
      `SELECT id, amount, unallocated_amount AS "unallocated" FROM billing_payments WHERE member_id = $1 AND source = 'bank'`,
      [memberId],
    )) as { id: string; amount: number; unallocated: number }[];
  const refusal = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (error) {
      if (error instanceof ProblemException) return error.problem as { status: number; type?: string; detail: string };
      throw error;
    }
    throw new Error('expected a refusal');
  };

  it('matches an OGM in the free text, an RF with a partial amount and an overpayment; ignores debits', async () => {
    const ogm = await invoiced(10000, 'ogm');
    const partial = await invoiced(10000);
    const over = await invoiced(5000);
    const upload = camt([
      { reference: `cotisation ${ogm.reference.replace(/\+/g, '*')}`, amount: 10000, remittance: 'text' },
      { reference: partial.reference.replace(/ /g, ''), amount: 4000 },
      { reference: over.reference, amount: 8000 },
      { reference: 'Rent March', amount: 120000, direction: 'debit', payer: 'Landlord SA' },
    ]);
    const imported = await imports.import(upload, financeUserId);
    expect(imported).toMatchObject({ lines: 4, matched: 3, suggested: 0, toReview: 0, duplicates: 0, ignored: 1 });

    expect(await documents.get(ogm.invoiceId)).toMatchObject({ state: 'paid', amountDue: { amount: 0 } });
    expect(await documents.get(partial.invoiceId)).toMatchObject({
      state: 'partially-paid',
      amountDue: { amount: 6000 },
    });
    expect(await documents.get(over.invoiceId)).toMatchObject({ state: 'paid', amountDue: { amount: 0 } });
    expect(await payments.creditOf(over.memberId)).toEqual([{ currency: 'EUR', amount: 3000 }]);
    const lines = await linesOf(imported.id);
    expect(lines.map((l) => l.state)).toEqual(['matched', 'matched', 'matched', 'ignored']);
    const [recorded] = await bankPaymentsOf(ogm.memberId);
    expect(lines[0].paymentId).toBe(recorded.id);
    expect(lines[3].paymentId).toBeNull();
  });

  it('imports the same file once and the same transactions once: one set of payments', async () => {
    const { memberId, invoiceId, reference } = await invoiced();
    const upload = camt([{ reference, amount: 10000 }], `STMT-${++statementCounter}`);
    const first = await imports.import(upload, financeUserId);
    expect(first).toMatchObject({ matched: 1 });

    const again = await refusal(imports.import(upload, financeUserId));
    expect(again).toMatchObject({ status: 409, type: 'urn:tessera:problem:statement-already-imported' });
    expect(again.detail).toContain(first.id);
    expect((again as unknown as { statementId: string }).statementId).toBe(first.id);

    // The same transactions in another file (a re-export: same statement, another creation time).
    const reexport = { ...upload, bytes: Buffer.from(upload.bytes.toString().replace(/T06:00:00Z/g, 'T07:30:00Z')) };
    const second = await imports.import(reexport, financeUserId);
    expect(second).toMatchObject({ lines: 1, matched: 0, duplicates: 1 });
    const [duplicate] = await linesOf(second.id);
    const [original] = await linesOf(first.id);
    expect(duplicate).toMatchObject({ state: 'duplicate', paymentId: null });
    const [{ duplicateOf }] = await db.query(
      `SELECT duplicate_of_line_id AS "duplicateOf" FROM bank_statement_lines WHERE id = $1`,
      [duplicate.id],
    );
    expect(duplicateOf).toBe(original.id);
    expect(await bankPaymentsOf(memberId)).toHaveLength(1);
    expect(await documents.get(invoiceId)).toMatchObject({ state: 'paid' });
  });

  it('sends a line it cannot place to review, and records finance’s decision once, with who and when', async () => {
    const a = await invoiced(6000);
    const b = { invoiceId: await invoiceOf(a.memberId, 4000) };
    const other = await invoiced(1000);
    const imported = await imports.import(
      camt([
        { reference: 'membership fee, thanks', amount: 12000, remittance: 'text', payer: 'Someone Else' },
        { reference: 'who knows', amount: 500, remittance: 'text' },
      ]),
      financeUserId,
    );
    expect(imported).toMatchObject({ matched: 0, toReview: 2 });
    const [line, notOurs] = await linesOf(imported.id);

    const mixed = resolutions.resolve(
      line.id,
      {
        kind: 'allocate',
        allocations: [
          { documentId: a.invoiceId, amount: 6000 },
          { documentId: other.invoiceId, amount: 1000 },
        ],
      },
      financeUserId,
    );
    expect(await refusal(mixed)).toMatchObject({ status: 400 });
    const tooMuch = resolutions.resolve(
      line.id,
      { kind: 'allocate', allocations: [{ documentId: a.invoiceId, amount: 13000 }] },
      financeUserId,
    );
    expect(await refusal(tooMuch)).toMatchObject({ status: 400 });
    expect((await linesOf(imported.id))[0].state).toBe('to-review');

    // Split over two documents of one member; what is left (20.00) is their credit.
    await resolutions.resolve(
      line.id,
      {
        kind: 'allocate',
        allocations: [
          { documentId: a.invoiceId, amount: 6000 },
          { documentId: b.invoiceId, amount: 4000 },
        ],
        note: 'Paid both invoices at once',
      },
      financeUserId,
    );
    expect(await documents.get(a.invoiceId)).toMatchObject({ state: 'paid' });
    expect(await documents.get(b.invoiceId)).toMatchObject({ state: 'paid' });
    expect(await payments.creditOf(a.memberId)).toEqual([{ currency: 'EUR', amount: 2000 }]);
    const [resolved] = await linesOf(imported.id);
    expect(resolved).toMatchObject({
      state: 'resolved',
      resolvedByUserId: financeUserId,
      resolutionNote: 'Paid both invoices at once',
    });
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    expect(resolved.paymentId).not.toBeNull();

    const twice = resolutions.resolve(line.id, { kind: 'ignore', reason: 'changed my mind' }, financeUserId);
    expect(await refusal(twice)).toMatchObject({ status: 409, type: 'urn:tessera:problem:bank-line-already-decided' });

    await resolutions.resolve(notOurs.id, { kind: 'ignore', reason: 'A refund from our supplier' }, financeUserId);
    expect((await linesOf(imported.id))[1]).toMatchObject({
      state: 'ignored',
      paymentId: null,
      resolvedByUserId: financeUserId,
      resolutionNote: 'A refund from our supplier',
    });
  });

  it('suggests a unique open document of the amount billed to the payer’s name, and applies it only when accepted', async () => {
    const ada = await invoiced(7300, 'rf', { first: 'Ada', last: 'Lovelace' });
    await invoiced(7300, 'rf', { first: 'Charles', last: 'Babbage' });
    const imported = await imports.import(
      camt([
        { reference: 'cotisation 2026', amount: 7300, remittance: 'text', payer: 'LOVELACE ADA' },
        { reference: 'cotisation 2026', amount: 7300, remittance: 'text', payer: 'Grace Hopper' },
      ]),
      financeUserId,
    );
    expect(imported).toMatchObject({ matched: 0, suggested: 1, toReview: 1 });
    const [suggested, unknown] = await linesOf(imported.id);
    expect(suggested).toMatchObject({ state: 'suggested', suggestedDocumentId: ada.invoiceId, paymentId: null });
    expect(await documents.get(ada.invoiceId)).toMatchObject({ state: 'open' });
    expect(await refusal(resolutions.resolve(unknown.id, { kind: 'accept-suggestion' }, financeUserId))).toMatchObject({
      status: 409,
    });

    await resolutions.resolve(suggested.id, { kind: 'accept-suggestion' }, financeUserId);
    expect(await documents.get(ada.invoiceId)).toMatchObject({ state: 'paid' });
    expect((await linesOf(imported.id))[0]).toMatchObject({ state: 'resolved', resolvedByUserId: financeUserId });
  });

  it('a bank line and another payment of the same invoice at once: one settles it, the other is credit', async () => {
    const { memberId, invoiceId, reference } = await invoiced(10000);
    const [imported] = await Promise.all([
      imports.import(camt([{ reference, amount: 10000 }]), financeUserId),
      payments.record({
        memberId,
        amount: 10000,
        currency: 'EUR',
        method: 'stripe',
        source: 'stripe',
        paidOn: '2026-03-02',
        sourceKey: `cs_test_${memberId}`,
        allocations: [{ documentId: invoiceId, amount: 10000 }],
      }),
    ]);
    expect(imported).toMatchObject({ matched: 1 });
    expect(await documents.get(invoiceId)).toMatchObject({ state: 'paid', amountDue: { amount: 0 } });
    const [{ allocated }] = await db.query(
      `SELECT sum(amount)::int AS allocated FROM billing_allocations WHERE document_id = $1 AND reversed_at IS NULL`,
      [invoiceId],
    );
    expect(allocated).toBe(10000);
    expect(await payments.creditOf(memberId)).toEqual([{ currency: 'EUR', amount: 10000 }]);
    // Two payments, whichever came first: one settled the invoice whole, the other is all credit.
    const both = (await db.query(
      `SELECT source, unallocated_amount AS unallocated FROM billing_payments WHERE member_id = $1 ORDER BY source`,
      [memberId],
    )) as { source: string; unallocated: number }[];
    expect(both.map((payment) => payment.source)).toEqual(['bank', 'stripe']);
    expect(both.map((payment) => payment.unallocated).sort((a, b) => a - b)).toEqual([0, 10000]);
  });

  it('confirms a pro-forma it pays, tells the listener of each settled invoice, and numbers receipts without gaps', async () => {
    const { memberId } = await invoiced(2000);
    const proForma = await moduleRef.get(BillingDocumentsService).issue({
      kind: 'pro-forma',
      memberId,
      currency: 'EUR',
      lines: [{ description: 'Next year', quantity: 1, unitPrice: 5000, taxRateBps: 0 }],
      subject: { type: 'bank-test', id: memberId },
    });
    const paid = await invoiced(3000);
    const twice = await invoiced(3000);
    settled.length = 0;
    const imported = await imports.import(
      camt([
        { reference: proForma.paymentReference!, amount: 5000 },
        { reference: paid.reference, amount: 3000 },
        { reference: twice.reference, amount: 2000 },
        { reference: twice.reference, amount: 2000 },
      ]),
      financeUserId,
    );
    expect(imported).toMatchObject({ matched: 4 });
    const detail = await documents.get(proForma.id);
    expect(detail.state).toBe('confirmed');
    const invoiceId = detail.related.find((related) => related.relation === 'confirmed-as')!.id;
    expect(await documents.get(invoiceId)).toMatchObject({ kind: 'invoice', state: 'paid' });
    // Two lines on one invoice: 30.00 of 40.00 settles it, 10.00 is credit.
    expect(await documents.get(twice.invoiceId)).toMatchObject({ state: 'paid' });
    expect(await payments.creditOf(twice.memberId)).toEqual([{ currency: 'EUR', amount: 1000 }]);
    expect(settled.map((document) => document.documentId).sort()).toEqual(
      [invoiceId, paid.invoiceId, twice.invoiceId].sort(),
    );
    expect(settled.find((document) => document.documentId === paid.invoiceId)).toMatchObject({
      kind: 'invoice',
      memberId: paid.memberId,
      subjectType: 'bank-test',
    });
    const receipts = (await db.query(`SELECT receipt_number AS n FROM billing_payments ORDER BY receipt_number`)) as {
      n: string;
    }[];
    const numbers = receipts.map((receipt) => Number(receipt.n.slice(-6)));
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });

  it('announces the receipt of every bank payment, as a payment recorded by hand is', async () => {
    const [{ payments, announced }] = await db.query(
      `SELECT (SELECT count(*)::int FROM billing_payments WHERE source = 'bank') AS payments,
              (SELECT count(*)::int FROM outbox_messages o JOIN billing_payments p ON p.id = (o.payload->>'paymentId')::uuid
                WHERE o.job_name = 'announce-receipt' AND p.source = 'bank') AS announced`,
    );
    expect(payments).toBeGreaterThan(0);
    expect(announced).toBe(payments);
  });

  it('refuses a file that is not a statement with the parser’s reason', async () => {
    const upload: StatementUpload = {
      bytes: Buffer.from('<?xml version="1.0"?><Document><BkToCstmrDbtCdtNtfctn/></Document>'),
      fileName: 'notification.xml',
      format: 'camt053',
      mapping: null,
      account: null,
    };
    expect(await refusal(imports.import(upload, financeUserId))).toMatchObject({
      status: 400,
      type: 'urn:tessera:problem:invalid-bank-statement',
      detail: 'This file is a CAMT.054 debit/credit notification, not a CAMT.053 bank statement.',
    });
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM bank_statements WHERE file_name = 'notification.xml'`,
    );
    expect(n).toBe(0);
  });
});
