import type { TestingModule } from '@nestjs/testing';
import type { Principal } from '@tessera/core';
import { PlansModule, PlansService, type PlanDto } from '@tessera/plans';
import { createWorkerTestingModule } from '@tessera/testing';
import { UsersService } from '@tessera/users';
import { DataSource } from 'typeorm';
import { OrdersModule } from '../orders.module';
import { OrdersService } from '../orders.service';

describe('orders against the real database', () => {
  let moduleRef: TestingModule;
  let orders: OrdersService;
  let db: DataSource;
  let yearly: PlanDto;
  let family: PlanDto;
  let retired: PlanDto;
  let dollars: PlanDto;
  const staff: Principal = { kind: 'user', userId: '', roles: ['officer'], sessionId: '' } as Principal;

  beforeAll(async () => {
    moduleRef = await createWorkerTestingModule({ imports: [OrdersModule, PlansModule], queues: [] });
    orders = moduleRef.get(OrdersService);
    db = moduleRef.get(DataSource);
    const plans = moduleRef.get(PlansService);
    const plan = (code: string, amount: number, currency = 'EUR') =>
      plans.create({
        code,
        name: `Plan ${code}`,
        applicantKinds: ['individual'],
        price: { amount, currency },
        period: { count: 1, unit: 'year' },
      });
    [yearly, family, retired, dollars] = [
      await plan('yearly', 6000),
      await plan('family', 9000),
      await plan('retired', 100),
      await plan('usd', 5000, 'USD'),
    ];
    await plans.update(retired.id, { active: false });
    await moduleRef.get(UsersService).seedUser({
      email: 'seller@example.test',
      name: 'Sam Seller',
      roles: ['officer'],
      password: 'Seller-Password-2026!',
    });
    const [{ id }] = await db.query(`SELECT id FROM users WHERE email = 'seller@example.test'`);
    Object.assign(staff, { userId: id });
  });
  afterAll(() => moduleRef.close());

  const sell = (email: string, lines = [{ planId: yearly.id }]) =>
    orders.create({ customer: { email, name: 'Chris Customer', locale: 'en' }, lines }, staff);
  const invitationsTo = async (email: string): Promise<number> =>
    (
      await db.query(
        `SELECT count(*)::int AS n FROM email_messages WHERE recipient = $1 AND template = 'portal-invitation'`,
        [email],
      )
    )[0].n;

  it('records a pending order priced from the plans, with a reference', async () => {
    const order = await sell('buyer@example.test', [
      { planId: yearly.id },
      { planId: family.id, quantity: 2 } as never,
    ]);
    expect(order).toMatchObject({
      reference: expect.stringMatching(/^ORD-\d{4}-\d{6}$/),
      status: 'pending',
      source: 'staff',
      total: { amount: 24000, currency: 'EUR' },
      portalAccountCreated: null,
      message: null,
    });
    expect(order.lines.map((line) => [line.planName, line.quantity, line.total.amount])).toEqual([
      ['Plan yearly', 1, 6000],
      ['Plan family', 2, 18000],
    ]);
  });

  it('refuses lines on inactive or unknown plans, or in mixed currencies, and stores nothing', async () => {
    const [{ before }] = await db.query(`SELECT count(*)::int AS before FROM orders`);
    await expect(
      sell('x@example.test', [{ planId: retired.id }, { planId: '00000000-0000-4000-8000-000000000000' }]),
    ).rejects.toMatchObject({
      problem: expect.objectContaining({
        status: 400,
        errors: [
          { field: 'lines.0.planId', message: 'is not an active plan' },
          { field: 'lines.1.planId', message: 'is not an active plan' },
        ],
      }),
    });
    await expect(sell('x@example.test', [{ planId: yearly.id }, { planId: dollars.id }])).rejects.toMatchObject({
      problem: expect.objectContaining({ errors: [{ field: 'lines', message: 'must all be priced in one currency' }] }),
    });
    const [{ after }] = await db.query(`SELECT count(*)::int AS after FROM orders`);
    expect(after).toBe(before);
  });

  it('creates the portal account on confirmation, and answers a repeat exactly as the first time', async () => {
    const order = await sell('new.customer@example.test');
    const first = await orders.confirm(order.id);
    expect(first).toEqual({
      id: order.id,
      reference: order.reference,
      status: 'confirmed',
      portalAccountCreated: true,
      message: 'Your account has been created — check your e-mail to activate it.',
    });
    expect(await orders.confirm(order.id)).toEqual(first);
    expect(await invitationsTo('new.customer@example.test')).toBe(1);
    const [account] = await db.query(
      `SELECT pa.origin, pa.source_reference, pa.auto_created FROM portal_accounts pa JOIN users u ON u.id = pa.user_id WHERE u.email = 'new.customer@example.test'`,
    );
    expect(account).toEqual({ origin: 'order', source_reference: order.reference, auto_created: true });
  });

  it('gives 20 parallel confirmations of one order one account, one invitation and one answer', async () => {
    const order = await sell('rush@example.test');
    const answers = await Promise.all(Array.from({ length: 20 }, () => orders.confirm(order.id)));
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0].portalAccountCreated).toBe(true);
    expect(await invitationsTo('rush@example.test')).toBe(1);
  });

  it('gives concurrent confirmations of different orders for one e-mail one account between them', async () => {
    const sales = await Promise.all(Array.from({ length: 5 }, () => sell('twice@example.test')));
    const answers = await Promise.all(sales.map((sale) => orders.confirm(sale.id)));
    expect(answers.filter((answer) => answer.portalAccountCreated)).toHaveLength(1);
    expect(answers.filter((answer) => !answer.portalAccountCreated).map((answer) => answer.message)).toEqual(
      Array(4).fill('Your account is waiting to be activated — check your e-mail for the invitation.'),
    );
    expect(await invitationsTo('twice@example.test')).toBe(1);
  });

  it('tells an existing active account holder to sign in, creating nothing', async () => {
    const order = await sell('SELLER@example.test');
    expect(await orders.confirm(order.id)).toMatchObject({
      portalAccountCreated: true,
      message: 'Your account has been created — check your e-mail to activate it.',
    });
    // The seller already had a password: the account is active, and no invitation was needed.
    expect(await invitationsTo('seller@example.test')).toBe(0);
    const again = await orders.confirm((await sell('seller@example.test')).id);
    expect(again).toMatchObject({
      portalAccountCreated: false,
      message: 'Your purchase has been added to your account — sign in to see it.',
    });
  });

  it('cancels a pending order with a reason; a cancelled order cannot be confirmed, a confirmed one not cancelled', async () => {
    const order = await sell('cancel@example.test');
    expect(await orders.cancel(order.id, 'Customer changed their mind')).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Customer changed their mind',
    });
    await expect(orders.confirm(order.id)).rejects.toMatchObject({
      problem: expect.objectContaining({
        status: 409,
        detail: 'This order is cancelled; it can no longer be confirmed.',
      }),
    });
    await expect(orders.cancel(order.id, 'again')).rejects.toMatchObject({
      problem: expect.objectContaining({ status: 409, detail: 'This order is already cancelled.' }),
    });
    const confirmed = await sell('kept@example.test');
    await orders.confirm(confirmed.id);
    await expect(orders.cancel(confirmed.id, 'too late')).rejects.toMatchObject({
      problem: expect.objectContaining({ status: 409 }),
    });
    expect(await invitationsTo('cancel@example.test')).toBe(0);
  });

  it('lists orders newest first, filtered by status and text', async () => {
    const page = await orders.list({ page: 1, pageSize: 50, offset: 0, q: 'rush@' } as never);
    expect(page.items.map((order) => order.customer.email)).toEqual(['rush@example.test']);
    const cancelled = await orders.list({ page: 1, pageSize: 50, offset: 0, status: 'cancelled' } as never);
    expect(cancelled.items.every((order) => order.status === 'cancelled')).toBe(true);
    expect(cancelled.total).toBe(1);
  });
});
