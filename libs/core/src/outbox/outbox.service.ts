import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import type { JobMessage } from '../queue/queue-definition';

export const OUTBOX_CHANNEL = 'tessera_outbox';

/** A data-modifying SQL statement with RETURNING, and its parameters ($1…$n). */
export interface ReturningStatement {
  /**
   * CTEs the statement builds on (`name AS (…), …`). Postgres allows data-modifying CTEs only
   * at the top level, so they are hoisted there rather than nested in `sql`.
   */
  with?: string;
  sql: string;
  params: unknown[];
}

/** Records side effects inside the caller's transaction; nothing reaches Redis from here. */
@Injectable()
export class OutboxService {
  constructor(private readonly transactions: Transactions) {}

  async publish<P extends object>(message: JobMessage<P>): Promise<string> {
    // One round trip: the row, and a NOTIFY delivered on commit only, so the relay wakes exactly
    // when the row becomes visible.
    const [row] = (await this.transactions.manager.query(
      `WITH inserted AS (
         INSERT INTO outbox_messages (queue, job_name, payload) VALUES ($1, $2, $3) RETURNING id)
       SELECT id, pg_notify($4, $1) FROM inserted`,
      [message.queue, message.name, message.payload, OUTBOX_CHANNEL],
    )) as { id: string }[];
    return row.id;
  }

  /**
   * Runs `statement` (an INSERT/UPDATE … RETURNING of at most one row) and records `message` in
   * the same statement, so one round trip instead of two on hot paths (see bench/). Returns the
   * statement's row, or undefined when it changed nothing, and then no message is recorded (a
   * conditional INSERT … SELECT … WHERE is a check and a change in one). Atomic on its own;
   * inside a transaction, like `publish`, it commits with it.
   */
  async publishWith<Row, P extends object = object>(
    statement: ReturningStatement,
    message: JobMessage<P>,
  ): Promise<Row | undefined> {
    const n = statement.params.length;
    const rows = (await this.transactions.manager.query(
      `WITH ${statement.with ? `${statement.with},` : ''}
       change AS (${statement.sql}),
       message AS (
         INSERT INTO outbox_messages (queue, job_name, payload)
         SELECT $${n + 1}, $${n + 2}, $${n + 3}::jsonb FROM change RETURNING id)
       SELECT change.*, pg_notify($${n + 4}, $${n + 1}) FROM change, message`,
      [...statement.params, message.queue, message.name, message.payload, OUTBOX_CHANNEL],
    )) as (Row & { pg_notify: unknown })[];
    if (rows.length > 1) throw new Error(`publishWith: the statement returned ${rows.length} rows, not one`);
    if (rows.length === 0) return undefined;
    const { pg_notify: _, ...row } = rows[0];
    return row as Row;
  }
}
