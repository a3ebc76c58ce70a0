import type { SchemaPart } from '@tessera/core';
import { EmailMessage } from './entities/email-message.entity';
import { CreateEmailMessages1763790000000 } from './migrations/1763790000000-create-email-messages';

export const notificationsSchema: SchemaPart = {
  entities: [EmailMessage],
  migrations: [CreateEmailMessages1763790000000],
};
