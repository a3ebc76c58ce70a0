import type { TesseraClient } from '@tessera/api-client';
import { MembersService } from '@tessera/members';
import { DataSource } from 'typeorm';
import { approvedMember } from '../browser/approved-member';
import { pdfQrCodes } from '../support/pdf-qr-code';
import { pdfText } from '../support/pdf-text';
import { activatedStaff, type StaffSession } from '../support/staff';
import { ADMIN, authorized, startStack, uniqueEmail, type Stack } from '../support/stack';

/**
 * The portal's home and the membership card over HTTP: GET /me/membership says where the
 * membership stands and what is due; a member in force gets a card (PDF, only their own) whose QR
 * link verifies publicly — "valid until …" and the name, nothing else — and stops verifying when
 * the status engine makes them an ex-member or the card is replaced.
 */
describe('membership home and card (API over HTTP)', () => {
  let stack: Stack;
  let admin: TesseraClient;
  let approver: StaffSession;
  let planId: string;

  beforeAll(async () => {
    stack = await startStack();
    const session = await stack.client.POST('/api/v1/auth/login', { body: ADMIN });
    admin = authorized(stack, session.data!.accessToken);
    approver = await activatedStaff(stack, admin, 'Card Approver', ['approver']);
    const flow = await admin.POST('/api/v1/approval-flows', {
      body: {
        name: 'Cards',
        subjectType: 'application',
        levels: [{ name: 'Review', approverUserIds: [approver.id], policy: 'any', dueInDays: 3 }],
      },
    });
    const plan = await admin.POST('/api/v1/plans', {
      body: {
        code: 'card-yearly',
        name: 'Card membership',
        applicantKinds: ['individual'],
        price: { amount: 4000, currency: 'EUR' },
        period: { count: 1, unit: 'year' },
        approvalFlowId: flow.data!.id,
      },
    });
    planId = plan.data!.id;
  });
  afterAll(() => stack.stop());

  async function member(firstName: string, lastName: string) {
    const email = uniqueEmail(firstName.toLowerCase());
    const { token } = await approvedMember(stack, admin, approver, planId, {
      firstName,
      lastName,
      email,
      password: `Member-Password-${firstName}-1`,
    });
    const client = authorized(stack, token);
    const memberId = (await client.GET('/api/v1/me')).data!.member!.id;
    return { email, token, client, memberId, name: `${firstName} ${lastName}` };
  }

  /** Finance records a payment of the member's first invoice (the status becomes Member). */
  async function payFirstInvoice(memberId: string, documentId: string, amount: number, date: string) {
    const paid = await admin.POST('/api/v1/payments', {
      body: {
        memberId,
        amount: { amount, currency: 'EUR' },
        method: 'bank-transfer',
        date,
        allocations: [{ documentId, amount }],
      },
    });
    expect(paid.response.status).toBe(201);
  }

  const get = (path: string, token?: string) =>
    fetch(`${stack.baseUrl}/api/v1${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const verify = async (url: string) => {
    const response = await get(`/verify/${new URL(url).pathname.split('/').pop()}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('shows an upcoming member their status and why, the period, what is due, and no card yet', async () => {
    const ada = await member('Ada', 'Lovelace');
    const home = await ada.client.GET('/api/v1/me/membership');
    expect(home.response.status).toBe(200);
    const summary = home.data!;
    expect(summary).toMatchObject({
      member: { id: ada.memberId, name: 'Ada Lovelace', kind: 'person' },
      status: 'upcoming',
      statusReason: expect.stringMatching(/approved/i),
      plan: { id: planId, name: 'Card membership' },
      subscription: { state: 'pending', currentPeriod: { start: expect.any(String), end: expect.any(String) } },
      amountDue: [{ amount: 4000, currency: 'EUR' }],
      documentsDue: 1,
      payNext: { kind: 'invoice', amountDue: { amount: 4000, currency: 'EUR' } },
      card: { valid: false, validUntil: null },
    });
    const card = await ada.client.GET('/api/v1/me/card');
    expect(card.data).toEqual({ valid: false, validUntil: null, issuedAt: null, verifyUrl: null });
    const pdf = await get('/me/card.pdf', ada.token);
    expect(pdf.status).toBe(409);
    expect(await pdf.json()).toMatchObject({ type: 'urn:tessera:problem:card-not-available' });

    await payFirstInvoice(ada.memberId, summary.payNext!.id, 4000, summary.subscription!.currentPeriod.start);
    const paid = (await ada.client.GET('/api/v1/me/membership')).data!;
    expect(paid).toMatchObject({
      status: 'member',
      statusReason: expect.stringContaining(summary.payNext!.number),
      subscription: { state: 'active' },
      amountDue: [],
      documentsDue: 0,
      payNext: null,
      card: { valid: true, validUntil: summary.subscription!.currentPeriod.end },
    });
  });

  it('serves a member in force their card, whose QR link verifies with the name and date only', async () => {
    const grace = await member('Grace', 'Hopper');
    const home = (await grace.client.GET('/api/v1/me/membership')).data!;
    await payFirstInvoice(grace.memberId, home.payNext!.id, 4000, home.subscription!.currentPeriod.start);
    const periodEnd = home.subscription!.currentPeriod.end;

    const card = (await grace.client.GET('/api/v1/me/card')).data!;
    expect(card).toMatchObject({ valid: true, validUntil: periodEnd, issuedAt: expect.any(String) });
    expect(card.verifyUrl).toMatch(/^https?:\/\/[^/]+\/verify\/[A-Za-z0-9_-]{43}$/);
    // Asked again, the same card.
    expect((await grace.client.GET('/api/v1/me/card')).data).toEqual(card);

    const response = await get('/me/card.pdf', grace.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toContain('no-store');
    const pdf = Buffer.from(await response.arrayBuffer());
    const again = Buffer.from(await (await get('/me/card.pdf', grace.token)).arrayBuffer());
    expect(again.equals(pdf)).toBe(true);
    const text = await pdfText(pdf);
    for (const expected of ['Grace Hopper', 'M-', 'Card membership', 'Valid until', 'Scan to verify'])
      expect(text).toContain(expected);

    // The QR code printed on the card carries that link.
    expect(await pdfQrCodes(pdf)).toEqual([card.verifyUrl]);
    const verified = await verify(card.verifyUrl!);
    expect(verified).toEqual({ status: 200, body: { valid: true, validUntil: periodEnd, name: 'Grace Hopper' } });
    const forged = await get(`/verify/${'A'.repeat(43)}`);
    expect(forged.status).toBe(404);
    expect(forged.headers.get('content-type')).toContain('application/problem+json');
  });

  it('serves each member only their own card, and no one who is not signed in as a member', async () => {
    const [hedy, alan] = [await member('Hedy', 'Lamarr'), await member('Alan', 'Turing')];
    for (const person of [hedy, alan]) {
      const home = (await person.client.GET('/api/v1/me/membership')).data!;
      await payFirstInvoice(person.memberId, home.payNext!.id, 4000, home.subscription!.currentPeriod.start);
    }
    const [hedyCard, alanCard] = [
      (await hedy.client.GET('/api/v1/me/card')).data!,
      (await alan.client.GET('/api/v1/me/card')).data!,
    ];
    expect(hedyCard.verifyUrl).not.toBe(alanCard.verifyUrl);
    const alanText = await pdfText(Buffer.from(await (await get('/me/card.pdf', alan.token)).arrayBuffer()));
    expect(alanText).toContain('Alan Turing');
    expect(alanText).not.toContain('Hedy');
    expect((await get('/me/card.pdf')).status).toBe(401);
    expect((await get('/me/card')).status).toBe(401);
    expect((await get('/me/card.pdf', approver.token)).status).toBe(403);
  });

  it('stops verifying when the member becomes an ex-member, and a card issued before never verifies again', async () => {
    const mary = await member('Mary', 'Somerville');
    const home = (await mary.client.GET('/api/v1/me/membership')).data!;
    await payFirstInvoice(mary.memberId, home.payNext!.id, 4000, home.subscription!.currentPeriod.start);
    const card = (await mary.client.GET('/api/v1/me/card')).data!;
    expect((await verify(card.verifyUrl!)).body).toMatchObject({ valid: true });

    // What the status engine does when a membership ends.
    const members = stack.api.get(MembersService);
    await members.changeStatus(mary.memberId, 'ex-member', 'Membership terminated');
    expect((await verify(card.verifyUrl!)).body).toEqual({ valid: false, validUntil: null, name: 'Mary Somerville' });
    expect((await mary.client.GET('/api/v1/me/card')).data).toMatchObject({ valid: false, verifyUrl: null });
    expect((await get('/me/card.pdf', mary.token)).status).toBe(409);
    expect((await mary.client.GET('/api/v1/me/membership')).data).toMatchObject({
      status: 'ex-member',
      statusReason: 'Membership terminated',
      card: { valid: false },
    });

    // Back in force (rejoined): a new card; the old one stays void.
    await members.changeStatus(mary.memberId, 'member', 'Rejoined');
    const renewed = (await mary.client.GET('/api/v1/me/card')).data!;
    expect(renewed).toMatchObject({ valid: true });
    expect(renewed.verifyUrl).not.toBe(card.verifyUrl);
    expect((await verify(renewed.verifyUrl!)).body).toMatchObject({ valid: true, name: 'Mary Somerville' });
    expect((await verify(card.verifyUrl!)).body).toMatchObject({ valid: false });
  });

  it('replaces a lost card: the old link stops verifying at once; two at once leave one card in force', async () => {
    const katherine = await member('Katherine', 'Johnson');
    const home = (await katherine.client.GET('/api/v1/me/membership')).data!;
    await payFirstInvoice(katherine.memberId, home.payNext!.id, 4000, home.subscription!.currentPeriod.start);
    const lost = (await katherine.client.GET('/api/v1/me/card')).data!;

    const replacements = await Promise.all([1, 2].map(() => katherine.client.POST('/api/v1/me/card/replace')));
    expect(replacements.map((answer) => answer.response.status)).toEqual([200, 200]);
    const urls = new Set(replacements.map((answer) => answer.data!.verifyUrl));
    const current = (await katherine.client.GET('/api/v1/me/card')).data!;
    expect(urls.has(current.verifyUrl)).toBe(true);
    expect(current.verifyUrl).not.toBe(lost.verifyUrl);
    const live = (await stack.api
      .get(DataSource)
      .query(`SELECT count(*)::int AS n FROM membership_cards WHERE member_id = $1 AND revoked_at IS NULL`, [
        katherine.memberId,
      ])) as { n: number }[];
    expect(live[0].n).toBe(1);
    expect((await verify(lost.verifyUrl!)).body).toEqual({ valid: false, validUntil: null, name: 'Katherine Johnson' });
    expect((await verify(current.verifyUrl!)).body).toMatchObject({ valid: true, name: 'Katherine Johnson' });
  });
});
