import { Injectable } from '@nestjs/common';
import { Transactions } from '../database/transactions';
import type { JobMessage } from '../queue/queue-definition';
import { OutboxMessage } from './outbox-message.entity';

export const OUTBOX_CHANNEL = 'tessera_outbox';

/** Records side effects inside the caller's transaction; nothing reaches Redis from here. */
@Injectable()
export class OutboxService {
  constructor(private readonly transactions: Transactions) {}

  async publish<P extends object>(message: JobMessage<P>): Promise<string> {
    const manager = this.transactions.manager;
    const row = manager.getRepository(OutboxMessage).create({
      queue: message.queue,
      jobName: message.name,
      payload: message.payload as Record<string, unknown>,
    });
    await manager.save(row);
    // Delivered on commit only, so the relay wakes exactly when the row becomes visible.
    await manager.query(`SELECT pg_notify($1, $2)`, [OUTBOX_CHANNEL, message.queue]);
    return row.id;
  }
}
