import type { SchemaPart } from '@tessera/core';
import { EmailMessage } from './entities/email-message.entity';
import { CreateEmailMessages1763790000000 } from './migrations/1763790000000-create-email-messages';
import { EmailDeferred1764500000001 } from './migrations/1764500000001-email-deferred';
import { EmailAttachments1765000000200 } from './migrations/1765000000200-email-attachments';

export const notificationsSchema: SchemaPart = {
  entities: [EmailMessage],
  migrations: [CreateEmailMessages1763790000000, EmailDeferred1764500000001, EmailAttachments1765000000200],
};
