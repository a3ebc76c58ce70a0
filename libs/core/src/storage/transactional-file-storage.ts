import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import { FileStorage } from './file-storage';
import {
  DataSource,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

interface Pending {
  key: string;
  /** Transaction depth when the file was saved (1 = the outermost transaction). */
  depth: number;
}

/** How deep the runner's transaction is (TypeORM counts savepoints; it keeps the count protected). */
function depthOf(runner: QueryRunner): number {
  const depth = (runner as unknown as { transactionDepth?: unknown }).transactionDepth;
  return typeof depth === 'number' ? depth : runner.isTransactionActive ? 1 : 0;
}

/**
 * Files that belong to database rows: written to FileStorage inside the open transaction, and
 * removed again when that transaction rolls back — whoever opened it and wherever it fails,
 * including at COMMIT. A TypeORM subscriber sees the rollback of the transaction's query runner.
 */
@Injectable()
export class TransactionalFileStorage implements EntitySubscriberInterface, OnModuleInit {
  private readonly logger = new Logger(TransactionalFileStorage.name);
  private readonly pending = new WeakMap<QueryRunner, Pending[]>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly storage: FileStorage,
  ) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  /** Saves the bytes now; they are removed if the current transaction does not commit. */
  async save(bytes: Buffer, extension: string): Promise<{ key: string; size: number; sha256: string }> {
    const runner = this.transactions.inTransaction ? this.transactions.manager.queryRunner : undefined;
    if (!runner) throw new Error('TransactionalFileStorage.save must run inside a transaction');
    const depth = depthOf(runner);
    const stored = await this.storage.save(bytes, extension);
    const list = this.pending.get(runner) ?? [];
    list.push({ key: stored.key, depth });
    this.pending.set(runner, list);
    return stored;
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    const runner = event.queryRunner;
    const list = this.pending.get(runner);
    if (!list) return;
    const depth = depthOf(runner);
    if (depth === 0) {
      this.pending.delete(runner);
      return;
    }
    // A savepoint was released: its files now live or die with the enclosing transaction.
    for (const entry of list) entry.depth = Math.min(entry.depth, depth);
  }

  async afterTransactionRollback(event: TransactionRollbackEvent): Promise<void> {
    const runner = event.queryRunner;
    const list = this.pending.get(runner);
    if (!list) return;
    const depth = depthOf(runner);
    const doomed = list.filter((entry) => entry.depth > depth);
    const kept = list.filter((entry) => entry.depth <= depth);
    if (kept.length > 0) this.pending.set(runner, kept);
    else this.pending.delete(runner);
    if (doomed.length === 0) return;
    try {
      await this.storage.remove(doomed.map((entry) => entry.key));
    } catch (error) {
      this.logger.error({ err: error, keys: doomed.map((entry) => entry.key) }, 'Could not remove rolled-back files');
    }
  }
}
