import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import type { JobMessage } from '../queue/queue-definition';

/** A data-modifying SQL statement with RETURNING, and its parameters ($1…$n). */
export interface ReturningStatement {
  /** Names a hot statement, to be prepared once per connection (see `Transactions.prepared`). */
  name?: string;
  /**
   * CTEs the statement builds on (`name AS (…), …`). Postgres allows data-modifying CTEs only
   * at the top level, so they are hoisted there rather than nested in `sql`.
   */
  with?: string;
  sql: string;
  params: unknown[];
}

/**
 * Records side effects inside the caller's transaction; nothing reaches Redis from here. No
 * NOTIFY: Postgres serialises every notifying commit of a database behind one lock held through
 * its WAL flush, which halved the rate of concurrent writes (bench/); the relay polls instead.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly transactions: Transactions) {}

  async publish<P extends object>(message: JobMessage<P>): Promise<string> {
    const [row] = (await this.transactions.manager.query(
      `INSERT INTO outbox_messages (queue, job_name, payload) VALUES ($1, $2, $3) RETURNING id`,
      [message.queue, message.name, message.payload],
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
    const sql = `WITH ${statement.with ? `${statement.with},` : ''}
       change AS (${statement.sql}),
       message AS ( -- runs although unreferenced, as data-modifying CTEs always do
         INSERT INTO outbox_messages (queue, job_name, payload)
         SELECT $${n + 1}, $${n + 2}, $${n + 3}::jsonb FROM change)
       SELECT * FROM change`;
    const params = [...statement.params, message.queue, message.name, message.payload];
    const rows = statement.name
      ? await this.transactions.prepared<Row>(`${statement.name}+outbox`, sql, params)
      : ((await this.transactions.manager.query(sql, params)) as Row[]);
    if (rows.length > 1) throw new Error(`publishWith: the statement returned ${rows.length} rows, not one`);
    return rows[0];
  }
}
