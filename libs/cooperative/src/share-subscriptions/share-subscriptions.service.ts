import { Injectable } from '@nestjs/common';
import { ApprovalService } from '@tessera/approval';
import { BillingDocumentsService, formatDocumentDate } from '@tessera/billing';
import {
  CaptchaService,
  Clock,
  formatYearlyReference,
  isUniqueViolation,
  pageOf,
  ProblemException,
  problemType,
  Transactions,
  type Page,
  type Principal,
} from '@tessera/core';
import { MembersService } from '@tessera/members';
import { compactIban } from '@tessera/settings';
import type { ShareClass } from '../share-classes/share-classes.service';
import { ShareClassesService } from '../share-classes/share-classes.service';
import { ShareRegisterRepository } from '../share-register/share-register.repository';
import type {
  CreateShareSubscriptionDto,
  ListShareSubscriptionsQueryDto,
  ShareHolderKind,
  ShareRequestFieldsDto,
  ShareSubscriptionDto,
} from './share-subscription.dto';
import {
  detailsFieldOf,
  holderFieldErrors,
  holderKindProblem,
  newHolderOf,
  quantityProblem,
  sourceOf,
  type Holder,
} from './share-subscription-rules';
import { ShareSubscriptionMailer } from './share-subscription.mailer';
import {
  ONE_PENDING_INDEX,
  ShareSubscriptionRepository,
  type ShareSubscriptionRow,
  type ShareSubscriptionSource,
} from './share-subscription.repository';

export function subscriptionNotFound(): ProblemException {
  return ProblemException.notFound('No share subscription has this id.', 'share-subscription-not-found');
}

/** A request about to be stored: checked, with its holder and where it came from. */
interface Intake {
  dto: CreateShareSubscriptionDto;
  source: ShareSubscriptionSource;
  createdBy: string | null;
}

/**
 * Share subscription requests (issue 18), however they come — the public form (captcha), staff,
 * an integrator, the holder's portal: checked whole before anything is stored, then stored with
 * their approval request and confirmation e-mail in one transaction. One pending request per
 * holder and class: the partial unique index decides, also when two arrive at once.
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
    private readonly captcha: CaptchaService,
    private readonly mailer: ShareSubscriptionMailer,
    private readonly clock: Clock,
  ) {}

  /** POST /share-subscriptions: anonymous callers prove a captcha; staff may name a known holder. */
  async submit(dto: CreateShareSubscriptionDto, principal: Principal | undefined): Promise<ShareSubscriptionDto> {
    const source = sourceOf(principal);
    if (source === 'api' && principal?.kind === 'api-key' && !principal.scopes.includes('applications:write'))
      throw ProblemException.forbidden('This API key does not have the applications:write scope.');
    const errors = holderFieldErrors(dto, source, this.clock.now());
    if (errors.length > 0) throw ProblemException.validation(errors);
    const createdBy = principal?.kind === 'user' ? principal.userId : null;
    return this.store({ dto, source, createdBy });
  }

  /** The portal's "buy more": the signed-in person's own membership or an organisation they act for. */
  async submitFor(memberId: string, dto: ShareRequestFieldsDto, userId: string): Promise<ShareSubscriptionDto> {
    const party = await this.subscriptions.holderOfMember(memberId);
    if (!party) throw new Error(`No member ${memberId}`);
    const kind = party.kind === 'person' ? 'individual' : 'organisation';
    return this.store({ dto: { ...dto, kind, memberId }, source: 'portal', createdBy: userId });
  }

  private async store({ dto, source, createdBy }: Intake): Promise<ShareSubscriptionDto> {
    const shareClass = await this.classes.byId(dto.shareClassId);
    if (!shareClass || !shareClass.active)
      throw ProblemException.validation([{ field: 'shareClassId', message: 'is not an active share class' }]);
    const holder = dto.memberId ? await this.knownHolder(dto.memberId, detailsFieldOf(dto.kind)) : newHolderOf(dto);
    const kindProblem = holderKindProblem(shareClass, holder.kind);
    if (kindProblem) throw ProblemException.validation([{ field: 'kind', message: kindProblem }]);
    // What the holder holds already counts towards the maximum, whoever they came as.
    const knownMemberId = holder.memberId ?? (await this.subscriptions.memberOfHolderKey(holder.key));
    const held = knownMemberId ? await this.register.heldBy(knownMemberId, shareClass.id) : 0;
    const tooMany = quantityProblem(shareClass, held, dto.quantity);
    if (tooMany) throw ProblemException.validation([{ field: 'quantity', message: tooMany }]);
    try {
      const id = await this.transactions.run(async () => {
        // After every other check, before the pending check: nobody probes e-mails without solving one.
        if (source === 'online') await this.captcha.verify(dto.altcha);
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
          person: !holder.memberId && dto.person ? plain(dto.person) : null,
          organisation: !holder.memberId && dto.organisation ? plain(dto.organisation) : null,
          source,
          // Compact whoever calls (the DTO does it over HTTP): the database accepts no other form.
          iban: compactIban(dto.iban),
          locale: dto.locale ?? 'en',
          createdBy,
          now: this.clock.now(),
        });
        const opened = await this.approvals.open({
          subjectType: 'share_subscription',
          subjectId: id,
          flowId: shareClass.approvalFlowId,
          title: `${holder.name}: ${dto.quantity} class ${shareClass.code} share${dto.quantity === 1 ? '' : 's'}`,
          reference,
          openedBy: source === 'staff' ? createdBy : null,
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

  /** A member staff (or the portal) named: its party's key, name and contact. */
  private async knownHolder(memberId: string, kind: ShareHolderKind): Promise<Holder> {
    const party = await this.subscriptions.holderOfMember(memberId);
    if (!party) throw ProblemException.validation([{ field: 'memberId', message: 'is not a member' }]);
    if (party.kind !== kind)
      throw ProblemException.validation([
        { field: 'memberId', message: `is not ${kind === 'person' ? 'a person' : 'an organisation'}` },
      ]);
    const contact = await this.members.contactFor(memberId);
    return { kind: party.kind, key: party.key, name: party.name, email: contact.email, memberId };
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

/** A class instance from class-transformer → the plain JSON to keep. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
