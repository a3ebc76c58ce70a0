import { Injectable } from '@nestjs/common';
import { Clock, ProblemException, Transactions } from '@tessera/core';
import { MembersService } from '@tessera/members';
import { PaymentsService } from '../payments/payments.service';
import { assertLineCanMove, canReopenLine } from './bank-line-state';
import { bankSourceKey } from './bank-statement-import.service';
import { BankStatementRepository } from './bank-statement.repository';
import type { StatementLine } from './entities/statement-line.entity';

/** What finance decided for a line of the review queue. */
export type LineResolution =
  /** Pay these documents of one member with the line; what is left is that member's credit. */
  | { kind: 'allocate'; memberId?: string; allocations: { documentId: string; amount: number }[]; note?: string }
  /** Pay the document the import suggested. */
  | { kind: 'accept-suggestion'; note?: string }
  /** Not a payment to us (or not one to record): kept with the reason. */
  | { kind: 'ignore'; reason: string };

export function bankLineNotFound(): ProblemException {
  return ProblemException.notFound('No bank statement line has this id.', 'bank-line-not-found');
}

/**
 * Finance's decisions on lines the import could not place, each recorded with who and when. A
 * payment is recorded through PaymentsService with the line's source key, in the same
 * transaction as the line's new state; a line decided already is a 409.
 */
@Injectable()
export class BankLineResolutionService {
  constructor(
    private readonly transactions: Transactions,
    private readonly statements: BankStatementRepository,
    private readonly payments: PaymentsService,
    private readonly members: MembersService,
    private readonly clock: Clock,
  ) {}

  async resolve(id: string, resolution: LineResolution, userId: string | null): Promise<void> {
    await this.transactions.run(async () => {
      const line = await this.statements.lockLine(id);
      if (!line) throw bankLineNotFound();
      const to = resolution.kind === 'ignore' ? 'ignored' : 'resolved';
      assertLineCanMove(line.state, to);
      if (resolution.kind === 'ignore') {
        line.resolutionNote = resolution.reason;
      } else {
        const allocations = this.allocationsOf(line, resolution);
        const memberId = await this.memberPaid(
          line,
          allocations,
          resolution.kind === 'allocate' ? resolution.memberId : undefined,
        );
        const { payment } = await this.payments.record({
          memberId,
          amount: line.amount,
          currency: line.currency,
          method: 'bank-transfer',
          source: 'bank',
          paidOn: line.bookingDate,
          payer: line.counterpartyName,
          externalReference: line.bankReference ?? line.endToEndId ?? line.paymentReferences[0] ?? null,
          sourceKey: bankSourceKey(line.dedupeKey),
          allocations,
          recordedByUserId: userId,
        });
        line.paymentId = payment.id;
        line.resolutionNote = resolution.note ?? null;
      }
      line.state = to;
      line.resolvedByUserId = userId;
      line.resolvedAt = this.clock.now();
      await this.statements.updateLine(line);
      await this.statements.recordDecision({
        lineId: line.id,
        action: resolution.kind === 'ignore' ? 'ignore' : 'resolve',
        note: line.resolutionNote,
        paymentId: line.paymentId,
        userId,
        at: line.resolvedAt,
      });
    });
  }

  /**
   * Puts a line finance ignored by mistake back in the review queue. Its earlier decision stays in
   * the line's decisions; the line itself is undecided again.
   */
  async reopen(id: string, note: string | undefined, userId: string | null): Promise<void> {
    await this.transactions.run(async () => {
      const line = await this.statements.lockLine(id);
      if (!line) throw bankLineNotFound();
      if (line.direction === 'debit')
        throw ProblemException.conflict(
          'This bank line is a debit: money that left the account is not a payment to us.',
          'bank-line-not-reopenable',
        );
      assertLineCanMove(line.state, 'to-review');
      if (!canReopenLine(line)) throw new Error(`Line ${line.id} passed the state check but cannot be reopened`);
      line.state = 'to-review';
      line.resolvedByUserId = null;
      line.resolvedAt = null;
      line.resolutionNote = null;
      await this.statements.updateLine(line);
      await this.statements.recordDecision({
        lineId: line.id,
        action: 'reopen',
        note: note ?? null,
        paymentId: null,
        userId,
        at: this.clock.now(),
      });
    });
  }

  private allocationsOf(line: StatementLine, resolution: Exclude<LineResolution, { kind: 'ignore' }>) {
    if (resolution.kind === 'allocate') return resolution.allocations;
    if (!line.suggestedDocumentId)
      throw ProblemException.conflict('This bank line has no suggestion to accept.', 'no-suggestion');
    return [{ documentId: line.suggestedDocumentId, amount: line.amount }];
  }

  /** The one member the documents belong to (or the one named, for a line that is all credit). */
  private async memberPaid(
    line: StatementLine,
    allocations: { documentId: string; amount: number }[],
    memberId: string | undefined,
  ): Promise<string> {
    const ids = [...new Set(allocations.map((a) => a.documentId))];
    if (ids.length !== allocations.length)
      throw ProblemException.validation([{ field: 'allocations', message: 'name each document once' }]);
    if (memberId) await this.members.get(memberId); // 404 for a member who does not exist
    const owners = await this.statements.documentsOwners(ids);
    if (owners.length !== ids.length) throw ProblemException.notFound('No document has this id.', 'document-not-found');
    const members = new Set([...owners.map((o) => o.memberId), ...(memberId ? [memberId] : [])]);
    if (members.size === 0)
      throw ProblemException.validation([
        { field: 'allocations', message: 'name a document, or a memberId for credit' },
      ]);
    if (members.size > 1)
      throw ProblemException.validation([{ field: 'allocations', message: 'must all be documents of one member' }]);
    const other = owners.find((o) => o.currency !== line.currency);
    if (other)
      throw ProblemException.validation([
        { field: 'allocations', message: `a ${other.currency} document cannot take a ${line.currency} payment` },
      ]);
    const total = allocations.reduce((sum, a) => sum + a.amount, 0);
    if (total > line.amount)
      throw ProblemException.validation([
        { field: 'allocations', message: `add up to ${total}, more than the line's ${line.amount}` },
      ]);
    return [...members][0];
  }
}
