import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import type { JobMessage } from '../queue/queue-definition';

export const OUTBOX_CHANNEL = 'tessera_outbox';

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
}
