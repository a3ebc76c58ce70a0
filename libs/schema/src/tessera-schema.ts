import { approvalSchema } from '@tessera/approval';
import { billingSchema } from '@tessera/billing';
import { cooperativeSchema } from '@tessera/cooperative';
import { captchaSchema, combineSchema, idempotencySchema, outboxSchema } from '@tessera/core';
import { memberRequestsSchema } from '@tessera/member-requests';
import { membersSchema } from '@tessera/members';
import { notificationsSchema } from '@tessera/notifications';
import { ordersSchema } from '@tessera/orders';
import { plansSchema } from '@tessera/plans';
import { portalSchema } from '@tessera/portal';
import { portalUsersSchema } from '@tessera/portal-users';
import { questionnairesSchema } from '@tessera/questionnaires';
import { registrationSchema } from '@tessera/registration';
import { settingsSchema } from '@tessera/settings';
import { subscriptionSchema } from '@tessera/subscription';
import { usersSchema } from '@tessera/users';

/** Every domain's entities and migrations: the one schema of the one data source. */
export const tesseraSchema = combineSchema(
  outboxSchema,
  captchaSchema,
  idempotencySchema,
  settingsSchema,
  notificationsSchema,
  usersSchema,
  plansSchema,
  membersSchema,
  portalUsersSchema,
  registrationSchema,
  approvalSchema,
  billingSchema,
  subscriptionSchema,
  ordersSchema,
  portalSchema,
  memberRequestsSchema,
  cooperativeSchema,
  questionnairesSchema,
);
