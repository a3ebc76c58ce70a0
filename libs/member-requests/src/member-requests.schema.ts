import type { SchemaPart } from '@tessera/core';
import { MemberRequest } from './entities/member-request.entity';
import { CreateMemberRequests1765006000300 } from './migrations/1765006000300-create-member-requests';

export const memberRequestsSchema: SchemaPart = {
  entities: [MemberRequest],
  migrations: [CreateMemberRequests1765006000300],
};
