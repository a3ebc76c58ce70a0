import { writeFileSync } from 'node:fs';
import { type Schemas, type TesseraClient } from '@tessera/api-client';
import { approvedMember } from '../browser/approved-member';
import { parseCsv } from '../support/csv';
import { linkTokenFromEmail } from '../support/mail';
import { createYearlyPlan } from '../support/plans';
import { pdfText } from '../support/pdf-text';
import { createSupporterClass, payInFull } from '../support/shares';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

type Operation = Schemas['ShareOperationDto'];

const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Operations on shares over HTTP (issue 18): Ada (4 class B shares) and Bob (2) paid for their
 * shares today; Ada redeems one with effect in 10 days and transfers two to Bob with effect in 20.
 * The register as of today, day 10 and day 20, its CSV, the cooperators' pages, the reimbursement
 * finance pays and the e-mails all follow.
 */
describe('share operations (API over HTTP, real SMTP sink)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let officer: StaffSession;
  let finance: StaffSession;
  let classB: Schemas['ShareClassDto'];
  const ada = { firstName: 'Ada', lastName: 'Lovelace', email: uniqueEmail('ada') };
  // A name a spreadsheet would run as a formula: the CSV must defuse it.
  const bob = { firstName: 'Bob', lastName: '=Sum(1)', email: uniqueEmail('bob') };
  const holders: Record<string, { memberId: string; crrId: string }> = {};
  let today: string;
  // Members with portal accounts: Mia holds 3 class B shares, Noah none until she gives him one.
  const miaPerson = { firstName: 'Mia', lastName: 'Member', email: uniqueEmail('mia') };
  let basicPlanId: string;
  let cooperatorPlanId: string;
  let mia: TesseraClient;
  let miaMemberId: string;

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    officer = await activatedStaff(stack, admin, 'Olga Officer', ['officer']);
    finance = await activatedStaff(stack, admin, 'Fay Finance', ['finance']);
    classB = await createSupporterClass(admin);
    cooperatorPlanId = classB.planId!;
    today = (await register()).asOf;
    for (const [key, person, quantity] of [
      ['ada', ada, 4],
      ['bob', bob, 2],
    ] as const)
      holders[key] = await issueShares({ person }, classB.id, quantity);
  });
  afterAll(() => stack.stop());

  /** Staff subscribe shares for a person or a member, approve, and record the payment in full. */
  async function issueShares(
    holder: { person: typeof ada } | { memberId: string },
    shareClassId: string,
    quantity: number,
  ): Promise<{ memberId: string; crrId: string }> {
    const made = await officer.client.POST('/api/v1/share-subscriptions', {
      body: {
        kind: 'individual',
        shareClassId,
        quantity,
        ...holder,
        iban: 'BE71096123456769',
        locale: 'en',
        consent: true,
      },
    });
    expect(made.response.status).toBe(201);
    await approve(made.data!.approvalRequestId!);
    const approved = (
      await officer.client.GET('/api/v1/share-subscriptions/{id}', { params: { path: { id: made.data!.id } } })
    ).data!;
    const crr = approved.capitalReleaseRequest!;
    await payInFull(finance.client, approved.holder.memberId!, crr, today);
    return { memberId: approved.holder.memberId!, crrId: crr.id };
  }

  async function approve(approvalId: string): Promise<void> {
    const answer = await officer.client.POST('/api/v1/approvals/{id}/approve', {
      params: { path: { id: approvalId } },
      body: {},
    });
    expect(answer.response.status).toBe(200);
  }
  const register = async (asOf?: string) =>
    (await finance.client.GET('/api/v1/share-register', { params: { query: asOf ? { asOf } : {} } })).data!;
  const holdingsOf = (view: Schemas['ShareRegisterDto']) =>
    view.holdings.map((h) => [h.holder.name, h.quantity, h.shareNumbers, h.capital.amount]);
  const fetchAs = (path: string, token: string) =>
    fetch(`${stack.baseUrl}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
  const operate = async (body: Schemas['CreateShareOperationDto']): Promise<Operation> => {
    const asked = await officer.client.POST('/api/v1/share-operations', { body });
    expect(asked.response.status).toBe(201);
    await approve(asked.data!.approvalRequestId!);
    return (await officer.client.GET('/api/v1/share-operations/{id}', { params: { path: { id: asked.data!.id } } }))
      .data!;
  };

  it('a redemption and a transfer change the register as of their dates, not before', async () => {
    const start = holdingsOf(await register(today));
    expect(start).toEqual([
      ['Ada Lovelace', 4, '1–4', 10000],
      ['Bob =Sum(1)', 2, '5–6', 5000],
    ]);
    const tooMany = await officer.client.POST('/api/v1/share-operations', {
      body: { kind: 'redemption', holderId: holders.ada.memberId, shareClassId: classB.id, quantity: 5 },
    });
    expect(tooMany.response.status).toBe(409);
    expect(tooMany.error).toMatchObject({
      type: 'urn:tessera:problem:share-operation-refused',
      detail: 'Ada Lovelace holds 4 class B shares, not 5.',
    });
    const byFinance = await finance.client.POST('/api/v1/share-operations', {
      body: { kind: 'redemption', holderId: holders.ada.memberId, shareClassId: classB.id, quantity: 1 },
    });
    expect(byFinance.response.status).toBe(403);

    const redemption = await operate({
      kind: 'redemption',
      holderId: holders.ada.memberId,
      shareClassId: classB.id,
      quantity: 1,
      effectiveOn: plusDays(today, 10),
    });
    expect(redemption).toMatchObject({
      state: 'executed',
      effectiveOn: plusDays(today, 10),
      movements: [expect.objectContaining({ kind: 'redemption', firstNumber: 4, lastNumber: 4 })],
      reimbursement: { state: 'due', amount: { amount: 2500, currency: 'EUR' }, payableFrom: plusDays(today, 375) },
    });
    // Before the redemption's date, no transfer may take effect (it would precede a movement of Ada's shares).
    const tooEarly = await officer.client.POST('/api/v1/share-operations', {
      body: {
        kind: 'transfer',
        holderId: holders.ada.memberId,
        shareClassId: classB.id,
        quantity: 2,
        toHolderId: holders.bob.memberId,
        effectiveOn: plusDays(today, 9),
      },
    });
    expect(tooEarly.error).toMatchObject({
      status: 409,
      detail: `The date of effect cannot be before ${plusDays(today, 10)}, the date of the latest movement of these shares.`,
    });
    const transfer = await operate({
      kind: 'transfer',
      holderId: holders.ada.memberId,
      shareClassId: classB.id,
      quantity: 2,
      toHolderId: holders.bob.memberId,
      effectiveOn: plusDays(today, 20),
    });
    expect(transfer).toMatchObject({ state: 'executed', effectiveOn: plusDays(today, 20) });
    expect(transfer.movements.map((m) => [m.kind, m.firstNumber, m.lastNumber])).toEqual([
      ['transfer_out', 2, 3],
      ['transfer_in', 2, 3],
    ]);

    expect(holdingsOf(await register(today))).toEqual(start);
    expect(holdingsOf(await register(plusDays(today, 9)))).toEqual(start);
    expect(holdingsOf(await register(plusDays(today, 10)))).toEqual([
      ['Ada Lovelace', 3, '1–3', 7500],
      ['Bob =Sum(1)', 2, '5–6', 5000],
    ]);
    const now = await register(plusDays(today, 20));
    expect(holdingsOf(now)).toEqual([
      ['Ada Lovelace', 1, '1', 2500],
      ['Bob =Sum(1)', 4, '2–3, 5–6', 10000],
    ]);
    expect(now.totals).toEqual([
      { shareClass: { id: classB.id, code: 'B' }, quantity: 5, capital: { amount: 12500, currency: 'EUR' } },
    ]);
    expect(now.movements.map((m) => [m.kind, m.direction, m.quantity])).toEqual([
      ['issue', 1, 4],
      ['issue', 1, 2],
      ['redemption', -1, 1],
      ['transfer_out', -1, 2],
      ['transfer_in', 1, 2],
    ]);
  });

  it('the CSV of the register holds them, formula cells defused, with a byte order mark', async () => {
    const response = await fetchAs(`/share-register.csv?asOf=${plusDays(today, 20)}`, finance.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(
      /attachment; filename="share-register-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(rows[0]).toEqual([
      'As of',
      'Cooperator number',
      'Holder',
      'Class',
      'Quantity',
      'Share numbers',
      'Capital',
      'Currency',
    ]);
    expect(rows.slice(1).map((row) => [row[2], row[4], row[5], row[6], row[7]])).toEqual([
      ['Ada Lovelace', '1', '1', '25.00', 'EUR'],
      ['Bob =Sum(1)', '4', '2–3, 5–6', '100.00', 'EUR'],
    ]);
    const before = parseCsv(
      Buffer.from(await (await fetchAs(`/share-register.csv`, finance.token)).arrayBuffer())
        .subarray(3)
        .toString('utf8'),
    );
    expect(before.slice(1).map((row) => [row[0], row[4], row[5]])).toEqual([
      [today, '4', '1–4'],
      [today, '2', '5–6'],
    ]);
    const unauthenticated = await fetch(`${stack.baseUrl}/api/v1/share-register.csv`);
    expect(unauthenticated.status).toBe(401);
  });

  it('lists cooperators with filters and shows one with holdings, history and certificates', async () => {
    const all = (await officer.client.GET('/api/v1/cooperators', { params: { query: { state: 'effective' } } })).data!;
    expect(all.total).toBe(2);
    const found = (await officer.client.GET('/api/v1/cooperators', { params: { query: { q: 'lovelace' } } })).data!;
    // Holdings today: the operations take effect later.
    expect(found.items.map((c) => [c.name, c.kind, c.state, c.holdings.map((h) => h.quantity)])).toEqual([
      ['Ada Lovelace', 'person', 'effective', [4]],
    ]);
    expect(
      (await officer.client.GET('/api/v1/cooperators', { params: { query: { kind: 'organisation' } } })).data!.total,
    ).toBe(0);
    const bobSummary = (await officer.client.GET('/api/v1/cooperators', { params: { query: { q: 'bob' } } })).data!
      .items[0];
    const detail = (await officer.client.GET('/api/v1/cooperators/{id}', { params: { path: { id: bobSummary.id } } }))
      .data!;
    expect(detail.holdings).toEqual([
      expect.objectContaining({ shareClassCode: 'B', quantity: 2, shareNumbers: '5–6' }),
    ]);
    expect(detail.movements.map((m) => m.kind)).toEqual(['issue', 'transfer_in']);
    expect(detail.operations.map((o) => o.kind)).toEqual(['transfer']);
    expect(detail.certificates.map((c) => c.shareNumbers).sort()).toEqual(['2–3', '5–6']);
    const transferCertificate = detail.certificates.find((c) => c.shareNumbers === '2–3')!;
    const pdf = await fetchAs(`/share-certificates/${transferCertificate.id}/pdf`, finance.token);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await pdf.arrayBuffer());
    writeFileSync('/tmp/shares-transfer-certificate.pdf', bytes);
    const text = await pdfText(bytes);
    for (const expected of [
      'Share certificate',
      'Bob =Sum(1)',
      '2 class B shares',
      '2–3',
      detail.operations[0].reference,
    ])
      expect(text).toContain(expected);
    const missing = await officer.client.GET('/api/v1/cooperators/{id}', {
      params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
    });
    expect(missing.response.status).toBe(404);
  });

  it('lists capital release requests with their PDFs, and nothing else', async () => {
    const page = (await finance.client.GET('/api/v1/capital-release-requests')).data!;
    expect(page.items.map((d) => [d.kind, d.state])).toEqual([
      ['capital-release', 'paid'],
      ['capital-release', 'paid'],
    ]);
    const one = await finance.client.GET('/api/v1/capital-release-requests/{id}', {
      params: { path: { id: holders.ada.crrId } },
    });
    expect(one.data).toMatchObject({
      kind: 'capital-release',
      number: expect.stringMatching(/^CRR-/),
      amountDue: { amount: 0, currency: 'EUR' },
    });
    // An id that is not a capital release request is unknown here.
    const other = await finance.client.GET('/api/v1/capital-release-requests/{id}', {
      params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
    });
    expect(other.response.status).toBe(404);
    const pdf = await fetchAs(`/capital-release-requests/${holders.ada.crrId}/pdf`, finance.token);
    expect(pdf.status).toBe(200);
    expect(await pdfText(Buffer.from(await pdf.arrayBuffer()))).toContain('Capital release request');
  });

  it('finance pays the reimbursement after the waiting period, once', async () => {
    const due = (await finance.client.GET('/api/v1/share-reimbursements', { params: { query: { state: 'due' } } }))
      .data!;
    expect(due.items.map((r) => [r.holderName, r.quantity, r.amount.amount])).toEqual([['Ada Lovelace', 1, 2500]]);
    const { id, payableFrom } = due.items[0];
    const early = await finance.client.POST('/api/v1/share-reimbursements/{id}/paid', {
      params: { path: { id } },
      body: { paidOn: plusDays(payableFrom, -1) },
    });
    expect(early.response.status).toBe(409);
    const byOfficer = await officer.client.POST('/api/v1/share-reimbursements/{id}/paid', {
      params: { path: { id } },
      body: { paidOn: payableFrom },
    });
    expect(byOfficer.response.status).toBe(403);
    const paid = await finance.client.POST('/api/v1/share-reimbursements/{id}/paid', {
      params: { path: { id } },
      body: { paidOn: payableFrom, note: 'Paid from the main account' },
    });
    expect(paid.data).toMatchObject({ state: 'paid', paidOn: payableFrom, paidByName: 'Fay Finance' });
  });

  it('e-mails the holder the outcome and the receiver their new shares with the certificate', async () => {
    const outcome = await stack.sink.waitFor(
      (message) =>
        message.to.includes(ada.email) &&
        message.subject.startsWith('Your redemption request') &&
        message.subject.endsWith('approved'),
    );
    expect(outcome.subject).toMatch(/^Your redemption request SOP-\d{4}-\d{6} was approved$/);
    expect(outcome.text).toContain('€25.00 will be reimbursed to you from');
    const received = await stack.sink.waitFor(
      (message) => message.to.includes(bob.email) && message.subject.startsWith('Shares transferred to you'),
    );
    expect(received.text).toContain('Ada Lovelace transferred 2 class B shares (numbers 2–3) to you');
    expect(received.attachments).toHaveLength(1);
  });

  it('a member asks from the portal to redeem their own shares, not anyone else’s, and may withdraw it', async () => {
    basicPlanId = await createYearlyPlan(admin, { code: 'basic', name: 'Basic membership' });
    const { token } = await approvedMember(stack, admin, officer, basicPlanId, {
      ...miaPerson,
      password: 'Member-Password-Mia-9',
    });
    mia = authorized(stack, token);
    const memberId = (miaMemberId = (await mia.GET('/api/v1/me')).data!.member!.id);
    await issueShares({ memberId }, classB.id, 3);

    const notMine = await mia.POST('/api/v1/me/share-operations', {
      body: { kind: 'redemption', holderId: holders.ada.memberId, shareClassId: classB.id, quantity: 1 },
    });
    expect(notMine.response.status).toBe(404);
    const asked = await mia.POST('/api/v1/me/share-operations', {
      body: { kind: 'redemption', holderId: memberId, shareClassId: classB.id, quantity: 1, note: 'Need the money' },
    });
    expect(asked.response.status).toBe(201);
    expect(asked.data).toMatchObject({ state: 'pending', requestedVia: 'holder', requestedByName: 'Mia Member' });
    const mine = (await mia.GET('/api/v1/me/share-operations')).data!.items;
    expect(mine.map((o) => o.reference)).toEqual([asked.data!.reference]);
    const byStaff = await officer.client.GET('/api/v1/me/share-operations');
    expect(byStaff.response.status).toBe(403);

    const withdrawn = await mia.POST('/api/v1/me/share-operations/{id}/withdraw', {
      params: { path: { id: asked.data!.id } },
    });
    expect(withdrawn.data).toMatchObject({ state: 'withdrawn', decidedByName: 'Mia Member' });
    const again = await mia.POST('/api/v1/me/share-operations/{id}/withdraw', {
      params: { path: { id: asked.data!.id } },
    });
    expect(again.error).toMatchObject({ status: 409, detail: 'This operation was withdrawn already.' });
    const approval = await officer.client.GET('/api/v1/approvals/{id}', {
      params: { path: { id: asked.data!.approvalRequestId! } },
    });
    expect(approval.data).toMatchObject({ status: 'cancelled' });
  });

  const memberNumberOf = async (memberId: string) =>
    (await officer.client.GET('/api/v1/members/{id}', { params: { path: { id: memberId } } })).data!.number;
  const operationCount = async () => (await officer.client.GET('/api/v1/share-operations')).data!.total;
  const transferApprovals = async () =>
    (await admin.GET('/api/v1/approvals', { params: { query: { subjectType: 'share_transfer' } } })).data!.total;
  /** Mia asks from the portal to transfer shares to a receiver she names by number and e-mail. */
  const miaTransfers = (
    receiver: { toHolderNumber?: string; toHolderEmail?: string },
    shareClassId = classB.id,
    quantity = 1,
  ) =>
    mia.POST('/api/v1/me/share-operations', {
      body: { kind: 'transfer', holderId: miaMemberId, shareClassId, quantity, ...receiver },
    });
  let noah: TesseraClient;
  let noahMemberId: string;

  it('a member transfers a share from the portal to a member named by number and e-mail: approved, the register moves', async () => {
    const noahEmail = uniqueEmail('noah');
    const { token } = await approvedMember(stack, admin, officer, basicPlanId, {
      firstName: 'Noah',
      lastName: 'Newman',
      email: noahEmail,
      password: 'Member-Password-Noah-9',
    });
    noah = authorized(stack, token);
    noahMemberId = (await noah.GET('/api/v1/me')).data!.member!.id;
    const noahNumber = await memberNumberOf(noahMemberId);
    const [operationsBefore, approvalsBefore] = [await operationCount(), await transferApprovals()];

    // A wrong e-mail, a number nobody has, another member's number: one and the same answer.
    const wrongEmail = await miaTransfers({ toHolderNumber: noahNumber, toHolderEmail: uniqueEmail('not-noah') });
    expect(wrongEmail.response.status).toBe(400);
    expect(wrongEmail.response.headers.get('content-type')).toContain('application/problem+json');
    expect(wrongEmail.error).toMatchObject({
      type: 'urn:tessera:problem:share-receiver-unknown',
      errors: [{ field: 'toHolderNumber', code: 'shareReceiverUnknown' }],
    });
    const adaNumber = (await officer.client.GET('/api/v1/cooperators', { params: { query: { q: 'lovelace' } } })).data!
      .items[0].number!;
    for (const toHolderNumber of ['M-999999', adaNumber]) {
      const wrong = await miaTransfers({ toHolderNumber, toHolderEmail: noahEmail });
      expect(wrong.error).toEqual(wrongEmail.error);
    }
    const noEmail = await miaTransfers({ toHolderNumber: noahNumber });
    expect(noEmail.error).toMatchObject({
      status: 400,
      errors: [{ field: 'toHolderEmail', message: 'is required for a transfer' }],
    });
    const byId = await mia.POST('/api/v1/me/share-operations', {
      body: {
        kind: 'transfer',
        holderId: miaMemberId,
        shareClassId: classB.id,
        quantity: 1,
        toHolderId: noahMemberId,
      } as Schemas['CreateMyShareOperationDto'],
    });
    expect(byId.response.status).toBe(400);
    const toHerself = await miaTransfers({
      toHolderNumber: await memberNumberOf(miaMemberId),
      toHolderEmail: miaPerson.email,
    });
    expect(toHerself.error).toMatchObject({ status: 400, errors: [{ code: 'shareReceiverIsHolder' }] });
    expect([await operationCount(), await transferApprovals()]).toEqual([operationsBefore, approvalsBefore]);

    // The number and e-mail as people type them.
    const asked = await miaTransfers({
      toHolderNumber: ` ${noahNumber.toLowerCase()} `,
      toHolderEmail: noahEmail.toUpperCase(),
    });
    expect(asked.response.status).toBe(201);
    expect(asked.data).toMatchObject({
      kind: 'transfer',
      state: 'pending',
      requestedVia: 'holder',
      toHolder: { memberId: noahMemberId, name: 'Noah Newman', cooperatorNumber: null },
    });
    expect(await transferApprovals()).toBe(approvalsBefore + 1);
    // The receiver sees it coming, but only the holder may withdraw it.
    expect((await noah.GET('/api/v1/me/share-operations')).data!.items.map((o) => o.id)).toEqual([asked.data!.id]);
    const byReceiver = await noah.POST('/api/v1/me/share-operations/{id}/withdraw', {
      params: { path: { id: asked.data!.id } },
    });
    expect(byReceiver.response.status).toBe(404);

    await approve(asked.data!.approvalRequestId!);
    const done = (
      await officer.client.GET('/api/v1/share-operations/{id}', { params: { path: { id: asked.data!.id } } })
    ).data!;
    expect(done).toMatchObject({ state: 'executed', effectiveOn: today });
    expect(done.movements.map((m) => [m.kind, m.firstNumber, m.lastNumber])).toEqual([
      ['transfer_out', 9, 9],
      ['transfer_in', 9, 9],
    ]);
    const rows = holdingsOf(await register(today));
    expect(rows.filter(([name]) => name === 'Mia Member' || name === 'Noah Newman')).toEqual([
      ['Mia Member', 2, '7–8', 5000],
      ['Noah Newman', 1, '9', 2500],
    ]);
    const noahShares = (await noah.GET('/api/v1/me/shares')).data!.own!;
    expect(noahShares).toMatchObject({
      cooperatorNumber: expect.stringMatching(/^C-\d{6}$/),
      holdings: [{ quantity: 1, shareNumbers: '9' }],
    });
    const received = await stack.sink.waitFor(
      (message) => message.to.includes(noahEmail) && message.subject.startsWith('Shares transferred to you'),
    );
    expect(received.text).toContain('Mia Member transferred 1 class B');
  });

  it('a receiver who may not hold the class is refused in words; a pending transfer is withdrawn once', async () => {
    const classF = (
      await admin.POST('/api/v1/share-classes', {
        body: {
          code: 'F',
          name: 'Founder shares',
          unitPrice: { amount: 10000, currency: 'EUR' },
          minShares: 1,
          holderKinds: ['individual'],
          makesMember: true,
          planId: cooperatorPlanId,
        },
      })
    ).data!;
    await issueShares({ memberId: miaMemberId }, classF.id, 2);
    const marie = { firstName: 'Marie', lastName: 'Curie', email: uniqueEmail('marie') };
    const company = await officer.client.POST('/api/v1/share-subscriptions', {
      body: {
        kind: 'organisation',
        shareClassId: classB.id,
        quantity: 1,
        organisation: {
          legalName: 'Curie Labs SRL',
          registrationNumber: 'BE 0888.777.666',
          address: { line1: 'Rue Royale 2', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
          representatives: [{ ...marie, role: 'Director', isContact: true }],
        },
        iban: 'BE71096123456769',
        locale: 'en',
        consent: true,
      },
    });
    expect(company.response.status).toBe(201);
    await approve(company.data!.approvalRequestId!);
    const companyMemberId = (
      await officer.client.GET('/api/v1/share-subscriptions/{id}', { params: { path: { id: company.data!.id } } })
    ).data!.holder.memberId!;
    // An organisation is named by its number and its contact person's e-mail.
    const receiver = { toHolderNumber: await memberNumberOf(companyMemberId), toHolderEmail: marie.email };
    const operationsBefore = await operationCount();

    const founder = await miaTransfers(receiver, classF.id);
    expect(founder.response.status).toBe(409);
    expect(founder.error).toMatchObject({
      type: 'urn:tessera:problem:share-operation-refused',
      detail: 'Class F shares cannot be held by organisations (Curie Labs SRL).',
    });
    expect(await operationCount()).toBe(operationsBefore);

    const asked = await miaTransfers(receiver);
    expect(asked.data).toMatchObject({ state: 'pending', toHolder: { name: 'Curie Labs SRL' } });
    const withdrawn = await mia.POST('/api/v1/me/share-operations/{id}/withdraw', {
      params: { path: { id: asked.data!.id } },
    });
    expect(withdrawn.data).toMatchObject({ state: 'withdrawn', decidedByName: 'Mia Member' });
    const again = await mia.POST('/api/v1/me/share-operations/{id}/withdraw', {
      params: { path: { id: asked.data!.id } },
    });
    expect(again.error).toMatchObject({ status: 409, detail: 'This operation was withdrawn already.' });
    const approval = await officer.client.GET('/api/v1/approvals/{id}', {
      params: { path: { id: asked.data!.approvalRequestId! } },
    });
    expect(approval.data).toMatchObject({ status: 'cancelled' });
    expect(holdingsOf(await register(today)).find(([name]) => name === 'Curie Labs SRL')).toBeUndefined();
  });

  it('a member who keeps naming receivers nobody is waits before naming any more', async () => {
    const miaNumber = await memberNumberOf(miaMemberId);
    const noahTransfers = (toHolderEmail: string) =>
      noah.POST('/api/v1/me/share-operations', {
        body: {
          kind: 'transfer',
          holderId: noahMemberId,
          shareClassId: classB.id,
          quantity: 1,
          toHolderNumber: miaNumber,
          toHolderEmail,
        },
      });
    for (let miss = 1; miss <= 10; miss += 1)
      expect((await noahTransfers(uniqueEmail(`guess-${miss}`))).response.status).toBe(400);
    const blocked = await noahTransfers(miaPerson.email);
    expect(blocked.response.status).toBe(429);
    expect(Number(blocked.response.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect((await noah.GET('/api/v1/me/share-operations')).data!.items.map((o) => o.state)).toEqual(['executed']);
  });

  describe('staff transfer shares to a person who is not a member yet', () => {
    let zoe: { memberId: string };
    const membersWith = async (email: string) =>
      (await officer.client.GET('/api/v1/members', { params: { query: { q: email } } })).data!.items;
    const toNewPerson = (toPerson: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
      officer.client.POST('/api/v1/share-operations', {
        body: {
          kind: 'transfer',
          holderId: zoe.memberId,
          shareClassId: classB.id,
          quantity: 2,
          toPerson: toPerson as Schemas['ShareReceiverPersonDto'],
          ...extra,
        },
      });

    beforeAll(async () => {
      zoe = await issueShares(
        { person: { firstName: 'Zoe', lastName: 'Giver', email: uniqueEmail('zoe') } },
        classB.id,
        6,
      );
    });

    it('approved, the new person is one new member and cooperator with the numbers, invited to the portal', async () => {
      const lea = { firstName: 'Léa', lastName: 'Newcomer', email: uniqueEmail('lea') };
      const asked = await toNewPerson({ ...lea, email: lea.email.toUpperCase(), locale: 'fr' });
      expect(asked.response.status).toBe(201);
      expect(asked.data).toMatchObject({ state: 'pending', toHolder: null, toPerson: lea });
      expect(await membersWith(lea.email)).toEqual([]);

      await approve(asked.data!.approvalRequestId!);
      const done = (
        await officer.client.GET('/api/v1/share-operations/{id}', { params: { path: { id: asked.data!.id } } })
      ).data!;
      expect(done).toMatchObject({
        state: 'executed',
        toPerson: lea,
        toHolder: { name: 'Léa Newcomer', cooperatorNumber: expect.stringMatching(/^C-\d{6}$/) },
      });
      const out = done.movements.find((m) => m.kind === 'transfer_out')!;
      const into = done.movements.find((m) => m.kind === 'transfer_in')!;
      expect([into.quantity, into.firstNumber, into.lastNumber]).toEqual([2, out.firstNumber, out.lastNumber]);
      const members = await membersWith(lea.email);
      expect(members.map((m) => m.id)).toEqual([done.toHolder!.memberId]);
      const cooperator = (await officer.client.GET('/api/v1/cooperators', { params: { query: { q: lea.email } } }))
        .data!.items;
      expect(cooperator).toMatchObject([{ number: done.toHolder!.cooperatorNumber, state: 'effective' }]);
      const invitation = await linkTokenFromEmail(stack.sink, lea.email, /^Activez votre compte/, '/activate');
      expect(invitation.token.length).toBeGreaterThan(20);
      const received = await stack.sink.waitFor(
        (message) => message.to.includes(lea.email) && message.subject.startsWith('Parts cédées à vous'),
        { description: 'the new holder’s certificate', timeoutMs: 10_000 },
      );
      expect(received.text).toContain('Zoe Giver');
      expect(received.attachments).toHaveLength(1);
    });

    it('a person with the e-mail of a member is that member: no second person, the shares go to them', async () => {
      const before = await membersWith(bob.email);
      expect(before).toHaveLength(1);
      const asked = await toNewPerson({ firstName: 'Robert', lastName: 'Typo', email: bob.email }, { quantity: 1 });
      expect(asked.response.status).toBe(201);
      await approve(asked.data!.approvalRequestId!);
      const done = (
        await officer.client.GET('/api/v1/share-operations/{id}', { params: { path: { id: asked.data!.id } } })
      ).data!;
      expect(done).toMatchObject({ state: 'executed', toHolder: { memberId: holders.bob.memberId } });
      expect((await membersWith(bob.email)).map((m) => [m.id, m.name])).toEqual([
        [holders.bob.memberId, 'Bob =Sum(1)'],
      ]);
    });

    it('refuses both receivers at once, or a person given wrongly, naming the field and writing nothing', async () => {
      const before = await operationCount();
      const both = await toNewPerson(
        { firstName: 'Both', lastName: 'Ways', email: uniqueEmail('both') },
        { toHolderId: holders.bob.memberId },
      );
      expect(both.response.status).toBe(400);
      expect(both.error).toMatchObject({
        errors: [{ field: 'toPerson', message: 'cannot be given with toHolderId: name one receiver' }],
      });
      const invalid = await toNewPerson({ firstName: '', lastName: 'Nobody', email: 'not-an-address' });
      expect(invalid.response.status).toBe(400);
      expect(invalid.response.headers.get('content-type')).toContain('application/problem+json');
      expect(invalid.error!.errors!.map((e) => e.field).sort()).toEqual(['toPerson.email', 'toPerson.firstName']);
      const redemption = await officer.client.POST('/api/v1/share-operations', {
        body: {
          kind: 'redemption',
          holderId: zoe.memberId,
          shareClassId: classB.id,
          quantity: 1,
          toPerson: { firstName: 'Not', lastName: 'Here', email: uniqueEmail('not-here') },
        },
      });
      expect(redemption.error).toMatchObject({
        status: 400,
        errors: [{ field: 'toPerson', message: 'is only for a transfer' }],
      });
      expect(await operationCount()).toBe(before);
    });
  });
});
