import { type Schemas, type TesseraClient } from '@tessera/api-client';
import { generateCamt053, type GeneratedPayment } from '@tessera/billing';
import { MembersService } from '@tessera/members';
import { pdfFile } from '../support/fixtures';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

type Statement = Schemas['BankStatementDto'];
type Line = Schemas['BankStatementLineDto'];

/**
 * Finance imports a bank statement over HTTP: a CAMT.053 with an OGM payment, a partial RF
 * payment and a transfer nobody can place gives two payments and one line in the review queue,
 * which finance resolves; the same file again adds nothing; a file that is not a statement is
 * refused with the reason.
 */
describe('bank statements (API over HTTP)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let finance: StaffSession;
  let planId: string;
  /** Ann's invoice carries an OGM reference, Bob's an RF one. */
  const ann = {} as { memberId: string; invoice: Schemas['BillingDocumentDto'] };
  const bob = {} as { memberId: string; invoice: Schemas['BillingDocumentDto'] };
  let camt: Buffer;
  let imported: Statement;

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    finance = await activatedStaff(stack, admin, 'Fay Finance', ['finance']);
    const plan = await admin.POST('/api/v1/plans', {
      body: {
        code: 'banked',
        name: 'Banked membership',
        applicantKinds: ['individual'],
        price: { amount: 6000, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
        taxRateBps: 2100,
      },
    });
    planId = plan.data!.id;
    await useReferences('ogm');
    Object.assign(ann, await subscribedMember('Ann'));
    await useReferences('rf');
    Object.assign(bob, await subscribedMember('Bob'));
  });
  afterAll(() => stack.stop());

  async function useReferences(referenceScheme: 'rf' | 'ogm') {
    const saved = await admin.PUT('/api/v1/settings/organisation', {
      body: {
        name: 'Cercle Photo de Bruxelles',
        contactEmail: 'membres@cercle.example',
        address: { line1: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
        iban: 'BE71096123456769',
        timeZone: 'Europe/Brussels',
        referenceScheme,
        currency: 'EUR',
      },
    });
    expect(saved.response.status).toBe(200);
  }

  /** A member subscribed by staff, with their first invoice (72.60) open. */
  async function subscribedMember(firstName: string) {
    const { memberId } = await stack.api.get(MembersService).createOrMatchFromApplication({
      kind: 'person',
      person: { firstName, lastName: 'Payer', email: uniqueEmail(firstName.toLowerCase()) },
      planId,
      locale: 'en',
      source: { type: 'staff', id: null, reference: null },
    });
    const subscribed = await admin.POST('/api/v1/members/{id}/subscriptions', {
      params: { path: { id: memberId } },
      body: { planId },
    });
    expect(subscribed.response.status).toBe(201);
    const invoices = await admin.GET('/api/v1/invoices', { params: { query: { memberId } } });
    const [invoice] = invoices.data!.items;
    expect(invoice).toMatchObject({ kind: 'invoice', state: 'open', amountDue: { amount: 7260 } });
    return { memberId, invoice };
  }

  /** POST /bank-statements as a browser's FormData would send it. */
  async function upload(file: Buffer, fields: Record<string, string> = { format: 'camt053' }, token = finance.token) {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.set(name, value);
    form.set('file', new Blob([file], { type: 'application/xml' }), 'statement.xml');
    const response = await fetch(`${stack.baseUrl}/api/v1/bank-statements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      body: form,
    });
    return { status: response.status, type: response.headers.get('content-type'), body: await response.json() };
  }
  const documentOf = async (id: string) =>
    (await admin.GET('/api/v1/invoices/{id}', { params: { path: { id } } })).data!;
  const queue = async (statementId: string) =>
    (
      await finance.client.GET('/api/v1/bank-statement-lines', {
        params: { query: { state: 'to-review', statementId } },
      })
    ).data!;

  it('matches the OGM and the partial RF payment and queues the unknown transfer', async () => {
    expect(ann.invoice.paymentReference).toMatch(/^\+\+\+\d{3}\/\d{4}\/\d{5}\+\+\+$/);
    expect(bob.invoice.paymentReference).toMatch(/^RF\d{2}/);
    const entries: GeneratedPayment[] = [
      // As a payer types it: asterisks for pluses, in the free text.
      {
        reference: `Cotisation ${ann.invoice.paymentReference!.replace(/\+/g, '*')}`,
        amount: 7260,
        remittance: 'text',
      },
      { reference: bob.invoice.paymentReference!.replace(/ /g, ''), amount: 5000, payer: 'Bob Payer' },
      { reference: 'Gift, keep up the good work', amount: 2260, remittance: 'text', payer: 'B. PAYER' },
    ];
    camt = Buffer.from(generateCamt053(entries, { statementId: 'BE68-2026-061', bookingDate: '2026-03-02' }));

    const answer = await upload(camt);
    expect(answer.status).toBe(201);
    imported = answer.body as Statement;
    expect(imported).toMatchObject({
      format: 'camt053',
      statementId: 'BE68-2026-061',
      lines: 3,
      matched: 2,
      suggested: 0,
      toReview: 1,
      duplicates: 0,
      ignored: 0,
      open: 1,
      importedBy: { id: finance.id, name: 'Fay Finance' },
    });

    expect(await documentOf(ann.invoice.id)).toMatchObject({ state: 'paid', amountDue: { amount: 0 } });
    expect(await documentOf(bob.invoice.id)).toMatchObject({ state: 'partially-paid', amountDue: { amount: 2260 } });
    const payments = await admin.GET('/api/v1/payments', { params: { query: { method: 'bank-transfer' } } });
    expect(payments.data!.items).toHaveLength(2);
    expect(payments.data!.items.map((payment) => payment.source)).toEqual(['bank', 'bank']);
    const [unknown] = (await queue(imported.id)).items;
    expect(unknown).toMatchObject({
      state: 'to-review',
      amount: { amount: 2260, currency: 'EUR' },
      counterparty: { name: 'B. PAYER' },
      references: [],
      paymentId: null,
    });
  });

  it('lets finance resolve the queued line onto the rest of Bob’s invoice, once', async () => {
    const [line] = (await queue(imported.id)).items;
    const resolve = (body: Schemas['ResolveBankLineDto']) =>
      finance.client.POST('/api/v1/bank-statement-lines/{id}/resolve', { params: { path: { id: line.id } }, body });
    expect((await resolve({ ignore: true })).response.status).toBe(400); // no reason
    expect((await resolve({ acceptSuggestion: true, ignore: true, reason: 'both' })).response.status).toBe(400);

    const resolved = await resolve({
      allocations: [{ documentId: bob.invoice.id, amount: 2260 }],
      note: 'Bob, second part',
    });
    expect(resolved.response.status).toBe(200);
    expect(resolved.data).toMatchObject<Partial<Line>>({
      state: 'resolved',
      resolvedBy: { id: finance.id, name: 'Fay Finance' },
      resolutionNote: 'Bob, second part',
    });
    expect(resolved.data!.receiptNumber).toMatch(/^REC-\d{4}-\d{6}$/);
    expect(resolved.data!.resolvedAt).toBeTruthy();
    expect(await documentOf(bob.invoice.id)).toMatchObject({ state: 'paid', amountDue: { amount: 0 } });
    expect((await queue(imported.id)).items).toEqual([]);

    const again = await resolve({ ignore: true, reason: 'Not ours after all' });
    expect(again.response.status).toBe(409);
    expect(again.error).toMatchObject({ type: 'urn:tessera:problem:bank-line-already-decided' });
    const statement = await finance.client.GET('/api/v1/bank-statements/{id}', {
      params: { path: { id: imported.id } },
    });
    expect(statement.data).toMatchObject({ matched: 2, toReview: 1, open: 0 });
  });

  it('answers the same file again with 409 naming the statement, and adds nothing', async () => {
    const answer = await upload(camt);
    expect(answer.status).toBe(409);
    expect(answer.type).toContain('application/problem+json');
    expect(answer.body).toMatchObject({
      type: 'urn:tessera:problem:statement-already-imported',
      statementId: imported.id,
    });
    const statements = await finance.client.GET('/api/v1/bank-statements');
    expect(statements.data!.items.map((statement) => statement.id)).toEqual([imported.id]);
    const payments = await admin.GET('/api/v1/payments', { params: { query: { method: 'bank-transfer' } } });
    expect(payments.data!.items).toHaveLength(3);
  });

  it('refuses a file that is not a statement, and anyone but finance', async () => {
    const notification = Buffer.from(
      '<?xml version="1.0" encoding="UTF-8"?><Document><BkToCstmrDbtCdtNtfctn/></Document>',
    );
    const bad = await upload(notification);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      type: 'urn:tessera:problem:invalid-bank-statement',
      detail: 'This file is a CAMT.054 debit/credit notification, not a CAMT.053 bank statement.',
    });
    expect((await upload(pdfFile())).status).toBe(415);
    expect((await upload(camt, { format: 'csv' })).status).toBe(400);
    const approver = await activatedStaff(stack, admin, 'Abe Approver', ['approver']);
    expect((await upload(camt, { format: 'camt053' }, approver.token)).status).toBe(403);
    expect((await approver.client.GET('/api/v1/bank-statement-lines')).response.status).toBe(403);
  });
});
