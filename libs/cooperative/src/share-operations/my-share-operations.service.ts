import { Injectable } from '@nestjs/common';
import { ProblemException, Transactions, userIdOf, type Principal } from '@tessera/core';
import { memberIdsActedForSql, MembersService, SignedInPerson } from '@tessera/members';
import type { CreateShareOperationDto, ShareOperationDto } from './share-operation.dto';
import { ShareOperationRepository } from './share-operation.repository';
import { operationNotFound } from './share-operation-transitions.service';
import { ShareOperationsService } from './share-operations.service';

/**
 * The holder's side of operations (the portal): they ask for an operation on their own shares or
 * those of an organisation they represent, see them, and withdraw a pending one. Anything of
 * someone else's is a 404, as if it did not exist.
 */
@Injectable()
export class MyShareOperationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly signedIn: SignedInPerson,
    private readonly members: MembersService,
    private readonly operations: ShareOperationRepository,
    private readonly service: ShareOperationsService,
  ) {}

  async request(principal: Principal, dto: CreateShareOperationDto): Promise<ShareOperationDto> {
    await this.assertOwn(principal, dto.holderId);
    const contact = await this.members.contactFor(dto.holderId);
    return this.service.request(dto, { principal, via: 'holder', name: contact.name });
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

function memberNotOwn() {
  return ProblemException.notFound('You hold no shares through a member with this id.', 'member-not-found');
}
