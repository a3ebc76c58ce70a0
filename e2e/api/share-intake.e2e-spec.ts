import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { type Schemas, type TesseraClient } from '@tessera/api-client';
import { generateCamt053, isValidRf } from '@tessera/billing';
import { MembersService } from '@tessera/members';
import { solveCaptcha } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { nextIp } from '../support/applications';
import { linkTokenFromEmail } from '../support/mail';
import { pdfText } from '../support/pdf-text';
import { createSupporterClass, payInFull } from '../support/shares';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

type Subscription = Schemas['ShareSubscriptionDto'];
type PublicBody = Schemas['CreateShareSubscriptionDto'];

/**
 * The public share form and the portal over HTTP (issue 18): Ada, a stranger, subscribes 4 class B
 * shares on the public form (captcha), is approved, pays her capital release request by bank
 * transfer (CAMT.053) and finds her shares and certificate in the portal; Max, a member already,
 * buys shares for himself in the portal and, as its director, for his company on the public form:
 * two holders, one person, one portal account acting for both. Lise, the company's other
 * representative, sees its shares apart from her own.
 */
describe('share subscriptions from the public form and the portal (API over HTTP)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let officer: StaffSession;
  let finance: StaffSession;
  let db: DataSource;
  let classB: Schemas['ShareClassDto'];
  const password = 'Share-Holder-Password-42';
  const ada = {
    firstName: 'Ada',
    lastName: 'Lovelace',
    email: uniqueEmail('ada'),
    phone: '+32 470 12 34 56',
    birthDate: '1990-12-10',
    address: { line1: 'Rue Haute 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
    nationality: 'BE',
  };
  let adaRequest: Subscription;
  let asAda: TesseraClient;
  // Max, a member, is Planck Quanta's contact; Lise its other representative. The company's request.
  const max = { firstName: 'Max', lastName: 'Planck', email: uniqueEmail('max') };
  const lise = { firstName: 'Lise', lastName: 'Meitner', email: uniqueEmail('lise') };
  let planckRequest: Subscription;
  const tokens = new Map<string, string>();

  beforeAll(async () => {
    stack = await startStack();
    db = stack.api.get(DataSource);
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    officer = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
    finance = await activatedStaff(stack, admin, 'Fay Finance', ['finance']);
    const saved = await admin.PUT('/api/v1/settings/organisation', {
      body: {
        name: 'Coopérative Énergie Verte',
        contactEmail: 'parts@energie.example',
        address: { line1: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
        statutesUrl: 'https://energie.example/statuts',
        companyNumber: 'BE0123456749',
        iban: 'BE71096123456769',
        bic: 'GKCCBEBB',
        timeZone: 'Europe/Brussels',
        referenceScheme: 'rf',
        currency: 'EUR',
      },
    });
    expect(saved.response.status).toBe(200);
    expect(saved.data!.statutesUrl).toBe('https://energie.example/statuts');
    // The public form links its consent to the statutes.
    const publicSettings = await stack.client.GET('/api/v1/settings/organisation/public');
    expect(publicSettings.data).toMatchObject({ statutesUrl: 'https://energie.example/statuts' });
    classB = await createSupporterClass(admin);
  });
  afterAll(() => stack.stop());

  /** The public form: anonymous, from its own address, with a solved captcha unless told otherwise. */
  const postPublic = async (body: PublicBody | Record<string, unknown>, captcha = true) => {
    const altcha = captcha ? await solveCaptcha(stack.baseUrl) : undefined;
    const response = await fetch(`${stack.baseUrl}/api/v1/share-subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': nextIp() },
      body: JSON.stringify({ ...body, ...(altcha ? { altcha } : {}) }),
    });
    return { status: response.status, body: (await response.json()) as Subscription & Schemas['ProblemDto'] };
  };
  const adaBody = (): PublicBody => ({
    kind: 'individual',
    shareClassId: classB.id,
    quantity: 4,
    person: ada,
    iban: 'BE71 0961 2345 6769',
    locale: 'en',
    consent: true,
  });
  const approve = async (id: string) => {
    const approved = await officer.client.POST('/api/v1/approvals/{id}/approve', {
      params: { path: { id } },
      body: {},
    });
    expect(approved.response.status).toBe(200);
  };
  const staffView = async (id: string) =>
    (await officer.client.GET('/api/v1/share-subscriptions/{id}', { params: { path: { id } } })).data!;
  const importStatement = async (reference: string, amount: number, payer: string) => {
    const camt = Buffer.from(
      generateCamt053([{ reference: reference.replace(/ /g, ''), amount, payer }], {
        statementId: `BE71-${randomUUID().slice(0, 8)}`,
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
  };
  const activate = async (to: string) => {
    const { token } = await linkTokenFromEmail(stack.sink, to, /Activate your member account/, '/activate');
    const session = await stack.client.POST('/api/v1/auth/activate', { body: { token, password } });
    expect(session.response.status).toBe(200);
    tokens.set(to, session.data!.accessToken);
    return authorized(stack, session.data!.accessToken);
  };

  it('the public form refuses a missing captcha, missing personal details and a staff-only field, storing nothing', async () => {
    const noCaptcha = await postPublic(adaBody(), false);
    expect(noCaptcha.status).toBe(400);
    expect(noCaptcha.body.type).toBe('urn:tessera:problem:captcha-missing');
    const bare = await postPublic({ ...adaBody(), person: { firstName: 'Ada', lastName: 'L', email: ada.email } });
    expect(bare.status).toBe(400);
    expect(bare.body.errors!.map((e) => e.field)).toEqual([
      'person.phone',
      'person.birthDate',
      'person.address',
      'person.nationality',
    ]);
    const staffOnly = await postPublic({ ...adaBody(), person: undefined, memberId: randomUUID() });
    expect(staffOnly.body.errors).toEqual([
      { field: 'memberId', message: 'is for staff only: give your details instead' },
    ]);
    const tooMany = await postPublic({ ...adaBody(), quantity: 41, iban: 'BE00 0000' });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors!.map((e) => e.field)).toEqual(['iban']);
    const overMax = await postPublic({ ...adaBody(), quantity: 41 });
    expect(overMax.body.errors).toEqual([
      { field: 'quantity', message: 'must be at most 40 (the maximum of class B)' },
    ]);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM share_subscriptions`);
    expect(n).toBe(0);
  });

  it('an individual subscribes 4 class B shares on the public form and is e-mailed a confirmation', async () => {
    const made = await postPublic(adaBody());
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      id: expect.any(String),
      reference: expect.stringMatching(/^SHR-\d{4}-\d{6}$/),
      state: 'pending',
      holder: { kind: 'person', name: 'Ada Lovelace', email: ada.email, memberId: null },
    });
    adaRequest = made.body;
    const email = await stack.sink.waitFor(
      (m) => m.to.includes(ada.email) && m.subject.startsWith('We received your subscription'),
    );
    expect(email.subject).toBe(`We received your subscription for 4 shares (${adaRequest.reference})`);
    // The same person again while it is under review: a clear 409.
    const again = await postPublic(adaBody());
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('urn:tessera:problem:share-subscription-pending');
  });

  it('approved: a capital release request with a valid reference, and a portal account invitation', async () => {
    await approve(adaRequest.approvalRequestId!);
    adaRequest = await staffView(adaRequest.id);
    expect(adaRequest.state).toBe('approved');
    expect(isValidRf(adaRequest.capitalReleaseRequest!.paymentReference!)).toBe(true);
    const [{ status, persons }] = await db.query(
      `SELECT m.status, (SELECT count(*)::int FROM persons WHERE email = $2) AS persons FROM members m WHERE m.id = $1`,
      [adaRequest.holder.memberId, ada.email],
    );
    expect({ status, persons }).toEqual({ status: 'upcoming', persons: 1 });
    asAda = await activate(ada.email);
    const shares = (await asAda.GET('/api/v1/me/shares')).data!;
    expect(shares.own).toMatchObject({
      name: 'Ada Lovelace',
      cooperatorState: 'candidate',
      cooperatorNumber: null,
      holdings: [],
      capitalReleaseRequests: [
        { number: adaRequest.capitalReleaseRequest!.number, state: 'open', amountDue: { amount: 10000 } },
      ],
      requests: [{ reference: adaRequest.reference, state: 'approved', quantity: 4 }],
    });
    expect(shares.organisations).toEqual([]);
  });

  it('a CAMT.053 line with that reference makes her a cooperator with 4 shares, certificate e-mailed and in the portal', async () => {
    await importStatement(adaRequest.capitalReleaseRequest!.paymentReference!, 10000, 'Ada Lovelace');
    expect((await staffView(adaRequest.id)).state).toBe('paid');
    const email = await stack.sink.waitFor(
      (m) => m.to.includes(ada.email) && m.subject.startsWith('Your share certificate'),
    );
    const shares = (await asAda.GET('/api/v1/me/shares')).data!;
    const own = shares.own!;
    expect(own).toMatchObject({
      cooperatorState: 'effective',
      cooperatorNumber: expect.stringMatching(/^C-\d{6}$/),
      holdings: [
        {
          shareClass: { code: 'B' },
          quantity: 4,
          shareNumbers: '1–4',
          capital: { amount: 10000, currency: 'EUR' },
        },
      ],
      capitalReleaseRequests: [{ state: 'paid', amountDue: { amount: 0 } }],
      requests: [],
    });
    expect(email.subject).toBe(`Your share certificate: 4 class B shares, cooperator ${own.cooperatorNumber}`);
    const text = await pdfText(email.attachments[0].content);
    for (const expected of ['Share certificate', 'Ada Lovelace', '4 class B shares', own.cooperatorNumber!, '1–4'])
      expect(text).toContain(expected);
    // The member's download is the e-mailed certificate, byte for byte.
    const [certificate] = own.certificates;
    expect(certificate).toMatchObject({ quantity: 4, shareNumbers: '1–4', shareClass: { code: 'B' } });
    const pdf = await fetch(`${stack.baseUrl}/api/v1/me/shares/certificates/${certificate.id}/pdf?download=1`, {
      headers: { authorization: `Bearer ${tokens.get(ada.email)}` },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain('attachment');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    writeFileSync('/tmp/shares-intake-certificate.pdf', bytes);
    expect(bytes.equals(email.attachments[0].content)).toBe(true);
    // Staff's token is no member's: a member route; another member's certificate is a 404.
    const unknown = await asAda.GET('/api/v1/me/shares/certificates/{id}/pdf', {
      params: { path: { id: randomUUID() } },
      parseAs: 'stream',
    });
    expect(unknown.response.status).toBe(404);
  });

  it('a member subscribes for himself in the portal and for his company on the public form: two holders, one person, one account', async () => {
    const member = await stack.api.get(MembersService).createOrMatchFromApplication({
      kind: 'person',
      person: { ...max, phone: '+32 470 00 00 01' },
      planId: classB.planId,
      locale: 'en',
      source: { type: 'application', id: randomUUID(), reference: 'APP-2026-000900' },
    });
    const invited = await admin.POST('/api/v1/members/{id}/portal-invitation', {
      params: { path: { id: member.memberId } },
    });
    expect(invited.response.status).toBe(202);
    const asMax = await activate(max.email);

    const own = await asMax.POST('/api/v1/me/share-subscriptions', {
      body: { shareClassId: classB.id, quantity: 2, iban: 'BE71 0961 2345 6769', locale: 'en', consent: true },
    });
    expect(own.response.status).toBe(201);
    expect(own.data!.holder).toMatchObject({ kind: 'person', memberId: member.memberId, email: max.email });
    const company = await postPublic({
      kind: 'organisation',
      shareClassId: classB.id,
      quantity: 10,
      organisation: {
        legalName: 'Planck Quanta SRL',
        registrationNumber: 'BE 0777.666.555',
        address: { line1: 'Avenue Louise 5', postalCode: '1050', city: 'Ixelles', country: 'BE' },
        representatives: [
          { ...max, email: max.email.toUpperCase(), role: 'Director', isContact: true },
          { ...lise, role: 'Secretary', isContact: false },
        ],
      },
      iban: 'BE71 0961 2345 6769',
      locale: 'en',
      consent: true,
    });
    expect(company.status).toBe(201);
    expect(company.body.holder).toMatchObject({ kind: 'organisation', name: 'Planck Quanta SRL', email: max.email });

    // Approved at the same time.
    await Promise.all([approve(own.data!.approvalRequestId!), approve(company.body.approvalRequestId!)]);
    const [ownAfter, companyAfter] = await Promise.all([staffView(own.data!.id), staffView(company.body.id)]);
    expect(ownAfter.holder.memberId).toBe(member.memberId);
    expect(companyAfter.holder.memberId).not.toBe(member.memberId);
    planckRequest = companyAfter;
    const [counts] = await db.query(
      `SELECT (SELECT count(*)::int FROM persons WHERE email = $1) AS persons,
              (SELECT count(*)::int FROM users WHERE lower(email) = $1) AS users,
              (SELECT count(*)::int FROM portal_accounts pa JOIN persons p ON p.id = pa.person_id WHERE p.email = $1) AS accounts,
              (SELECT status FROM members WHERE id = $2) AS status`,
      [max.email, member.memberId],
    );
    // His membership is left as it was; one person, one account, one invitation.
    expect(counts).toEqual({ persons: 1, users: 1, accounts: 1, status: 'upcoming' });
    expect(stack.sink.messagesTo(max.email).filter((m) => /Activate your member account/.test(m.subject))).toHaveLength(
      1,
    );

    // One portal account acts for both, apart.
    const shares = (await asMax.GET('/api/v1/me/shares')).data!;
    expect(shares.own).toMatchObject({
      memberId: member.memberId,
      name: 'Max Planck',
      requests: [{ reference: ownAfter.reference, state: 'approved', quantity: 2 }],
      capitalReleaseRequests: [{ number: ownAfter.capitalReleaseRequest!.number, amountDue: { amount: 5000 } }],
    });
    expect(shares.own!.actsFor).toBe(true);
    expect(shares.organisations).toEqual([
      expect.objectContaining({
        memberId: companyAfter.holder.memberId,
        kind: 'organisation',
        name: 'Planck Quanta SRL',
        actsFor: true,
        capitalReleaseRequests: [expect.objectContaining({ number: companyAfter.capitalReleaseRequest!.number })],
      }),
    ]);
    // Both release requests are his to pay, as invoices.
    const invoices = (await asMax.GET('/api/v1/me/invoices')).data!;
    expect(invoices.items.map((i) => i.number).sort()).toEqual(
      [ownAfter.capitalReleaseRequest!.number, companyAfter.capitalReleaseRequest!.number].sort(),
    );
    // Buying more for the company from the portal: allowed while nothing is pending for that class...
    const pending = await asMax.POST('/api/v1/me/share-subscriptions', {
      body: {
        holderId: companyAfter.holder.memberId!,
        shareClassId: classB.id,
        quantity: 1,
        iban: 'BE71096123456769',
        locale: 'en',
        consent: true,
      },
    });
    expect(pending.response.status).toBe(201);
    expect(pending.data!.holder).toMatchObject({ kind: 'organisation', memberId: companyAfter.holder.memberId });
    // ...but not for a holder he does not act for, nor Ada's certificates.
    const notHis = await asMax.POST('/api/v1/me/share-subscriptions', {
      body: {
        holderId: adaRequest.holder.memberId!,
        shareClassId: classB.id,
        quantity: 1,
        iban: 'BE71096123456769',
        locale: 'en',
        consent: true,
      },
    });
    expect(notHis.response.status).toBe(400);
    expect(notHis.error!.errors).toEqual([
      { field: 'holderId', message: 'is not you or an organisation you represent' },
    ]);
    const adaCertificate = (await asAda.GET('/api/v1/me/shares')).data!.own!.certificates[0];
    const stolen = await asMax.GET('/api/v1/me/shares/certificates/{id}/pdf', {
      params: { path: { id: adaCertificate.id } },
      parseAs: 'stream',
    });
    expect(stolen.response.status).toBe(404);
  });
  it('the company’s other representative sees its shares and certificate apart from her own; its contact pays', async () => {
    // Lise subscribes for herself on the public form: matched to the person the company named.
    const own = await postPublic({
      kind: 'individual',
      shareClassId: classB.id,
      quantity: 1,
      person: { ...ada, ...lise },
      iban: 'be71 0961 2345 6769',
      locale: 'en',
      consent: true,
    });
    expect(own.status).toBe(201);
    await approve(own.body.approvalRequestId!);
    const asLise = await activate(lise.email);
    const [{ persons }] = await db.query(`SELECT count(*)::int AS persons FROM persons WHERE email = $1`, [lise.email]);
    expect(persons).toBe(1);

    // Finance records the company's payment of its release request: its certificate is issued.
    const crr = planckRequest.capitalReleaseRequest!;
    await payInFull(finance.client, planckRequest.holder.memberId!, crr, new Date().toISOString().slice(0, 10));
    const shares = (await asLise.GET('/api/v1/me/shares')).data!;
    expect(shares.own).toMatchObject({ name: 'Lise Meitner', actsFor: true, holdings: [] });
    expect(shares.organisations).toHaveLength(1);
    const company = shares.organisations[0];
    expect(company).toMatchObject({
      memberId: planckRequest.holder.memberId,
      name: 'Planck Quanta SRL',
      // Max is the contact: he pays and asks for operations; Lise sees.
      actsFor: false,
      cooperatorState: 'effective',
      holdings: [{ shareClass: { code: 'B' }, quantity: 10, capital: { amount: 25000, currency: 'EUR' } }],
      capitalReleaseRequests: [{ number: crr.number, state: 'paid' }],
    });
    // The company's certificate is hers to download too; her own holder has none yet.
    expect(company.certificates).toHaveLength(1);
    const pdf = await asLise.GET('/api/v1/me/shares/certificates/{id}/pdf', {
      params: { path: { id: company.certificates[0].id } },
      parseAs: 'arrayBuffer',
    });
    expect(pdf.response.status).toBe(200);
    expect(await pdfText(Buffer.from(pdf.data!))).toContain('Planck Quanta SRL');
    // Max, the contact, sees the same holdings.
    const asMax = authorized(stack, tokens.get(max.email)!);
    const maxView = (await asMax.GET('/api/v1/me/shares')).data!;
    expect(maxView.organisations.map((o) => [o.name, o.actsFor, o.holdings.map((h) => h.quantity)])).toEqual([
      ['Planck Quanta SRL', true, [10]],
    ]);
    // The IBAN was stored compact and in capitals, however typed.
    expect((await staffView(own.body.id)).iban).toBe('BE71096123456769');
  });
});
