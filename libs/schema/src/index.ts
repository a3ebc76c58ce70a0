import { combineSchema, outboxSchema } from '@tessera/core';
import { notificationsSchema } from '@tessera/notifications';
import { usersSchema } from '@tessera/users';

/** Every domain's entities and migrations: the one schema of the one data source. */
export const tesseraSchema = combineSchema(outboxSchema, notificationsSchema, usersSchema);
