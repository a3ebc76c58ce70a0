import { Injectable, Logger } from '@nestjs/common';
import { Clock, ProblemException, Transactions } from '@tessera/core';
import { PaymentsService } from '../payments/payments.service';
import { BankPaymentsRecorder } from './bank-payments-recorder';
import type { BankStatement, BankStatementLine } from './bank-statement.types';
import { BankStatementRepository, type LineToStore, type StatementSummary } from './bank-statement.repository';
import { dedupeKeysOf } from './dedupe-keys';
import { PayerNames } from './payer-names';
import { decideLine, type CandidateDocument, type LineDecision } from './reconciliation-plan';
import { fileFingerprint, referencesIn } from './statement-matching';
import { parseUpload, type StatementUpload } from './statement-upload';

/** What an import did. */
export interface StatementImported extends StatementSummary {
  id: string;
  lines: number;
}

/** A line the import records a payment for: its position, what it says, the document it pays. */
interface LineToMatch {
  position: number;
  line: BankStatementLine;
  reference: string;
  document: CandidateDocument;
}

/**
 * Lines recorded per transaction. Recording payment by payment costs a dozen statements each
 * (10,000 lines: minutes); a batch records its payments set-based and keeps each line's payment
 * and its `matched` state together (both commit or neither). A batch that fails is retried line
 * by line, so one bad line costs its neighbours nothing.
 */
const MATCH_BATCH = 500;

/**
 * Imports a bank statement: the file once (by its SHA-256), each transaction once (by its dedupe
 * key, across statements), then the "lettrage": lines quoting one of our documents' references
 * are recorded as payments through PaymentsService, the only way money is recorded; lines
 * without one may get a suggestion; the rest wait in the review queue.
 */
@Injectable()
export class BankStatementImportService {
  private readonly logger = new Logger(BankStatementImportService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly statements: BankStatementRepository,
    private readonly payments: PaymentsService,
    private readonly recorder: BankPaymentsRecorder,
    private readonly clock: Clock,
  ) {}

  async import(upload: StatementUpload, userId: string | null): Promise<StatementImported> {
    const fileSha256 = fileFingerprint(upload.bytes);
    await this.refuseKnownFile(fileSha256);
    const statement = parseUpload(upload);
    const { lines, matches } = await this.plan(statement);
    const stored = await this.transactions.run(async () => {
      await this.statements.lockAccount(statement.accountIban);
      // Again under the lock: the same file uploaded twice at once is the same account.
      await this.refuseKnownFile(fileSha256);
      const row = await this.statements.insertStatement({
        format: statement.format,
        fileSha256,
        fileName: upload.fileName,
        statementId: statement.statementId,
        accountIban: statement.accountIban,
        currency: statement.currency,
        lineCount: lines.length,
        matched: 0,
        suggested: 0,
        toReview: 0,
        duplicates: 0,
        ignored: 0,
        importedByUserId: userId,
        importedAt: this.clock.now(),
      });
      await this.statements.insertLines(row.id, lines);
      return row;
    });
    for (let start = 0; start < matches.length; start += MATCH_BATCH)
      await this.recordBatch(stored.id, matches.slice(start, start + MATCH_BATCH), userId);
    const summary = await this.statements.summarise(stored.id);
    return { id: stored.id, lines: lines.length, ...summary };
  }

  private async refuseKnownFile(fileSha256: string): Promise<void> {
    const earlier = await this.statements.statementIdOfFile(fileSha256);
    if (earlier)
      throw new ProblemException({
        type: 'urn:tessera:problem:statement-already-imported',
        title: 'Conflict',
        status: 409,
        detail: `This file was imported before, as statement ${earlier}; nothing was added.`,
        statementId: earlier,
      } as ConstructorParameters<typeof ProblemException>[0]);
  }

  /** Each line's keys, references and decision, from two set-based reads of our documents. */
  private async plan(statement: BankStatement): Promise<{ lines: LineToStore[]; matches: LineToMatch[] }> {
    const keys = dedupeKeysOf(statement);
    const references = statement.lines.map((line) => referencesIn(line));
    const byReference = new Map(
      (await this.statements.documentsByReference([...new Set(references.flat())])).map((d) => [
        d.paymentReference!,
        d,
      ]),
    );
    const unreferenced = statement.lines.filter(
      (line, i) => line.direction === 'credit' && !references[i].some((r) => byReference.has(r)),
    );
    const owing = new Map<string, CandidateDocument[]>();
    const amountKey = (currency: string, amount: number) => `${currency} ${amount}`;
    for (const document of await this.statements.payableDocumentsOwing(
      [...new Set(unreferenced.map((line) => line.amount))],
      [...new Set(unreferenced.map((line) => line.currency))],
    )) {
      const key = amountKey(document.currency, document.amountDue);
      owing.set(key, [...(owing.get(key) ?? []), document]);
    }
    const names = new PayerNames();
    const lines: LineToStore[] = [];
    const matches: LineToMatch[] = [];
    statement.lines.forEach((line, i) => {
      const decision = decideLine(
        line,
        references[i],
        byReference,
        owing.get(amountKey(line.currency, line.amount)) ?? [],
        names,
      );
      const position = i + 1;
      if (decision.kind === 'match')
        matches.push({ position, line, reference: decision.document.paymentReference!, document: decision.document });
      lines.push({ ...line, position, dedupeKey: keys[i], references: references[i], ...stored(decision) });
    });
    return { lines, matches };
  }

  /** Records the batch's payments and marks their lines matched, in one transaction; line by line if it fails. */
  private async recordBatch(statementId: string, batch: LineToMatch[], userId: string | null): Promise<void> {
    try {
      await this.transactions.run(() => this.recordLines(statementId, batch, userId));
    } catch (error) {
      if (batch.length === 1) {
        // Left in the review queue, with the document its reference named as a hint.
        this.logger.warn(`Bank line ${batch[0].position} of statement ${statementId} not recorded: ${String(error)}`);
        return;
      }
      for (const one of batch) await this.recordBatch(statementId, [one], userId);
    }
  }

  /**
   * The batch's still undecided lines, locked; their payments recorded set-based (a pro-forma's
   * through PaymentsService.record, which confirms it first), and the lines marked matched.
   */
  private async recordLines(statementId: string, batch: LineToMatch[], userId: string | null): Promise<void> {
    const undecided = new Map(
      (
        await this.statements.lockUndecided(
          statementId,
          batch.map((item) => item.position),
        )
      ).map((line) => [line.position, line]),
    );
    const toRecord = batch.flatMap(({ position, line, reference, document }) => {
      const stored = undecided.get(position);
      if (!stored) return []; // a duplicate, or decided by hand meanwhile
      return [
        {
          lineId: stored.id,
          sourceKey: bankSourceKey(stored.dedupeKey),
          documentId: document.id,
          memberId: document.memberId,
          amount: line.amount,
          currency: line.currency,
          paidOn: line.bookingDate,
          payer: line.counterpartyName,
          externalReference: line.bankReference ?? line.endToEndId ?? reference,
        },
      ];
    });
    const { recorded, left } = await this.recorder.record(toRecord, userId);
    for (const line of left) {
      const { payment } = await this.payments.record({
        ...line,
        method: 'bank-transfer',
        source: 'bank',
        allocations: [{ documentId: line.documentId, amount: line.amount }],
        recordedByUserId: userId,
      });
      recorded.push({ lineId: line.lineId, paymentId: payment.id });
    }
    await this.statements.markMatched(recorded.map((r) => ({ id: r.lineId, paymentId: r.paymentId })));
  }
}

/** The payment of a bank line: the same transaction is one payment, whichever way it is recorded. */
export function bankSourceKey(dedupeKey: string): string {
  return `bank:${dedupeKey}`;
}

/** How a decision is stored before the import records anything: matched lines start in review. */
function stored(decision: LineDecision): Pick<LineToStore, 'state' | 'referenceDocumentId' | 'suggestedDocumentId'> {
  switch (decision.kind) {
    case 'ignore':
      return { state: 'ignored', referenceDocumentId: null, suggestedDocumentId: null };
    case 'match':
      return { state: 'to-review', referenceDocumentId: decision.document.id, suggestedDocumentId: null };
    case 'suggest':
      return { state: 'suggested', referenceDocumentId: null, suggestedDocumentId: decision.document.id };
    case 'review':
      return {
        state: 'to-review',
        referenceDocumentId: decision.referenceDocument?.id ?? null,
        suggestedDocumentId: null,
      };
  }
}
