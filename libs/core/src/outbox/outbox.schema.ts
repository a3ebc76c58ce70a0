import type { SchemaPart } from '../database/schema';
import { CreateOutbox1763780000000 } from './migrations/1763780000000-create-outbox';
import { OutboxCompletion1764500000000 } from './migrations/1764500000000-outbox-completion';
import { OutboxFailures1764900000300 } from './migrations/1764900000300-outbox-failures';
import { OutboxMessage } from './outbox-message.entity';

export const outboxSchema: SchemaPart = {
  entities: [OutboxMessage],
  migrations: [CreateOutbox1763780000000, OutboxCompletion1764500000000, OutboxFailures1764900000300],
};
