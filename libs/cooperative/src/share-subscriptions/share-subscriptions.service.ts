import { Injectable } from '@nestjs/common';
import { ApprovalService } from '@tessera/approval';
import { BillingDocumentsService, formatDocumentDate } from '@tessera/billing';
import {
  Clock,
  formatYearlyReference,
  isUniqueViolation,
  pageOf,
  ProblemException,
  problemType,
  Transactions,
  userIdOf,
  type Page,
  type Principal,
} from '@tessera/core';
import { MembersService } from '@tessera/members';
import type { ShareClass } from '../share-classes/share-classes.service';
import { ShareClassesService } from '../share-classes/share-classes.service';
import { ShareRegisterRepository } from '../share-register/share-register.repository';
import type {
  CreateShareSubscriptionDto,
  ListShareSubscriptionsQueryDto,
  ShareSubscriptionDto,
} from './share-subscription.dto';
import { ShareSubscriptionMailer } from './share-subscription.mailer';
import {
  ONE_PENDING_INDEX,
  personHolderKey,
  ShareSubscriptionRepository,
  type ShareSubscriptionRow,
} from './share-subscription.repository';

const MAX_AMOUNT = 2_147_483_647;

export function subscriptionNotFound(): ProblemException {
  return ProblemException.notFound('No share subscription has this id.', 'share-subscription-not-found');
}

/** The holder a request names, before approval makes or matches their record. */
interface Holder {
  kind: 'person' | 'organisation';
  key: string;
  name: string;
  email: string;
  memberId: string | null;
}

/**
 * Share subscription requests (issue 18): staff enter one for a known member or a new person; it
 * opens its approval request and confirms it to the holder, in one transaction. One pending
 * request per holder and class: the partial unique index decides, also when two arrive at once.
 */
@Injectable()
export class ShareSubscriptionsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly subscriptions: ShareSubscriptionRepository,
    private readonly classes: ShareClassesService,
    private readonly register: ShareRegisterRepository,
    private readonly members: MembersService,
    private readonly approvals: ApprovalService,
    private readonly billing: BillingDocumentsService,
    private readonly mailer: ShareSubscriptionMailer,
    private readonly clock: Clock,
  ) {}

  async submit(dto: CreateShareSubscriptionDto, principal: Principal): Promise<ShareSubscriptionDto> {
    const shareClass = await this.classes.byId(dto.shareClassId);
    if (!shareClass || !shareClass.active)
      throw ProblemException.validation([{ field: 'shareClassId', message: 'is not an active share class' }]);
    const holder = await this.holderOf(dto);
    if (!shareClass.holderKinds.includes(holder.kind === 'person' ? 'individual' : 'organisation'))
      throw ProblemException.validation([
        {
          field: dto.memberId ? 'memberId' : 'person',
          message: `may not hold class ${shareClass.code} shares (only ${shareClass.holderKinds.join(' and ')} holders)`,
        },
      ]);
    await this.assertQuantity(shareClass, holder, dto.quantity);
    const userId = userIdOf(principal);
    try {
      const id = await this.transactions.run(async () => {
        await this.refuseIfPending(holder.key, shareClass);
        const today = await this.billing.today();
        const reference = formatYearlyReference(
          'SHR',
          Number(today.slice(0, 4)),
          await this.subscriptions.nextNumber(),
        );
        const id = await this.subscriptions.insert({
          reference,
          shareClassId: shareClass.id,
          quantity: dto.quantity,
          unitPrice: shareClass.unitPrice,
          currency: shareClass.currency,
          holderKind: holder.kind,
          holderKey: holder.key,
          holderName: holder.name,
          holderEmail: holder.email,
          existingMemberId: holder.memberId,
          person: dto.person ? { ...dto.person } : null,
          iban: dto.iban,
          locale: dto.locale ?? 'en',
          createdBy: userId,
          now: this.clock.now(),
        });
        const opened = await this.approvals.open({
          subjectType: 'share_subscription',
          subjectId: id,
          flowId: shareClass.approvalFlowId,
          title: `${holder.name}: ${dto.quantity} class ${shareClass.code} share${dto.quantity === 1 ? '' : 's'}`,
          reference,
          openedBy: userId,
        });
        await this.subscriptions.setApprovalRequest(id, opened.id);
        const row = (await this.subscriptions.find(id)) as ShareSubscriptionRow;
        await this.mailer.received(row);
        return id;
      });
      return this.get(id);
    } catch (error) {
      if (isUniqueViolation(error, ONE_PENDING_INDEX)) await this.refuseIfPending(holder.key, shareClass);
      throw error;
    }
  }

  async list(query: ListShareSubscriptionsQueryDto): Promise<Page<ShareSubscriptionDto>> {
    const { rows, total } = await this.subscriptions.list(query.state, query.offset, query.pageSize);
    return pageOf(rows.map(shareSubscriptionDtoOf), total, query);
  }

  async get(id: string): Promise<ShareSubscriptionDto> {
    const row = await this.subscriptions.find(id);
    if (!row) throw subscriptionNotFound();
    return shareSubscriptionDtoOf(row);
  }

  private async holderOf(dto: CreateShareSubscriptionDto): Promise<Holder> {
    if ((dto.memberId === undefined) === (dto.person === undefined))
      throw ProblemException.validation([
        { field: 'memberId', message: 'give exactly one of memberId (a known holder) and person (a new one)' },
      ]);
    if (dto.person)
      return {
        kind: 'person',
        key: personHolderKey(dto.person.email),
        name: `${dto.person.firstName} ${dto.person.lastName}`,
        email: dto.person.email,
        memberId: null,
      };
    const memberId = dto.memberId as string;
    const party = await this.subscriptions.holderOfMember(memberId);
    if (!party) throw ProblemException.validation([{ field: 'memberId', message: 'is not a member' }]);
    const contact = await this.members.contactFor(memberId);
    return { kind: party.kind, key: party.key, name: party.name, email: contact.email, memberId };
  }

  /** Within the class's bounds, counting what a known holder holds already. */
  private async assertQuantity(shareClass: ShareClass, holder: Holder, quantity: number): Promise<void> {
    // Billing keeps amounts as 32-bit integers of minor units.
    if (quantity * shareClass.unitPrice > MAX_AMOUNT)
      throw ProblemException.validation([
        { field: 'quantity', message: `is too many: the amount would exceed ${MAX_AMOUNT} minor units` },
      ]);
    const held = holder.memberId ? await this.register.heldBy(holder.memberId, shareClass.id) : 0;
    if (held === 0 && quantity < shareClass.minShares)
      throw ProblemException.validation([
        {
          field: 'quantity',
          message: `must be at least ${shareClass.minShares} (the minimum of class ${shareClass.code})`,
        },
      ]);
    if (shareClass.maxShares !== null && held + quantity > shareClass.maxShares)
      throw ProblemException.validation([
        {
          field: 'quantity',
          message:
            held > 0
              ? `must be at most ${shareClass.maxShares - held}: the holder has ${held} of the ${shareClass.maxShares} class ${shareClass.code} shares one may hold`
              : `must be at most ${shareClass.maxShares} (the maximum of class ${shareClass.code})`,
        },
      ]);
  }

  /** 409 naming the request under review for this holder and class. */
  private async refuseIfPending(holderKey: string, shareClass: ShareClass): Promise<void> {
    const pending = await this.subscriptions.findPending(holderKey, shareClass.id);
    if (!pending) return;
    const on = formatDocumentDate(pending.createdAt.slice(0, 10), 'en');
    throw new ProblemException({
      type: problemType('share-subscription-pending'),
      title: 'Conflict',
      status: 409,
      detail: `${pending.holderName} already has a request for class ${shareClass.code} shares under review (${pending.reference}, made on ${on}). Decide or cancel it before entering another.`,
      pendingSubscriptionId: pending.id,
      pendingReference: pending.reference,
    } as never);
  }
}

export function shareSubscriptionDtoOf(row: ShareSubscriptionRow): ShareSubscriptionDto {
  const money = (amount: number) => ({ amount, currency: row.currency });
  return {
    id: row.id,
    reference: row.reference,
    state: row.state,
    shareClass: { id: row.shareClassId, code: row.shareClassCode, name: row.shareClassName },
    quantity: row.quantity,
    unitPrice: money(row.unitPrice),
    amount: money(row.quantity * row.unitPrice),
    holder: {
      kind: row.holderKind,
      name: row.holderName,
      email: row.holderEmail,
      memberId: row.memberId ?? row.existingMemberId,
    },
    iban: row.iban,
    locale: row.locale,
    approvalRequestId: row.approvalRequestId,
    capitalReleaseRequest: row.crr
      ? {
          id: row.crr.id,
          number: row.crr.number,
          state: row.crr.state,
          amount: money(row.crr.gross),
          amountDue: money(row.crr.state === 'paid' ? 0 : row.crr.gross - row.crr.allocated),
          paymentReference: row.crr.reference,
        }
      : null,
    createdAt: row.createdAt,
    decidedAt: row.decidedAt,
    decidedByName: row.decidedByName,
    decisionNote: row.decisionNote,
  };
}
