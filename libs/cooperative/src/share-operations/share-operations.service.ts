import { Injectable } from '@nestjs/common';
import { ApprovalService } from '@tessera/approval';
import { BillingDocumentsService } from '@tessera/billing';
import {
  Clock,
  formatYearlyReference,
  pageOf,
  ProblemException,
  Transactions,
  userIdOf,
  type Page,
  type Principal,
} from '@tessera/core';
import { MembersService } from '@tessera/members';
import { StaffDirectory } from '@tessera/users';
import { ShareReimbursementsService } from '../reimbursements/share-reimbursements.service';
import { OPERATION_SUBJECTS, type ShareOperationKind } from '../share-operation-state';
import type { CreateShareOperationDto, ListShareOperationsQueryDto, ShareOperationDto } from './share-operation.dto';
import { shareOperationDtoOf } from './share-operation-dto';
import { ShareOperationEffectsService } from './share-operation-effects.service';
import { receiverNameOf, ShareOperationMailer } from './share-operation.mailer';
import { ShareOperationRepository, type ShareOperationRow } from './share-operation.repository';
import { operationNotFound, ShareOperationTransitionsService } from './share-operation-transitions.service';

const KIND_TITLES: Record<ShareOperationKind, string> = {
  redemption: 'redemption',
  transfer: 'transfer',
  conversion: 'conversion',
};

/** Who asks for an operation: staff, or the holder from the portal (then the holder must be theirs). */
export interface OperationRequester {
  principal: Principal;
  via: 'staff' | 'holder';
  /** The requester's name when not a staff user (the holder's contact person). */
  name?: string;
}

/**
 * Redemptions, transfers and conversions of shares (issue 18): asked for by staff or the holder,
 * checked, decided through the approval engine (one subject type per kind, each with its default
 * flow) and executed in the register by the outcome handlers. The holder may withdraw a pending one.
 */
@Injectable()
export class ShareOperationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly operations: ShareOperationRepository,
    private readonly transitions: ShareOperationTransitionsService,
    private readonly effects: ShareOperationEffectsService,
    private readonly approvals: ApprovalService,
    private readonly members: MembersService,
    private readonly billing: BillingDocumentsService,
    private readonly reimbursements: ShareReimbursementsService,
    private readonly staff: StaffDirectory,
    private readonly mailer: ShareOperationMailer,
    private readonly clock: Clock,
  ) {}

  /**
   * Checks the operation against the holdings as they are, records it and opens its approval
   * request (approvers e-mailed), and confirms it to the holder, in one transaction.
   */
  async request(dto: CreateShareOperationDto, requester: OperationRequester): Promise<ShareOperationDto> {
    assertShape(dto);
    const userId = userIdOf(requester.principal);
    const id = await this.transactions.run(async () => {
      const intent = {
        kind: dto.kind,
        memberId: dto.holderId,
        shareClassId: dto.shareClassId,
        quantity: dto.quantity,
        toMemberId: dto.toHolderId ?? null,
        toPerson: dto.toPerson ? { ...dto.toPerson, locale: dto.toPerson.locale ?? 'en' } : null,
        toShareClassId: dto.toShareClassId ?? null,
      };
      const { from, to, conversion } = await this.effects.classesOf(intent);
      await this.assertMembers(dto);
      await this.assertNotHolder(dto);
      await this.effects.assertPossible(intent);
      await this.effects.effectiveDateOf({ ...intent, requestedEffectiveOn: dto.effectiveOn ?? null });
      const today = await this.billing.today();
      const reference = formatYearlyReference('SOP', Number(today.slice(0, 4)), await this.operations.nextNumber());
      const requestedByName = requester.name ?? (await this.staff.nameOf(userId)) ?? 'Staff';
      const operationId = await this.operations.insert({
        ...intent,
        reference,
        unitPrice: from.unitPrice,
        currency: from.currency,
        toUnitPrice: to?.unitPrice ?? null,
        toQuantity: conversion?.toQuantity ?? null,
        valueDifference: conversion?.valueDifference ?? null,
        note: dto.note ?? null,
        requestedEffectiveOn: dto.effectiveOn ?? null,
        requestedVia: requester.via,
        requestedByName,
        requestedBy: userId,
        now: this.clock.now(),
      });
      const row = (await this.operations.find(operationId))!;
      const opened = await this.approvals.open({
        subjectType: OPERATION_SUBJECTS[dto.kind],
        subjectId: operationId,
        flowId: null,
        title: titleOf(row),
        reference,
        openedBy: userId,
      });
      await this.operations.setApprovalRequest(operationId, opened.id);
      await this.mailer.received(row);
      return operationId;
    });
    return this.get(id);
  }

  /**
   * The holder withdraws a pending operation: its approval request is cancelled first (the lock
   * every decision takes), so a decision and a withdrawal at once give one outcome.
   */
  async withdraw(id: string, principal: Principal, name: string): Promise<ShareOperationDto> {
    const userId = userIdOf(principal);
    await this.transactions.run(async () => {
      const current = await this.operations.find(id);
      if (!current) throw operationNotFound();
      await this.approvals.cancelForSubject(OPERATION_SUBJECTS[current.kind], id, 'Withdrawn by the holder', userId);
      const row = await this.transitions.lockFor(id, 'withdrawn');
      await this.transitions.move(row, 'withdrawn', { at: this.clock.now(), by: name, note: null });
      await this.mailer.outcome(row, 'withdrawn', null, null);
    });
    return this.get(id);
  }

  async list(query: ListShareOperationsQueryDto): Promise<Page<ShareOperationDto>> {
    const [rows, total] = await this.operations.list({
      state: query.state,
      kind: query.kind,
      memberId: query.memberId,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(await Promise.all(rows.map((row) => this.dtoOf(row))), total, query);
  }

  async get(id: string): Promise<ShareOperationDto> {
    const row = await this.operations.find(id);
    if (!row) throw operationNotFound();
    return this.dtoOf(row);
  }

  async dtoOf(row: ShareOperationRow): Promise<ShareOperationDto> {
    const reimbursement = row.reimbursementId ? await this.reimbursements.get(row.reimbursementId) : null;
    return shareOperationDtoOf(row, reimbursement);
  }

  /** The members named exist (400 naming the field otherwise). */
  private async assertMembers(dto: CreateShareOperationDto): Promise<void> {
    for (const [field, id] of [
      ['holderId', dto.holderId],
      ['toHolderId', dto.toHolderId],
    ] as const) {
      if (!id) continue;
      try {
        await this.members.get(id);
      } catch (error) {
        if (error instanceof ProblemException && error.problem.status === 404)
          throw ProblemException.validation([{ field, message: 'is not a member' }]);
        throw error;
      }
    }
  }

  /** A new person is not the holder themselves (400 on their e-mail address: nothing would change hands). */
  private async assertNotHolder(dto: CreateShareOperationDto): Promise<void> {
    if (!dto.toPerson) return;
    const holder = await this.members.get(dto.holderId);
    if (holder.kind === 'organisation') return;
    const contact = await this.members.contactFor(dto.holderId);
    if (contact.email === dto.toPerson.email)
      throw ProblemException.validation([{ field: 'toPerson.email', message: 'is the holder’s own e-mail address' }]);
  }
}

/**
 * Which fields each kind takes (400 otherwise): a transfer's receiver — a member or a new person,
 * exactly one — and a conversion's class.
 */
function assertShape(dto: CreateShareOperationDto): void {
  const errors: { field: string; message: string }[] = [];
  if (dto.kind === 'transfer' && !dto.toHolderId && !dto.toPerson)
    errors.push({ field: 'toHolderId', message: 'is required for a transfer (or toPerson)' });
  if (dto.kind === 'transfer' && dto.toHolderId && dto.toPerson)
    errors.push({ field: 'toPerson', message: 'cannot be given with toHolderId: name one receiver' });
  for (const field of ['toHolderId', 'toPerson'] as const)
    if (dto.kind !== 'transfer' && dto[field]) errors.push({ field, message: 'is only for a transfer' });
  if (dto.kind === 'conversion' && !dto.toShareClassId)
    errors.push({ field: 'toShareClassId', message: 'is required for a conversion' });
  if (dto.kind !== 'conversion' && dto.toShareClassId)
    errors.push({ field: 'toShareClassId', message: 'is only for a conversion' });
  if (dto.toHolderId && dto.toHolderId === dto.holderId)
    errors.push({ field: 'toHolderId', message: 'must be another member than the holder' });
  if (dto.toShareClassId && dto.toShareClassId === dto.shareClassId)
    errors.push({ field: 'toShareClassId', message: 'must be another class' });
  if (errors.length > 0) throw ProblemException.validation(errors);
}

function titleOf(row: ShareOperationRow): string {
  const holder = `${row.holder.name} (${row.holder.cooperatorNumber ?? row.holder.memberNumber})`;
  const shares = `${row.quantity} class ${row.shareClass.code} shares`;
  if (row.kind === 'transfer') return `${holder}: ${KIND_TITLES.transfer} of ${shares} to ${receiverNameOf(row)}`;
  if (row.kind === 'conversion')
    return `${holder}: ${KIND_TITLES.conversion} of ${shares} into ${row.toQuantity} class ${row.toShareClass!.code} shares`;
  return `${holder}: ${KIND_TITLES.redemption} of ${shares}`;
}
