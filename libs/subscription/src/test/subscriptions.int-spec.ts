import type { TestingModule } from '@nestjs/testing';
import { plainToInstance } from 'class-transformer';
import {
  BillingDocumentQueriesService,
  BillingDocumentsService,
  isValidOgm,
  isValidRf,
  ListBillingDocumentsQueryDto,
} from '@tessera/billing';
import { MembersModule, MembersService } from '@tessera/members';
import { PlansModule, PlansService, type PlanDto } from '@tessera/plans';
import { createWorkerTestingModule } from '@tessera/testing';
import { DataSource } from 'typeorm';
import { SubscriptionModule } from '../subscription.module';
import { SubscriptionService } from '../subscription.service';

describe('subscriptions and their invoices against the real database', () => {
  let moduleRef: TestingModule;
  let subscriptions: SubscriptionService;
  let billing: BillingDocumentsService;
  let documents: BillingDocumentQueriesService;
  let members: MembersService;
  let db: DataSource;
  let yearly: PlanDto;
  let free: PlanDto;
  let counter = 0;

  beforeAll(async () => {
    moduleRef = await createWorkerTestingModule({
      imports: [SubscriptionModule, PlansModule, MembersModule],
      queues: [],
    });
    subscriptions = moduleRef.get(SubscriptionService);
    billing = moduleRef.get(BillingDocumentsService);
    documents = moduleRef.get(BillingDocumentQueriesService);
    members = moduleRef.get(MembersService);
    db = moduleRef.get(DataSource);
    const plans = moduleRef.get(PlansService);
    yearly = await plans.create({
      code: 'yearly',
      name: 'Yearly membership',
      applicantKinds: ['individual'],
      price: { amount: 6000, currency: 'EUR' },
      period: { count: 1, unit: 'year' },
      taxRateBps: 2100,
    } as never);
    free = await plans.create({
      code: 'free',
      name: 'Student membership',
      applicantKinds: ['individual'],
      price: { amount: 0, currency: 'EUR' },
      period: { count: 1, unit: 'year' },
    } as never);
  });
  afterAll(() => moduleRef.close());

  /** A new person member (upcoming) on a plan. */
  const newMember = async (planId: string) => {
    counter += 1;
    const { memberId } = await members.createOrMatchFromApplication({
      kind: 'person',
      planId,
      locale: 'en',
      source: { type: 'staff', id: null, reference: null },
      person: { firstName: 'Test', lastName: `Person ${counter}`, email: `person-${counter}@example.test` },
    });
    return memberId;
  };
  const subscribe = (memberId: string, planId: string, startDate?: string) =>
    subscriptions.subscribe({ memberId, planId, startDate, origin: { type: 'staff', id: null, reference: null } });
  const subscriptionRow = async (id: string) =>
    (await db.query(`SELECT state, end_reason FROM subscriptions WHERE id = $1`, [id]))[0];
  const memberStatus = async (id: string) =>
    (await db.query(`SELECT status FROM members WHERE id = $1`, [id]))[0].status;

  it('subscribes a member with a pending subscription and an open, numbered, referenced invoice', async () => {
    const memberId = await newMember(yearly.id);
    const outcome = await subscribe(memberId, yearly.id, '2026-03-15');
    if (!outcome.created) throw new Error('expected a subscription');
    expect(outcome.state).toBe('pending');
    const invoice = await documents.get(outcome.invoice.id);
    expect(invoice).toMatchObject({
      kind: 'invoice',
      state: 'open',
      number: expect.stringMatching(/^INV-\d{4}-\d{6}$/),
      totals: { net: { amount: 6000 }, tax: { amount: 1260 }, gross: { amount: 7260, currency: 'EUR' } },
      amountDue: { amount: 7260 },
      period: { start: '2026-03-15', end: '2027-03-14' },
      member: { id: memberId, name: expect.stringContaining('Test Person') },
    });
    expect(invoice.lines).toEqual([
      expect.objectContaining({
        description: 'Yearly membership',
        quantity: 1,
        taxRateBps: 2100,
        net: { amount: 6000, currency: 'EUR' },
      }),
    ]);
    const reference = invoice.paymentReference as string;
    expect(isValidRf(reference) || isValidOgm(reference)).toBe(true);
    expect(await subscriptionRow(outcome.subscriptionId)).toMatchObject({ state: 'pending' });
    expect(await memberStatus(memberId)).toBe('upcoming');
    // Its announcement (PDF and e-mail) waits in the outbox, written in the same transaction.
    const [{ n }] = await db.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE queue = 'billing' AND payload->>'documentId' = $1`,
      [invoice.id],
    );
    expect(n).toBe(1);
  });

  it('lists documents by member, kind, number, state, dates and overdue, with totals per currency', async () => {
    const memberId = await newMember(yearly.id);
    const outcome = await subscribe(memberId, yearly.id);
    if (!outcome.created) throw new Error('expected a subscription');
    const query = (filters: Record<string, unknown>) =>
      documents.list(plainToInstance(ListBillingDocumentsQueryDto, { page: 1, pageSize: 20, ...filters }));
    const mine = await query({ memberId });
    expect(mine.items.map((item) => item.id)).toEqual([outcome.invoice.id]);
    expect(mine.totals).toEqual([{ currency: 'EUR', gross: 7260, amountDue: 7260 }]);
    expect((await query({ number: outcome.invoice.number })).items).toHaveLength(1);
    expect((await query({ memberId, kind: 'credit-note' })).total).toBe(0);
    expect((await query({ memberId, state: 'open', issuedFrom: '2000-01-01', issuedTo: '2999-12-31' })).total).toBe(1);
    expect((await query({ memberId, overdue: true })).total).toBe(0); // due in 30 days
    expect((await query({ memberId, overdue: false })).total).toBe(1);
  });

  it('settles a zero invoice at once: the subscription is active and the member a Member', async () => {
    const memberId = await newMember(free.id);
    const outcome = await subscribe(memberId, free.id);
    if (!outcome.created) throw new Error('expected a subscription');
    expect(outcome.state).toBe('active');
    expect(outcome.invoice).toMatchObject({ state: 'paid', grossAmount: 0, paymentReference: null });
    expect(await subscriptionRow(outcome.subscriptionId)).toMatchObject({ state: 'active' });
    expect(await memberStatus(memberId)).toBe('member');
  });

  it('activates the subscription when its invoice is paid in full, not before', async () => {
    const memberId = await newMember(yearly.id);
    const outcome = await subscribe(memberId, yearly.id);
    if (!outcome.created) throw new Error('expected a subscription');
    const partly = await billing.allocate(outcome.invoice.id, 2000, null);
    expect(partly.state).toBe('partially-paid');
    expect(await subscriptionRow(outcome.subscriptionId)).toMatchObject({ state: 'pending' });
    await expect(billing.allocate(outcome.invoice.id, 5261, null)).rejects.toMatchObject({ status: 400 });
    const paid = await billing.allocate(outcome.invoice.id, 5260, null);
    expect(paid.state).toBe('paid');
    expect(await subscriptionRow(outcome.subscriptionId)).toMatchObject({ state: 'active' });
    expect(await memberStatus(memberId)).toBe('member');
  });

  it('credits an unpaid first invoice: a credit note, the subscription cancelled, the member a Non-member', async () => {
    const memberId = await newMember(yearly.id);
    const outcome = await subscribe(memberId, yearly.id);
    if (!outcome.created) throw new Error('expected a subscription');
    const creditNote = await billing.creditInvoice(outcome.invoice.id, 'Registered twice', { userId: null });
    expect(creditNote).toMatchObject({ kind: 'credit-note', state: 'issued', grossAmount: 7260, dueDate: null });
    expect(creditNote.number).toMatch(/^CN-\d{4}-\d{6}$/);
    const invoice = await documents.get(outcome.invoice.id);
    expect(invoice).toMatchObject({ state: 'credited', amountDue: { amount: 0 }, reason: 'Registered twice' });
    expect(invoice.related).toEqual([expect.objectContaining({ id: creditNote.id, relation: 'credited-by' })]);
    expect(await subscriptionRow(outcome.subscriptionId)).toMatchObject({ state: 'cancelled' });
    expect(await memberStatus(memberId)).toBe('non-member');
    // Crediting again answers with the same credit note; a paid invoice cannot be credited.
    expect((await billing.creditInvoice(outcome.invoice.id, 'Again', { userId: null })).id).toBe(creditNote.id);
    const other = await subscribe(await newMember(yearly.id), yearly.id);
    if (!other.created) throw new Error('expected a subscription');
    await billing.allocate(other.invoice.id, 100, null);
    await expect(billing.creditInvoice(other.invoice.id, 'Too late', { userId: null })).rejects.toMatchObject({
      status: 409,
    });
  });

  it('gives one live subscription to a member subscribed 20 times at once', async () => {
    const memberId = await newMember(yearly.id);
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => subscribe(memberId, yearly.id)));
    expect(outcomes.filter((outcome) => outcome.created)).toHaveLength(1);
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM subscriptions WHERE member_id = $1`, [memberId]);
    expect(n).toBe(1);
    const [{ invoices }] = await db.query(
      `SELECT count(*)::int AS invoices FROM billing_documents WHERE member_id = $1`,
      [memberId],
    );
    expect(invoices).toBe(1);
  });

  it('numbers 20 invoices issued at once consecutively, without gaps', async () => {
    const memberIds = await Promise.all(Array.from({ length: 20 }, () => newMember(yearly.id)));
    const outcomes = await Promise.all(memberIds.map((memberId) => subscribe(memberId, yearly.id)));
    const numbers = outcomes
      .map((outcome) => (outcome.created ? Number(outcome.invoice.number.slice(-6)) : NaN))
      .sort((a, b) => a - b);
    expect(numbers.every((number, i) => number === numbers[0] + i)).toBe(true);
    const [{ max, count }] = await db.query(
      `SELECT max(right(number, 6)::int) AS max, count(*)::int AS count FROM billing_documents WHERE kind = 'invoice'`,
    );
    expect(max).toBe(count); // every invoice number of the year so far, from 1, none skipped
  });

  it('rolls everything back when issuing the invoice fails, and gives its number back', async () => {
    const memberId = await newMember(yearly.id);
    const [{ before }] = await db.query(
      `SELECT coalesce(max(last_number), 0) AS before FROM billing_number_series WHERE series = 'INV'`,
    );
    await db.query(`
      CREATE FUNCTION refuse_lines() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the disk is full'; END $$`);
    await db.query(
      `CREATE TRIGGER refuse_lines BEFORE INSERT ON billing_document_lines FOR EACH ROW EXECUTE FUNCTION refuse_lines()`,
    );
    try {
      await expect(subscribe(memberId, yearly.id)).rejects.toThrow(/the disk is full/);
    } finally {
      await db.query(`DROP TRIGGER refuse_lines ON billing_document_lines; DROP FUNCTION refuse_lines()`);
    }
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM subscriptions WHERE member_id = $1`, [memberId]);
    expect(n).toBe(0);
    const [{ after }] = await db.query(
      `SELECT coalesce(max(last_number), 0) AS after FROM billing_number_series WHERE series = 'INV'`,
    );
    expect(after).toBe(before);
    const retried = await subscribe(memberId, yearly.id);
    expect(retried.created && Number(retried.invoice.number.slice(-6))).toBe(before + 1);
  });

  it('confirms a pro-forma into one invoice, also when confirmed twice at once', async () => {
    const memberId = await newMember(yearly.id);
    const proForma = await billing.issue({
      kind: 'pro-forma',
      memberId,
      currency: 'EUR',
      lines: [{ description: 'Renewal', quantity: 1, unitPrice: 6000, taxRateBps: 2100 }],
      subject: { type: 'test', id: memberId },
    });
    expect(proForma.number).toMatch(/^PRO-\d{4}-\d{6}$/);
    const [a, b] = await Promise.all([
      billing.confirmProForma(proForma.id, { userId: null }),
      billing.confirmProForma(proForma.id, { userId: null }),
    ]);
    expect(a.id).toBe(b.id);
    expect(a).toMatchObject({ kind: 'invoice', state: 'open', relatedDocumentId: proForma.id, grossAmount: 7260 });
    const detail = await documents.get(proForma.id);
    expect(detail).toMatchObject({ state: 'confirmed', amountDue: { amount: 0 } });
    await expect(billing.declineProForma(proForma.id, 'Not renewing')).rejects.toMatchObject({ status: 409 });
  });

  it('ends an active subscription on a date and cancels a pending one; refuses to end twice', async () => {
    const active = await subscribe(await newMember(free.id), free.id, '2026-01-10');
    const pending = await subscribe(await newMember(yearly.id), yearly.id);
    if (!active.created || !pending.created) throw new Error('expected subscriptions');
    await expect(subscriptions.end(active.subscriptionId, 'Moved', '2026-01-09', null)).rejects.toMatchObject({
      status: 400,
    });
    await subscriptions.end(active.subscriptionId, 'Moved abroad', '2026-06-30', null);
    const [ended] = await db.query(
      `SELECT state, to_char(ends_on, 'YYYY-MM-DD') AS ends_on FROM subscriptions WHERE id = $1`,
      [active.subscriptionId],
    );
    expect(ended).toEqual({ state: 'ended', ends_on: '2026-06-30' });
    await subscriptions.end(pending.subscriptionId, 'Changed their mind', '2026-06-30', null);
    expect(await subscriptionRow(pending.subscriptionId)).toEqual({
      state: 'cancelled',
      end_reason: 'Changed their mind',
    });
    await expect(subscriptions.end(active.subscriptionId, 'Again', '2026-07-01', null)).rejects.toMatchObject({
      status: 409,
    });
  });
});
