import { ShareReimbursementsService } from '../reimbursements/share-reimbursements.service';
import type { CreateShareOperationDto, ShareOperationDto } from '../share-operations/share-operation.dto';
import { ShareOperationsService } from '../share-operations/share-operations.service';
import { ShareRegisterService } from '../share-register/share-register.service';
import { approve, bootCooperative, subscribedHolder, type Booted } from './cooperative-testing';

describe('operations on shares against the real database', () => {
  let booted: Booted;
  let operations: ShareOperationsService;
  let register: ShareRegisterService;

  beforeAll(async () => {
    booted = await bootCooperative();
    operations = booted.moduleRef.get(ShareOperationsService);
    register = booted.moduleRef.get(ShareRegisterService);
  });
  afterAll(() => booted.moduleRef.close());

  const ask = (dto: Omit<CreateShareOperationDto, 'shareClassId'> & { shareClassId?: string }) =>
    operations.request({ shareClassId: booted.classB.id, ...dto }, { principal: booted.officer, via: 'staff' });
  const decide = async (operation: ShareOperationDto) => {
    await approve(booted.moduleRef, operation.approvalRequestId!, booted.officer);
    return operations.get(operation.id);
  };
  const cooperatorOf = async (memberId: string) => {
    const [row] = await booted.db.query(`SELECT id, state, number FROM cooperators WHERE member_id = $1`, [memberId]);
    return row as { id: string; state: string; number: string | null };
  };
  const held = async (memberId: string, code = 'B') => {
    const [{ n }] = await booted.db.query(
      `SELECT coalesce(sum(sm.quantity * sm.direction), 0)::int AS n FROM share_movements sm
         JOIN cooperators co ON co.id = sm.cooperator_id JOIN share_classes c ON c.id = sm.share_class_id
        WHERE co.member_id = $1 AND c.code = $2`,
      [memberId, code],
    );
    return n as number;
  };
  const emailsTo = async (email: string, template: string) => {
    const [{ n }] = await booted.db.query(
      `SELECT count(*)::int AS n FROM email_messages WHERE recipient = $1 AND template = $2`,
      [email, template],
    );
    return n as number;
  };

  it('a redemption takes the highest numbers out of the register and records the reimbursement due after the waiting period', async () => {
    const ann = await subscribedHolder(booted, booted.classB.id, 4, { firstName: 'Ann' });
    const asked = await ask({ kind: 'redemption', holderId: ann.memberId, quantity: 2, note: 'Moving abroad' });
    expect(asked).toMatchObject({
      state: 'pending',
      reference: expect.stringMatching(/^SOP-2026-\d{6}$/),
      movements: [],
    });
    expect(await emailsTo(ann.email, 'share-operation-received')).toBe(1);

    const done = await decide(asked);
    expect(done).toMatchObject({ state: 'executed', effectiveOn: '2026-03-02', decidedByName: 'Olga Officer' });
    const [issued] = await booted.db.query(
      `SELECT sm.last_number AS last FROM share_movements sm JOIN cooperators co ON co.id = sm.cooperator_id
        WHERE co.member_id = $1 AND sm.kind = 'issue'`,
      [ann.memberId],
    );
    expect(done.movements).toEqual([
      expect.objectContaining({
        kind: 'redemption',
        firstNumber: issued.last - 1,
        lastNumber: issued.last,
        quantity: 2,
      }),
    ]);
    expect(done.reimbursement).toMatchObject({
      state: 'due',
      amount: { amount: 5000, currency: 'EUR' },
      payableFrom: '2027-03-02',
      iban: 'BE71096123456769',
    });
    expect(await held(ann.memberId)).toBe(2);
    expect((await cooperatorOf(ann.memberId)).state).toBe('effective');
    expect(await emailsTo(ann.email, 'share-operation-outcome')).toBe(1);

    // Finance pays it: not before the waiting period, then once.
    const reimbursements = booted.moduleRef.get(ShareReimbursementsService);
    const id = done.reimbursement!.id;
    await expect(reimbursements.pay(id, { paidOn: '2027-03-01' }, booted.officer)).rejects.toMatchObject({
      problem: { status: 409, type: 'urn:tessera:problem:share-reimbursement-not-payable' },
    });
    await expect(reimbursements.pay(id, { paidOn: '2027-03-02' }, booted.officer)).resolves.toMatchObject({
      state: 'paid',
      paidOn: '2027-03-02',
      paidByName: 'Olga Officer',
    });
    await expect(reimbursements.pay(id, { paidOn: '2027-03-03' }, booted.officer)).rejects.toMatchObject({
      problem: { status: 409, detail: 'This reimbursement is paid already.' },
    });
  });

  it('two redemptions of the same shares approved at once: one executes, the other is refused and stays pending', async () => {
    const bea = await subscribedHolder(booted, booted.classB.id, 3, { firstName: 'Bea' });
    const first = await ask({ kind: 'redemption', holderId: bea.memberId, quantity: 3 });
    const second = await ask({ kind: 'redemption', holderId: bea.memberId, quantity: 3 });
    const outcomes = await Promise.allSettled([
      approve(booted.moduleRef, first.approvalRequestId!, booted.officer),
      approve(booted.moduleRef, second.approvalRequestId!, booted.officer),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!;
    expect(refused.reason.problem).toMatchObject({
      status: 409,
      type: 'urn:tessera:problem:share-operation-refused',
      detail: expect.stringMatching(/^Bea Holder \d+ holds 0 class B shares, not 3\.$/),
    });
    const states = (await Promise.all([operations.get(first.id), operations.get(second.id)])).map((o) => o.state);
    expect([...states].sort()).toEqual(['executed', 'pending']);
    expect(await held(bea.memberId)).toBe(0);
    const [{ n }] = await booted.db.query(
      `SELECT count(*)::int AS n FROM share_reimbursements WHERE operation_id = ANY($1::uuid[])`,
      [[first.id, second.id]],
    );
    expect(n).toBe(1);
    // Holding nothing any more, she is a former cooperator (keeping her number); the loser's approval is still open.
    expect(await cooperatorOf(bea.memberId)).toMatchObject({ state: 'former', number: expect.stringMatching(/^C-/) });
    const pending = states[0] === 'pending' ? first : second;
    const [approval] = await booted.db.query(`SELECT status FROM approval_requests WHERE id = $1`, [
      pending.approvalRequestId,
    ]);
    expect(approval.status).toBe('pending');
  });

  it('a transfer moves the numbers to a new holder, who becomes a cooperator with a certificate', async () => {
    const cy = await subscribedHolder(booted, booted.classB.id, 5, { firstName: 'Cy' });
    const dan = await subscribedHolder(booted, booted.classB.id, 1, { firstName: 'Dan', paid: false });
    expect(await cooperatorOf(dan.memberId)).toMatchObject({ state: 'candidate', number: null });
    const done = await decide(
      await ask({ kind: 'transfer', holderId: cy.memberId, quantity: 2, toHolderId: dan.memberId }),
    );
    expect(done.state).toBe('executed');
    const out = done.movements.find((m) => m.kind === 'transfer_out')!;
    const into = done.movements.find((m) => m.kind === 'transfer_in')!;
    expect([into.firstNumber, into.lastNumber]).toEqual([out.firstNumber, out.lastNumber]);
    expect(await held(cy.memberId)).toBe(3);
    expect(await held(dan.memberId)).toBe(2);
    const danCooperator = await cooperatorOf(dan.memberId);
    expect(danCooperator).toMatchObject({ state: 'effective', number: expect.stringMatching(/^C-\d{6}$/) });
    const [{ certificates }] = await booted.db.query(
      `SELECT count(*)::int AS certificates FROM share_certificates WHERE movement_id = $1 AND cooperator_id = $2`,
      [into.id, danCooperator.id],
    );
    expect(certificates).toBe(1);
    expect(await emailsTo(dan.email, 'share-transfer-received')).toBe(1);
    const [{ attachments }] = await booted.db.query(
      `SELECT jsonb_array_length(attachments)::int AS attachments FROM email_messages WHERE recipient = $1 AND template = 'share-transfer-received'`,
      [dan.email],
    );
    expect(attachments).toBe(1);
  });

  it('a conversion gives new numbers of the other class and records the value left over', async () => {
    const eli = await subscribedHolder(booted, booted.classB.id, 12, { firstName: 'Eli' });
    const asked = await ask({
      kind: 'conversion',
      holderId: eli.memberId,
      quantity: 11,
      toShareClassId: booted.classA.id,
    });
    expect(asked).toMatchObject({ toQuantity: 1, valueDifference: { amount: 2500, currency: 'EUR' } });
    // Keeping 1 of class B is fine (minimum 1); class A gets one share.
    const done = await decide(asked);
    expect(done.state).toBe('executed');
    expect(done.movements.map((m) => [m.kind, m.shareClassCode, m.quantity])).toEqual([
      ['conversion_out', 'B', 11],
      ['conversion_in', 'A', 1],
    ]);
    expect(await held(eli.memberId, 'B')).toBe(1);
    expect(await held(eli.memberId, 'A')).toBe(1);
  });

  it('an organisation redeems, converts and receives shares as a person does, its contact e-mailed', async () => {
    const org = await subscribedHolder(booted, booted.classB.id, 20, { organisation: 'Quanta SRL' });
    expect((await cooperatorOf(org.memberId)).state).toBe('effective');
    const redeemed = await decide(await ask({ kind: 'redemption', holderId: org.memberId, quantity: 2 }));
    expect(redeemed).toMatchObject({
      state: 'executed',
      holder: { name: org.name },
      reimbursement: { state: 'due', amount: { amount: 5000, currency: 'EUR' }, iban: 'BE71096123456769' },
    });
    expect(await emailsTo(org.email, 'share-operation-outcome')).toBe(1);

    const converted = await decide(
      await ask({ kind: 'conversion', holderId: org.memberId, quantity: 10, toShareClassId: booted.classA.id }),
    );
    expect(converted.movements.map((m) => [m.kind, m.shareClassCode, m.quantity])).toEqual([
      ['conversion_out', 'B', 10],
      ['conversion_in', 'A', 1],
    ]);

    const giver = await subscribedHolder(booted, booted.classB.id, 3, { firstName: 'Gus' });
    const transferred = await decide(
      await ask({ kind: 'transfer', holderId: giver.memberId, quantity: 2, toHolderId: org.memberId }),
    );
    expect(transferred.state).toBe('executed');
    expect(await emailsTo(org.email, 'share-transfer-received')).toBe(1);

    expect([await held(org.memberId, 'B'), await held(org.memberId, 'A')]).toEqual([10, 1]);
    const cooperator = await cooperatorOf(org.memberId);
    const certificates = await booted.db.query(
      `SELECT sm.kind FROM share_certificates sc JOIN share_movements sm ON sm.id = sc.movement_id
        WHERE sc.cooperator_id = $1 ORDER BY sm.kind`,
      [cooperator.id],
    );
    expect(certificates.map((c: { kind: string }) => c.kind)).toEqual(['conversion_in', 'issue', 'transfer_in']);
    // The register as of today holds the organisation by its name, one row per class.
    const today = await register.asOf(undefined);
    expect(
      today.holdings
        .filter((h) => h.holder.name === org.name)
        .map((h) => [h.shareClass.code, h.quantity])
        .sort(),
    ).toEqual([
      ['A', 1],
      ['B', 10],
    ]);
  });

  it('refuses at request time what cannot be done, writing nothing', async () => {
    const fay = await subscribedHolder(booted, booted.classB.id, 2, { firstName: 'Fay' });
    const [{ n: before }] = await booted.db.query(`SELECT count(*)::int AS n FROM share_operations`);
    await expect(ask({ kind: 'redemption', holderId: fay.memberId, quantity: 3 })).rejects.toMatchObject({
      problem: { status: 409, type: 'urn:tessera:problem:share-operation-refused' },
    });
    await expect(ask({ kind: 'transfer', holderId: fay.memberId, quantity: 1 })).rejects.toMatchObject({
      problem: { status: 400, errors: [{ field: 'toHolderId', message: 'is required for a transfer (or toPerson)' }] },
    });
    await expect(
      ask({ kind: 'redemption', holderId: fay.memberId, quantity: 1, toShareClassId: booted.classA.id }),
    ).rejects.toMatchObject({ problem: { status: 400, errors: [{ field: 'toShareClassId' }] } });
    await expect(
      ask({
        kind: 'transfer',
        holderId: fay.memberId,
        quantity: 1,
        toHolderId: '00000000-0000-4000-8000-000000000000',
      }),
    ).rejects.toMatchObject({
      problem: { status: 400, errors: [{ field: 'toHolderId', message: 'is not a member' }] },
    });
    const [{ n: after }] = await booted.db.query(`SELECT count(*)::int AS n FROM share_operations`);
    expect(after).toBe(before);
  });

  it('a transfer to a new person whose e-mail is a holder at the maximum is refused at approval, writing nothing', async () => {
    const giver = await subscribedHolder(booted, booted.classB.id, 3, { firstName: 'Ivo' });
    const full = await subscribedHolder(booted, booted.classB.id, 39, { firstName: 'Jo' });
    const [{ n: membersBefore }] = await booted.db.query(`SELECT count(*)::int AS n FROM members`);
    // Asked for, the person is nobody yet: an individual holding nothing, within the class's rules.
    const asked = await ask({
      kind: 'transfer',
      holderId: giver.memberId,
      quantity: 2,
      toPerson: { firstName: 'Jo', lastName: 'Again', email: full.email },
    });
    expect(asked).toMatchObject({ state: 'pending', toHolder: null, toPerson: { email: full.email } });
    await expect(approve(booted.moduleRef, asked.approvalRequestId!, booted.officer)).rejects.toMatchObject({
      problem: {
        status: 409,
        type: 'urn:tessera:problem:share-operation-refused',
        detail: expect.stringContaining(full.name),
      },
    });
    expect(await operations.get(asked.id)).toMatchObject({ state: 'pending', toHolder: null });
    expect([await held(giver.memberId), await held(full.memberId)]).toEqual([3, 39]);
    const [{ n: membersAfter }] = await booted.db.query(`SELECT count(*)::int AS n FROM members`);
    expect(membersAfter).toBe(membersBefore);
    // Nor can a transfer give the shares to the holder under a new name.
    await expect(
      ask({
        kind: 'transfer',
        holderId: giver.memberId,
        quantity: 1,
        toPerson: { firstName: 'I', lastName: 'Vo', email: giver.email },
      }),
    ).rejects.toMatchObject({ problem: { status: 400, errors: [{ field: 'toPerson.email' }] } });
  });

  it('the register totals equal the sum of the movements, in less out, per class', async () => {
    const today = await register.asOf(undefined);
    const sums = (await booted.db.query(
      `SELECT c.code, sum(sm.quantity * sm.direction)::int AS quantity, sum(sm.quantity * sm.direction * sm.unit_price)::int AS capital
         FROM share_movements sm JOIN share_classes c ON c.id = sm.share_class_id GROUP BY c.code ORDER BY c.code`,
    )) as { code: string; quantity: number; capital: number }[];
    expect(
      today.totals
        .map((t) => ({ code: t.shareClass.code, quantity: t.quantity, capital: t.capital.amount }))
        .sort((a, b) => a.code.localeCompare(b.code)),
    ).toEqual(sums);
    expect(today.movements.some((m) => m.direction === -1)).toBe(true);
    // And the holdings sum to the totals.
    const holdingsB = today.holdings.filter((h) => h.shareClass.code === 'B').reduce((sum, h) => sum + h.quantity, 0);
    expect(holdingsB).toBe(sums.find((s) => s.code === 'B')!.quantity);
  });
});
