import type { SchemaPart } from '@tessera/core';
import { MemberStatusChange } from './entities/member-status-change.entity';
import { Member } from './entities/member.entity';
import { Organisation } from './entities/organisation.entity';
import { Person } from './entities/person.entity';
import { Representation } from './entities/representation.entity';
import { CreateMembers1763810000000 } from './migrations/1763810000000-create-members';
import { MemberStatusOrder1765005000000 } from './migrations/1765005000000-member-status-order';
import { StatusReasons1765004000100 } from './migrations/1765004000100-status-reasons';

export const membersSchema: SchemaPart = {
  entities: [Person, Organisation, Representation, Member, MemberStatusChange],
  migrations: [CreateMembers1763810000000, StatusReasons1765004000100, MemberStatusOrder1765005000000],
};
