import { Injectable } from '@nestjs/common';
import { ProblemException, Transactions, userIdOf, type Principal } from '@tessera/core';
import { memberIdsActedForSql, MembersService, SignedInPerson } from '@tessera/members';
import type { CreateMyShareOperationDto } from './my-share-operation.dto';
import type { ShareOperationDto } from './share-operation.dto';
import { ShareOperationRepository } from './share-operation.repository';
import { operationNotFound } from './share-operation-transitions.service';
import { ShareOperationsService } from './share-operations.service';
import { ShareReceiverLookup } from './share-receiver-lookup';

/**
 * The holder's side of operations (the portal): they ask for an operation on their own shares or
 * those of an organisation they represent, see them, and withdraw a pending one. Anything of
 * someone else's is a 404, as if it did not exist. A transfer's receiver is named by number and
 * e-mail address: only an existing member can receive from the portal (someone who is not one yet
 * subscribes for shares first), as staff approve the operation anyway.
 */
@Injectable()
export class MyShareOperationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly signedIn: SignedInPerson,
    private readonly members: MembersService,
    private readonly operations: ShareOperationRepository,
    private readonly service: ShareOperationsService,
    private readonly receivers: ShareReceiverLookup,
  ) {}

  /** Nothing is written until the receiver is found and every check passed. */
  async request(principal: Principal, dto: CreateMyShareOperationDto): Promise<ShareOperationDto> {
    await this.assertOwn(principal, dto.holderId);
    const { toHolderNumber, toHolderEmail, ...operation } = dto;
    assertReceiverShape(dto);
    const toHolderId =
      toHolderNumber && toHolderEmail
        ? await this.receivers.memberIdOf(userIdOf(principal), { number: toHolderNumber, email: toHolderEmail })
        : undefined;
    if (toHolderId === dto.holderId)
      throw ProblemException.validation([
        { field: 'toHolderNumber', message: 'is the holder’s own', code: 'shareReceiverIsHolder' },
      ]);
    const contact = await this.members.contactFor(dto.holderId);
    return this.service.request({ ...operation, toHolderId }, { principal, via: 'holder', name: contact.name });
  }

  async list(principal: Principal): Promise<ShareOperationDto[]> {
    const rows = await this.operations.ofMembers(this.ownMembersSql(), userIdOf(principal));
    return Promise.all(rows.map((row) => this.service.dtoOf(row)));
  }

  /** Only operations on their own shares (not those they receive) may be withdrawn. */
  async withdraw(principal: Principal, id: string): Promise<ShareOperationDto> {
    const row = await this.operations.find(id);
    if (!row) throw operationNotFound();
    await this.assertOwn(principal, row.memberId, operationNotFound);
    const contact = await this.members.contactFor(row.memberId);
    return this.service.withdraw(id, principal, contact.name);
  }

  private async assertOwn(principal: Principal, memberId: string, notFound = memberNotOwn): Promise<void> {
    const rows = (await this.transactions.manager.query(`SELECT 1 WHERE $2::uuid IN ${this.ownMembersSql()}`, [
      userIdOf(principal),
      memberId,
    ])) as unknown[];
    if (rows.length === 0) throw notFound();
  }

  private ownMembersSql(): string {
    return memberIdsActedForSql(this.signedIn.personOf.sql('$1'));
  }
}

/** A transfer names its receiver by both number and e-mail address; other kinds name none. */
function assertReceiverShape(dto: CreateMyShareOperationDto): void {
  const errors = (['toHolderNumber', 'toHolderEmail'] as const).flatMap((field) => {
    if (dto.kind === 'transfer' && !dto[field]) return [{ field, message: 'is required for a transfer' }];
    if (dto.kind !== 'transfer' && dto[field]) return [{ field, message: 'is only for a transfer' }];
    return [];
  });
  if (errors.length > 0) throw ProblemException.validation(errors);
}

function memberNotOwn() {
  return ProblemException.notFound('You hold no shares through a member with this id.', 'member-not-found');
}
