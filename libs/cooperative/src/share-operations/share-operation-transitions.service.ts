import { Injectable } from '@nestjs/common';
import { ProblemException } from '@tessera/core';
import { operationMoveRefusal, type ShareOperationState } from '../share-operation-state';
import { ShareOperationRepository, type ShareOperationRow } from './share-operation.repository';

export const operationNotFound = () =>
  ProblemException.notFound('No share operation has this id.', 'share-operation-not-found');

/** The one place an operation's state changes: locked, checked against the state table, recorded. */
@Injectable()
export class ShareOperationTransitionsService {
  constructor(private readonly operations: ShareOperationRepository) {}

  /** Locks the operation for a move to `to`; 404 if unknown, 409 (in words) if its state forbids it. */
  async lockFor(id: string, to: ShareOperationState): Promise<ShareOperationRow> {
    const row = await this.operations.find(id, true);
    if (!row) throw operationNotFound();
    this.assert(row.state, to);
    return row;
  }

  async move(
    row: ShareOperationRow,
    to: Exclude<ShareOperationState, 'pending' | 'executed'>,
    change: { at: Date; by: string; note: string | null; toMemberId?: string },
  ): Promise<void> {
    this.assert(row.state, to);
    await this.operations.move(row.id, to, change);
    row.state = to;
    if (change.toMemberId) row.toMemberId = change.toMemberId;
  }

  /** Approved → executed: its rows are in the register from `effectiveOn`. */
  async executed(row: ShareOperationRow, change: { at: Date; effectiveOn: string; valueDifference?: number }) {
    this.assert(row.state, 'executed');
    await this.operations.move(row.id, 'executed', change);
    row.state = 'executed';
  }

  assert(from: ShareOperationState, to: ShareOperationState): void {
    const refusal = operationMoveRefusal(from, to);
    if (refusal) throw ProblemException.conflict(refusal, 'share-operation-closed');
  }
}
