import { Injectable } from '@nestjs/common';
import { BillingDocumentsService, formatDocumentMoney } from '@tessera/billing';
import { ProblemException } from '@tessera/core';
import { MembersService } from '@tessera/members';
import type { EmailAttachment } from '@tessera/notifications';
import type { ApprovalOutcomeContext } from '@tessera/approval';
import { ShareCertificatesService } from '../certificates/share-certificates.service';
import { ShareHolderIntakeService } from '../share-holders/share-holder-intake.service';
import { ShareClassesService, type ShareClass } from '../share-classes/share-classes.service';
import type { HolderKind } from '../share-classes/share-class.dto';
import { addDaysTo, conversionOf, operationRefusal, type HoldingFacts } from '../share-operation-checks';
import { highestShares, rangeSize, type PricedRange, type ShareRange } from '../share-register-arithmetic';
import { ShareRegisterRepository, type CooperatorRow } from '../share-register/share-register.repository';
import type { ExecutedFacts } from './share-operation.mailer';
import { ShareOperationMailer } from './share-operation.mailer';
import {
  ShareOperationRepository,
  type ShareOperationRow,
  type ShareReceiverPerson,
} from './share-operation.repository';
import { ShareOperationTransitionsService } from './share-operation-transitions.service';

/** What an operation is about before it exists: asked for now, or executed later. */
export interface OperationIntent {
  kind: ShareOperationRow['kind'];
  memberId: string;
  shareClassId: string;
  quantity: number;
  toMemberId: string | null;
  /** A transfer to a person who is not a member yet (until its approval names their record). */
  toPerson: ShareReceiverPerson | null;
  toShareClassId: string | null;
}

export const operationRefused = (detail: string) => ProblemException.conflict(detail, 'share-operation-refused');

/**
 * The checks and the effect of an operation on shares. Checks run when it is asked for and again
 * at execution, then on holdings whose cooperators are locked (in id order): two operations on the
 * same shares decided at once queue on the lock, and the second finds the shares gone. Execution
 * runs inside the approval decision's transaction: the register's rows, the reimbursement, the
 * certificates and the e-mails commit with the decision or not at all.
 */
@Injectable()
export class ShareOperationEffectsService {
  constructor(
    private readonly operations: ShareOperationRepository,
    private readonly register: ShareRegisterRepository,
    private readonly classes: ShareClassesService,
    private readonly members: MembersService,
    private readonly certificates: ShareCertificatesService,
    private readonly billing: BillingDocumentsService,
    private readonly mailer: ShareOperationMailer,
    private readonly transitions: ShareOperationTransitionsService,
    private readonly holders: ShareHolderIntakeService,
  ) {}

  /** The classes involved, and a conversion's quantity and value difference at nominal prices. */
  async classesOf(intent: OperationIntent): Promise<{
    from: ShareClass;
    to: ShareClass | null;
    conversion: { toQuantity: number; valueDifference: number } | null;
  }> {
    const from = await this.classes.byId(intent.shareClassId, true);
    if (!from) throw ProblemException.validation([{ field: 'shareClassId', message: 'is not a share class' }]);
    const to = intent.toShareClassId ? await this.classes.byId(intent.toShareClassId, true) : null;
    if (intent.toShareClassId && !to)
      throw ProblemException.validation([{ field: 'toShareClassId', message: 'is not a share class' }]);
    if (to && to.currency !== from.currency)
      throw ProblemException.validation([{ field: 'toShareClassId', message: 'is priced in another currency' }]);
    const conversion = to ? conversionOf(intent.quantity, from.unitPrice, to.unitPrice) : null;
    return { from, to, conversion };
  }

  /** 409 in words when the operation cannot be done on the holdings as they are now. */
  async assertPossible(intent: OperationIntent, held?: { from: number; to: number }): Promise<void> {
    const { from, to, conversion } = await this.classesOf(intent);
    const holder = await this.partyOf(intent.memberId);
    const receiverId = receiverIdOf(intent);
    // A new person's record does not exist before approval: an individual holding nothing yet.
    const receiver =
      receiverId === intent.memberId ? holder : receiverId ? await this.partyOf(receiverId) : newcomer(intent);
    const toClass = intent.kind === 'conversion' ? to! : from;
    const heldFrom = held?.from ?? (await this.register.heldBy(intent.memberId, from.id));
    const heldTo = held?.to ?? (receiverId ? await this.register.heldBy(receiverId, toClass.id) : 0);
    const refusal = operationRefusal({
      kind: intent.kind,
      quantity: intent.quantity,
      from: { ...holder, shareClass: from, held: heldFrom },
      to:
        intent.kind === 'redemption'
          ? undefined
          : {
              ...receiver,
              shareClass: toClass,
              held: heldTo,
              receives: intent.kind === 'conversion' ? conversion!.toQuantity : intent.quantity,
            },
      money: (minor) => formatDocumentMoney(minor, from.currency, 'en'),
    });
    if (refusal) throw operationRefused(refusal);
  }

  /**
   * The operation's date of effect: the one asked for, or today (the organisation's time zone) —
   * never before the latest movement of the holdings it changes, so the register read in date
   * order never takes out shares before they came in (409 when the date asked for is earlier).
   */
  async effectiveDateOf(intent: OperationIntent & { requestedEffectiveOn: string | null }): Promise<string> {
    const receiverId = receiverIdOf(intent) ?? intent.memberId;
    const last = await this.register.lastMovementOn([
      { memberId: intent.memberId, shareClassId: intent.shareClassId },
      { memberId: receiverId, shareClassId: intent.toShareClassId ?? intent.shareClassId },
    ]);
    const wanted = intent.requestedEffectiveOn ?? (await this.billing.today());
    if (last === null || wanted >= last) return wanted;
    if (intent.requestedEffectiveOn)
      throw operationRefused(
        `The date of effect cannot be before ${last}, the date of the latest movement of these shares.`,
      );
    return last;
  }

  /**
   * A transfer to a new person, on approval: their member record is made or matched as a share
   * subscription's holder is (never duplicated), and they become a candidate cooperator with a
   * portal account (created and invited, or found). `execute` then holds them to the class's rules
   * like any receiver. Their member id, for the approval to record; undefined for other operations.
   */
  async nameReceiver(row: ShareOperationRow, ctx: ApprovalOutcomeContext): Promise<string | undefined> {
    if (row.kind !== 'transfer' || row.toMemberId || !row.toPerson) return undefined;
    const { locale, ...person } = row.toPerson;
    const { from } = await this.classesOf(row);
    const memberId = await this.holders.makeOrMatch({
      holder: { person },
      shareClass: from,
      locale,
      source: { type: 'staff', id: ctx.actor.userId ?? null, reference: row.reference },
      actorUserId: ctx.actor.userId ?? null,
    });
    if (memberId === row.memberId)
      throw operationRefused(`${person.email} is the holder's own e-mail address: the shares would not change hands.`);
    await this.holders.makeCandidate(memberId, ctx.decidedAt, {
      origin: 'staff',
      sourceReference: row.reference,
      autoRegistered: false,
    });
    return memberId;
  }

  /**
   * Enters an approved operation in the register on its date of effect (after the locks):
   * the highest-numbered shares leave the holding; a redemption records the reimbursement due
   * after the statutory waiting period, a transfer gives the numbers to the receiver (made a
   * cooperator if new) with a certificate, a conversion issues new numbers of the other class.
   */
  async execute(row: ShareOperationRow, now: Date): Promise<ExecutedFacts> {
    const receiverId = receiverIdOf(row);
    if (!receiverId) throw new Error(`Transfer ${row.reference} executed before its receiver was named`);
    if (row.kind === 'transfer') await this.register.ensureCandidate(receiverId, now);
    const locked = await this.register.lockCooperators([row.memberId, receiverId]);
    const holder = locked.get(row.memberId);
    const receiver = locked.get(receiverId);
    const { from, to } = await this.classesOf(row);
    const toClass = row.kind === 'conversion' ? to! : from;
    const blocks = holder ? await this.register.blocksOf(holder.id, from.id) : [];
    const heldTo = receiver ? await this.register.heldBy(receiverId, toClass.id) : 0;
    await this.assertPossible(row, { from: blocks.reduce((sum, block) => sum + rangeSize(block), 0), to: heldTo });
    const effectiveOn = await this.effectiveDateOf(row);
    const taken = highestShares(blocks, row.quantity);
    const movement = { cooperatorId: holder!.id, shareClassId: from.id, currency: from.currency, effectiveOn };
    const out = row.kind === 'redemption' ? 'redemption' : row.kind === 'transfer' ? 'transfer_out' : 'conversion_out';
    for (const range of taken)
      await this.register.insertOperationMovement({ ...movement, kind: out, range, operationId: row.id, now });
    const facts: ExecutedFacts = { removed: taken, added: [], effectiveOn, reimbursement: null, attachments: [] };
    if (row.kind === 'redemption') facts.reimbursement = await this.reimburse(row, from.id, taken, effectiveOn, now);
    if (row.kind === 'transfer') await this.transferTo(row, receiver!, from, taken, effectiveOn, now);
    let valueDifference: number | undefined;
    if (row.kind === 'conversion') {
      const { range, certificate } = await this.convert(row, holder!, toClass, effectiveOn, now);
      facts.added = [range];
      facts.attachments = [certificate];
      valueDifference = valueOf(taken) - rangeSize(range) * row.toUnitPrice!;
    }
    await this.register.markFormerIfEmpty(holder!.id, now);
    await this.transitions.executed(row, { at: now, effectiveOn, valueDifference });
    return facts;
  }

  private async reimburse(
    row: ShareOperationRow,
    shareClassId: string,
    taken: PricedRange[],
    effectiveOn: string,
    now: Date,
  ): Promise<{ amount: number; payableFrom: string }> {
    const amount = valueOf(taken);
    const payableFrom = addDaysTo(effectiveOn, await this.operations.redemptionWaitingDays());
    await this.operations.insertReimbursement({
      operationId: row.id,
      memberId: row.memberId,
      shareClassId,
      quantity: row.quantity,
      amount,
      currency: row.currency,
      payableFrom,
      now,
    });
    return { amount, payableFrom };
  }

  private async transferTo(
    row: ShareOperationRow,
    receiver: CooperatorRow,
    shareClass: ShareClass,
    taken: PricedRange[],
    effectiveOn: string,
    now: Date,
  ): Promise<void> {
    const number = await this.register.ensureEffective(receiver, now);
    const attachments: EmailAttachment[] = [];
    for (const range of taken) {
      const movementId = await this.register.insertOperationMovement({
        kind: 'transfer_in',
        cooperatorId: receiver.id,
        shareClassId: shareClass.id,
        currency: shareClass.currency,
        range,
        effectiveOn,
        operationId: row.id,
        now,
      });
      const certificate = await this.certificateFor(row, receiver, number, shareClass, movementId, range, effectiveOn);
      attachments.push(certificate);
    }
    await this.mailer.transferred(row, { ranges: taken, cooperatorNumber: number, date: effectiveOn, attachments });
  }

  private async convert(
    row: ShareOperationRow,
    holder: CooperatorRow,
    toClass: ShareClass,
    effectiveOn: string,
    now: Date,
  ): Promise<{ range: ShareRange; certificate: EmailAttachment }> {
    const range = await this.register.takeShareNumbers(toClass.id, row.toQuantity!);
    const priced = { ...range, unitPrice: row.toUnitPrice! };
    const movementId = await this.register.insertOperationMovement({
      kind: 'conversion_in',
      cooperatorId: holder.id,
      shareClassId: toClass.id,
      currency: toClass.currency,
      range: priced,
      effectiveOn,
      operationId: row.id,
      now,
    });
    const certificate = await this.certificateFor(
      row,
      holder,
      holder.number!,
      toClass,
      movementId,
      priced,
      effectiveOn,
    );
    return { range, certificate };
  }

  private async certificateFor(
    row: ShareOperationRow,
    cooperator: CooperatorRow,
    number: string,
    shareClass: ShareClass,
    movementId: string,
    range: PricedRange,
    date: string,
  ): Promise<EmailAttachment> {
    const issued = await this.certificates.issue({
      movementId,
      cooperatorId: cooperator.id,
      cooperatorNumber: number,
      memberId: cooperator.memberId,
      shareClass: { code: shareClass.code, name: shareClass.name },
      range: { first: range.first, last: range.last },
      unitPrice: range.unitPrice,
      currency: shareClass.currency,
      date,
      subscriptionReference: row.reference,
      announce: false,
    });
    return issued.attachment;
  }

  /** A member's name and whether they are an individual or an organisation (404 when unknown). */
  private async partyOf(memberId: string): Promise<Pick<HoldingFacts, 'name'> & { holderKind: HolderKind }> {
    const member = await this.members.get(memberId);
    return { name: member.name, holderKind: member.kind === 'organisation' ? 'organisation' : 'individual' };
  }
}

/** Who receives the shares: the holder (redemption, conversion), a transfer's member — null while a new person. */
function receiverIdOf(intent: Pick<OperationIntent, 'kind' | 'memberId' | 'toMemberId'>): string | null {
  return intent.kind === 'transfer' ? intent.toMemberId : intent.memberId;
}

/** A transfer's new person as the class's rules see them. */
function newcomer(intent: OperationIntent): Pick<HoldingFacts, 'name'> & { holderKind: HolderKind } {
  const person = intent.toPerson;
  if (!person) throw new Error('A transfer names no receiver');
  return { name: `${person.firstName} ${person.lastName}`, holderKind: 'individual' };
}

/** The paid-up value of blocks of shares, in minor units. */
function valueOf(blocks: readonly PricedRange[]): number {
  return blocks.reduce((sum, block) => sum + rangeSize(block) * block.unitPrice, 0);
}
