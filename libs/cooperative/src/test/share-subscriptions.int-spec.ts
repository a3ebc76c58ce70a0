import { PaymentsService } from '@tessera/billing';
import type { ShareSubscriptionDto } from '../share-subscriptions/share-subscription.dto';
import { ShareSubscriptionsService } from '../share-subscriptions/share-subscriptions.service';
import { approve, bootCooperative, type Booted } from './cooperative-testing';

describe('share subscriptions against the real database', () => {
  let booted: Booted;
  let subscriptions: ShareSubscriptionsService;
  let payments: PaymentsService;
  let people = 0;

  beforeAll(async () => {
    booted = await bootCooperative();
    subscriptions = booted.moduleRef.get(ShareSubscriptionsService);
    payments = booted.moduleRef.get(PaymentsService);
  });
  afterAll(() => booted.moduleRef.close());

  const person = (firstName: string) => {
    people += 1;
    return { firstName, lastName: `Holder ${people}`, email: `${firstName.toLowerCase()}.${people}@example.test` };
  };
  const subscribe = (shareClassId: string, quantity: number, holder: { person: ReturnType<typeof person> }) =>
    subscriptions.submit(
      {
        kind: 'individual',
        shareClassId,
        quantity,
        ...holder,
        iban: 'BE71 0961 2345 6769',
        locale: 'en',
        consent: true,
      },
      booted.officer,
    );
  const approved = async (made: ShareSubscriptionDto) => {
    await approve(booted.moduleRef, made.approvalRequestId!, booted.officer);
    return subscriptions.get(made.id);
  };
  const pay = (made: ShareSubscriptionDto, amount = made.amount.amount) =>
    payments.record({
      memberId: made.holder.memberId!,
      amount,
      currency: 'EUR',
      method: 'bank-transfer',
      source: 'staff',
      paidOn: '2026-03-02',
      allocations: [{ documentId: made.capitalReleaseRequest!.id, amount }],
    });
  const movementsOf = (subscriptionIds: string[]) =>
    booted.db.query(
      `SELECT sm.subscription_id AS "subscriptionId", c.code, sm.first_number AS first, sm.last_number AS last,
              sm.quantity, co.number AS cooperator
         FROM share_movements sm JOIN share_classes c ON c.id = sm.share_class_id
         JOIN cooperators co ON co.id = sm.cooperator_id
        WHERE sm.subscription_id = ANY($1::uuid[]) ORDER BY c.code, sm.first_number`,
      [subscriptionIds],
    ) as Promise<
      { subscriptionId: string; code: string; first: number; last: number; quantity: number; cooperator: string }[]
    >;

  it('ten parallel entries for one holder and class: one is made, nine get a 409 naming it', async () => {
    const ann = person('Ann');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, () => subscribe(booted.classB.id, 2, { person: ann })),
    );
    const made = outcomes.filter((o): o is PromiseFulfilledResult<ShareSubscriptionDto> => o.status === 'fulfilled');
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(made).toHaveLength(1);
    expect(refused).toHaveLength(9);
    for (const { reason } of refused) {
      expect(reason.problem).toMatchObject({ status: 409, type: 'urn:tessera:problem:share-subscription-pending' });
      expect(reason.problem.detail).toBe(
        `${ann.firstName} ${ann.lastName} already has a request for class B shares under review (${made[0].value.reference}, made on 2 March 2026). Decide or cancel it before entering another.`,
      );
    }
    const [{ n }] = await booted.db.query(`SELECT count(*)::int AS n FROM share_subscriptions WHERE holder_key = $1`, [
      `person:${ann.email}`,
    ]);
    expect(n).toBe(1);
    // Another class is another request.
    await expect(subscribe(booted.classA.id, 1, { person: ann })).resolves.toMatchObject({ state: 'pending' });
  });

  it('refuses quantities outside the class bounds and a missing holder, writing nothing', async () => {
    const before = await booted.db.query(`SELECT count(*)::int AS n FROM share_subscriptions`);
    await expect(subscribe(booted.classB.id, 41, { person: person('Max') })).rejects.toMatchObject({
      problem: { status: 400, errors: [{ field: 'quantity', message: 'must be at most 40 (the maximum of class B)' }] },
    });
    await expect(
      subscriptions.submit(
        { kind: 'individual', shareClassId: booted.classB.id, quantity: 1, iban: 'BE71096123456769', consent: true },
        booted.officer,
      ),
    ).rejects.toMatchObject({ problem: { status: 400, errors: [{ field: 'person' }] } });
    expect(await booted.db.query(`SELECT count(*)::int AS n FROM share_subscriptions`)).toEqual(before);
  });

  it('two requests of one person approved at once make one holder; paid at once, share numbers follow without overlap', async () => {
    const eve = person('Eve');
    const other = person('Otto');
    const eveB = await subscribe(booted.classB.id, 4, { person: eve });
    const eveA = await subscribe(booted.classA.id, 1, { person: eve });
    const ottoB = await subscribe(booted.classB.id, 3, { person: other });
    const [b, a, o] = await Promise.all([approved(eveB), approved(eveA), approved(ottoB)]);

    expect(b.holder.memberId).toBe(a.holder.memberId);
    expect(o.holder.memberId).not.toBe(b.holder.memberId);
    const [{ persons, members, cooperators }] = await booted.db.query(
      `SELECT (SELECT count(*)::int FROM persons WHERE email = $1) AS persons,
              (SELECT count(*)::int FROM members m JOIN persons p ON p.id = m.person_id WHERE p.email = $1) AS members,
              (SELECT count(*)::int FROM cooperators WHERE member_id = $2 AND state = 'candidate') AS cooperators`,
      [eve.email, b.holder.memberId],
    );
    expect({ persons, members, cooperators }).toEqual({ persons: 1, members: 1, cooperators: 1 });
    for (const made of [b, a, o]) {
      expect(made.state).toBe('approved');
      expect(made.capitalReleaseRequest).toMatchObject({
        number: expect.stringMatching(/^CRR-2026-\d{6}$/),
        state: 'open',
        amount: made.amount,
        amountDue: made.amount,
        paymentReference: expect.stringMatching(/^RF\d{2}/),
      });
    }
    // CRR numbers are gapless.
    const numbers = [b, a, o].map((s) => Number(s.capitalReleaseRequest!.number.slice(-6))).sort((x, y) => x - y);
    expect(numbers[2] - numbers[0]).toBe(2);

    await Promise.all([pay(b), pay(a), pay(o)]);
    const movements = await movementsOf([b.id, a.id, o.id]);
    expect(movements.map((m) => [m.code, m.last - m.first + 1])).toEqual([
      ['A', 1],
      ['B', expect.any(Number)],
      ['B', expect.any(Number)],
    ]);
    const classB = movements.filter((m) => m.code === 'B');
    // Consecutive from the first B shares given in this test, and never overlapping.
    expect(classB[1].first).toBe(classB[0].last + 1);
    expect(classB.map((m) => m.quantity).sort()).toEqual([3, 4]);
    // Eve is one cooperator with one number for both classes.
    const eveRows = movements.filter((m) => m.subscriptionId !== o.id);
    expect(new Set(eveRows.map((m) => m.cooperator)).size).toBe(1);
    expect(eveRows[0].cooperator).toMatch(/^C-\d{6}$/);
    expect((await subscriptions.get(b.id)).state).toBe('paid');
    const certificates = await booted.db.query(
      `SELECT count(*)::int AS n FROM share_certificates c JOIN share_movements sm ON sm.id = c.movement_id
        WHERE sm.subscription_id = ANY($1::uuid[])`,
      [[b.id, a.id, o.id]],
    );
    expect(certificates).toEqual([{ n: 3 }]);
  });

  it('a capital release request paid twice at once issues one set of shares; the second payment is credit', async () => {
    const zoe = await approved(await subscribe(booted.classB.id, 5, { person: person('Zoe') }));
    const [first, second] = await Promise.all([pay(zoe), pay(zoe)]);
    expect(first.payment.id).not.toBe(second.payment.id);
    const movements = await movementsOf([zoe.id]);
    expect(movements).toHaveLength(1);
    expect(movements[0].quantity).toBe(5);
    const [{ credit }] = await booted.db.query(
      `SELECT sum(unallocated_amount)::int AS credit FROM billing_payments WHERE id = ANY($1::uuid[])`,
      [[first.payment.id, second.payment.id]],
    );
    expect(credit).toBe(zoe.amount.amount);
    const [{ certificates, emails }] = await booted.db.query(
      `SELECT (SELECT count(*)::int FROM share_certificates c JOIN share_movements sm ON sm.id = c.movement_id
                WHERE sm.subscription_id = $1) AS certificates,
              (SELECT count(*)::int FROM email_messages WHERE template = 'share-certificate' AND recipient = $2) AS emails`,
      [zoe.id, zoe.holder.email],
    );
    expect({ certificates, emails }).toEqual({ certificates: 1, emails: 1 });
  });

  it('a partial payment leaves the request approved and the release request partly paid, issuing nothing', async () => {
    const kim = await approved(await subscribe(booted.classB.id, 2, { person: person('Kim') }));
    await pay(kim, 2000);
    const after = await subscriptions.get(kim.id);
    expect(after.state).toBe('approved');
    expect(after.capitalReleaseRequest).toMatchObject({
      state: 'partially-paid',
      amountDue: { amount: 3000, currency: 'EUR' },
    });
    expect(await movementsOf([kim.id])).toEqual([]);
    const [{ state, number }] = await booted.db.query(`SELECT state, number FROM cooperators WHERE member_id = $1`, [
      kim.holder.memberId,
    ]);
    expect({ state, number }).toEqual({ state: 'candidate', number: null });
    // The rest pays it: now the shares come.
    await pay(kim, 3000);
    expect((await movementsOf([kim.id])).map((m) => m.quantity)).toEqual([2]);
  });

  it('stores the IBAN compact and in capitals however it is typed; the database takes no other form', async () => {
    const made = await subscriptions.submit(
      {
        kind: 'individual',
        shareClassId: booted.classB.id,
        quantity: 1,
        person: person('Ivy'),
        iban: ' be71 0961 2345 6769 ',
        locale: 'en',
        consent: true,
      },
      booted.officer,
    );
    expect(made.iban).toBe('BE71096123456769');
    await expect(
      booted.db.query(`UPDATE share_subscriptions SET iban = 'BE71 0961 2345 6769' WHERE id = $1`, [made.id]),
    ).rejects.toThrow(/share_subscriptions_iban_check/);
  });

  it('the register refuses to be edited', async () => {
    await expect(booted.db.query(`UPDATE share_movements SET quantity = quantity`)).rejects.toThrow(/append-only/);
    await expect(booted.db.query(`DELETE FROM share_movements`)).rejects.toThrow(/append-only/);
  });
});
