import { approvalSchema } from '@tessera/approval';
import { captchaSchema, combineSchema, idempotencySchema, outboxSchema } from '@tessera/core';
import { notificationsSchema } from '@tessera/notifications';
import { registrationSchema } from '@tessera/registration';
import { usersSchema } from '@tessera/users';

/** Every domain's entities and migrations: the one schema of the one data source. */
export const tesseraSchema = combineSchema(
  outboxSchema,
  captchaSchema,
  idempotencySchema,
  notificationsSchema,
  usersSchema,
  registrationSchema,
  approvalSchema,
);
