import { writeFileSync } from 'node:fs';
import { type Schemas, type TesseraClient } from '@tessera/api-client';
import { generateCamt053, isValidRf } from '@tessera/billing';
import { pdfText } from '../support/pdf-text';
import { createCooperatorPlan, supporterClass } from '../support/shares';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

type Subscription = Schemas['ShareSubscriptionDto'];

/**
 * Co-operative shares over HTTP (issue 18): an admin sets up class B, an officer enters Ada's
 * subscription of 4 shares, approves it, and a capital release request with an RF reference is
 * e-mailed; finance imports a CAMT.053 line quoting that reference, and Ada is a cooperator with
 * 4 shares in the register and her certificate in her inbox.
 */
describe('share subscriptions (API over HTTP, real SMTP sink)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let officer: StaffSession;
  let finance: StaffSession;
  let classB: Schemas['ShareClassDto'];
  const ada = { firstName: 'Ada', lastName: 'Lovelace', email: uniqueEmail('ada') };
  let made: Subscription;

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    officer = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
    finance = await activatedStaff(stack, admin, 'Fay Finance', ['finance']);
    const saved = await admin.PUT('/api/v1/settings/organisation', {
      body: {
        name: 'Coopérative Énergie Verte',
        contactEmail: 'parts@energie.example',
        address: { line1: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
        companyNumber: 'BE0123456749',
        iban: 'BE71096123456769',
        bic: 'GKCCBEBB',
        timeZone: 'Europe/Brussels',
        referenceScheme: 'rf',
        currency: 'EUR',
      },
    });
    expect(saved.response.status).toBe(200);
  });
  afterAll(() => stack.stop());

  const problemType = (slug: string) => `urn:tessera:problem:${slug}`;
  const bytesOf = async (path: string, token: string) => {
    const response = await fetch(`${stack.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  };

  it('lets an admin define share classes, with field errors and a 409 for a taken code', async () => {
    // A code in lower case is stored in capitals.
    const body: Schemas['CreateShareClassDto'] = { ...supporterClass(await createCooperatorPlan(admin)), code: 'b' };
    const bad = await admin.POST('/api/v1/share-classes', {
      body: { ...body, minShares: 5, maxShares: 2, unitPrice: { amount: 0, currency: 'EUR' } },
    });
    expect(bad.response.status).toBe(400);
    expect(bad.response.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.error!.errors!.map((e) => e.field)).toEqual(['unitPrice.amount']);
    const crossed = await admin.POST('/api/v1/share-classes', { body: { ...body, minShares: 5, maxShares: 2 } });
    expect(crossed.error).toMatchObject({
      status: 400,
      errors: [{ field: 'maxShares', message: 'must be at least minShares (5)' }],
    });

    const created = await admin.POST('/api/v1/share-classes', { body });
    expect(created.response.status).toBe(201);
    classB = created.data!;
    expect(classB).toMatchObject({
      code: 'B',
      unitPrice: { amount: 2500, currency: 'EUR' },
      active: true,
      approvalFlowId: null,
    });
    const again = await admin.POST('/api/v1/share-classes', { body });
    expect(again.response.status).toBe(409);
    expect(again.error).toMatchObject({ type: problemType('share-class-code-taken') });
    const byOfficer = await officer.client.POST('/api/v1/share-classes', { body: { ...body, code: 'C' } });
    expect(byOfficer.response.status).toBe(403);

    // Anyone sees the active classes; a class switched off disappears for them, not for staff.
    const hidden = await admin.POST('/api/v1/share-classes', {
      body: { ...body, code: 'Z', name: 'Old', active: false },
    });
    expect(hidden.response.status).toBe(201);
    expect((await stack.client.GET('/api/v1/share-classes')).data!.map((c) => c.code)).toEqual(['B']);
    expect((await officer.client.GET('/api/v1/share-classes')).data!.map((c) => c.code)).toEqual(['B', 'Z']);
    const patched = await admin.PATCH('/api/v1/share-classes/{id}', {
      params: { path: { id: hidden.data!.id } },
      body: { name: 'Retired shares' },
    });
    expect(patched.data).toMatchObject({ name: 'Retired shares', active: false });
  });

  it('takes a staff-entered subscription of 4 shares, confirms it by e-mail, and refuses a second one with 409', async () => {
    const body: Schemas['CreateShareSubscriptionDto'] = {
      kind: 'individual',
      shareClassId: classB.id,
      quantity: 4,
      person: ada,
      iban: 'be71 0961 2345 6769',
      locale: 'en',
      consent: true,
    };
    const badIban = await officer.client.POST('/api/v1/share-subscriptions', {
      body: { ...body, iban: 'BE71 0961 2345 6760', consent: false as true },
    });
    expect(badIban.response.status).toBe(400);
    expect(badIban.error!.errors).toEqual([
      expect.objectContaining({ field: 'iban', message: expect.stringContaining('is not a valid IBAN') }),
      expect.objectContaining({ field: 'consent', message: 'must be true: the holder has to accept the statutes' }),
    ]);

    // The same request twice at once: one is made, the other is told which one is under review.
    const [first, second] = await Promise.all([
      officer.client.POST('/api/v1/share-subscriptions', { body }),
      officer.client.POST('/api/v1/share-subscriptions', { body }),
    ]);
    const statuses = [first.response.status, second.response.status].sort();
    expect(statuses).toEqual([201, 409]);
    made = (first.data ?? second.data)!;
    const conflict = first.error ?? second.error;
    expect(conflict).toMatchObject({
      status: 409,
      type: problemType('share-subscription-pending'),
      detail: expect.stringMatching(
        new RegExp(`^Ada Lovelace already has a request for class B shares under review \\(${made.reference}, made on`),
      ),
    });
    expect(made).toMatchObject({
      reference: expect.stringMatching(/^SHR-\d{4}-\d{6}$/),
      state: 'pending',
      quantity: 4,
      amount: { amount: 10000, currency: 'EUR' },
      iban: 'BE71096123456769',
      holder: { kind: 'person', name: 'Ada Lovelace', email: ada.email, memberId: null },
      capitalReleaseRequest: null,
    });
    const email = await stack.sink.waitFor(
      (message) => message.to.includes(ada.email) && message.subject.startsWith('We received your subscription'),
    );
    expect(email.subject).toBe(`We received your subscription for 4 shares (${made.reference})`);
    expect(email.text).toContain('4 Supporter shares (class B) at €25.00 each, €100.00 in all');
  });

  it('on approval makes the holder a candidate and e-mails a capital release request with a valid RF reference', async () => {
    const approved = await officer.client.POST('/api/v1/approvals/{id}/approve', {
      params: { path: { id: made.approvalRequestId! } },
      body: {},
    });
    expect(approved.response.status).toBe(200);
    const after = (await officer.client.GET('/api/v1/share-subscriptions/{id}', { params: { path: { id: made.id } } }))
      .data!;
    expect(after).toMatchObject({ state: 'approved', decidedByName: 'Olga Officer' });
    const crr = after.capitalReleaseRequest!;
    expect(crr).toMatchObject({
      number: expect.stringMatching(/^CRR-\d{4}-000001$/),
      state: 'open',
      amount: { amount: 10000, currency: 'EUR' },
      amountDue: { amount: 10000, currency: 'EUR' },
    });
    expect(isValidRf(crr.paymentReference!)).toBe(true);
    made = after;

    const email = await stack.sink.waitFor(
      (message) => message.to.includes(ada.email) && message.subject.includes(crr.number),
    );
    expect(email.subject).toBe(`Capital release request ${crr.number}`);
    expect(email.text).toContain(`Please find attached the call for payment of your shares ${crr.number} for €100.00`);
    expect(email.attachments).toHaveLength(1);
    writeFileSync('/tmp/shares-crr.pdf', email.attachments[0].content);
    const text = await pdfText(email.attachments[0].content);
    expect(text).toContain('Capital release request');
    expect(text).toContain(crr.number);
    expect(text).toContain('€100.00');
    expect(text).toContain('BE71 0961 2345 6769');
    expect(text).toContain('GKCCBEBB');
    expect(text).toContain('Ada Lovelace');
    // The structured reference to quote, and the EPC QR code (the only image: no logo is set) a banking app scans.
    expect(text).toContain(crr.paymentReference!);
    expect(text).toContain('Scan with your banking app');
    expect(email.attachments[0].content.toString('latin1').match(/\/Subtype \/Image/g)).toHaveLength(1);
    const staffPdf = await bytesOf(`/invoices/${crr.id}/pdf`, finance.token);
    expect(staffPdf.status).toBe(200);
    expect(staffPdf.body.equals(email.attachments[0].content)).toBe(true);
  });

  it('a CAMT.053 line quoting the reference pays it: cooperator number, 4 shares in the register, certificate e-mailed', async () => {
    const reference = made.capitalReleaseRequest!.paymentReference!;
    const camt = Buffer.from(
      generateCamt053([{ reference: reference.replace(/ /g, ''), amount: 10000, payer: 'Ada Lovelace' }], {
        statementId: 'BE71-2026-SHARES',
        bookingDate: new Date().toISOString().slice(0, 10),
      }),
    );
    const form = new FormData();
    form.set('format', 'camt053');
    form.set('file', new Blob([camt], { type: 'application/xml' }), 'statement.xml');
    const response = await fetch(`${stack.baseUrl}/api/v1/bank-statements`, {
      method: 'POST',
      headers: { authorization: `Bearer ${finance.token}` },
      body: form,
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ lines: 1, matched: 1, toReview: 0 });

    const paid = (await officer.client.GET('/api/v1/share-subscriptions/{id}', { params: { path: { id: made.id } } }))
      .data!;
    expect(paid).toMatchObject({ state: 'paid', capitalReleaseRequest: { state: 'paid', amountDue: { amount: 0 } } });
    const register = (await finance.client.GET('/api/v1/share-register')).data!;
    expect(register.movements).toEqual([
      expect.objectContaining({
        kind: 'issue',
        quantity: 4,
        firstNumber: 1,
        lastNumber: 4,
        unitPrice: { amount: 2500, currency: 'EUR' },
        shareClass: { id: classB.id, code: 'B' },
        holder: expect.objectContaining({ name: 'Ada Lovelace', cooperatorNumber: expect.stringMatching(/^C-\d{6}$/) }),
      }),
    ]);
    const cooperatorNumber = register.movements[0].holder.cooperatorNumber!;
    expect(register.holdings).toEqual([
      expect.objectContaining({ quantity: 4, shareNumbers: '1–4', capital: { amount: 10000, currency: 'EUR' } }),
    ]);
    expect(register.totals).toEqual([
      { shareClass: { id: classB.id, code: 'B' }, quantity: 4, capital: { amount: 10000, currency: 'EUR' } },
    ]);
    // As of the day before, the register was empty.
    const before = new Date(Date.parse(register.asOf) - 86_400_000).toISOString().slice(0, 10);
    const earlier = (await finance.client.GET('/api/v1/share-register', { params: { query: { asOf: before } } })).data!;
    expect(earlier).toMatchObject({ movements: [], holdings: [], totals: [] });
    const badDate = await finance.client.GET('/api/v1/share-register', { params: { query: { asOf: '2026-02-30' } } });
    expect(badDate.response.status).toBe(400);

    const email = await stack.sink.waitFor(
      (message) => message.to.includes(ada.email) && message.subject.startsWith('Your share certificate'),
    );
    expect(email.subject).toBe(`Your share certificate: 4 class B shares, cooperator ${cooperatorNumber}`);
    expect(email.text).toContain(`Your cooperator number is ${cooperatorNumber}`);
    expect(email.attachments).toHaveLength(1);
    writeFileSync('/tmp/shares-certificate.pdf', email.attachments[0].content);
    const text = await pdfText(email.attachments[0].content);
    for (const expected of [
      'Share certificate',
      'Coopérative Énergie Verte',
      'Ada Lovelace',
      '4 class B shares (Supporter shares)',
      cooperatorNumber,
      '1–4',
      '€25.00',
      '€100.00',
      made.reference,
      'For the board of directors',
    ])
      expect(text).toContain(expected);
    expect(stack.sink.messagesTo(ada.email).filter((m) => m.subject.startsWith('Your share certificate'))).toHaveLength(
      1,
    );
  });
});
