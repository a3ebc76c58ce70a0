export * from './members.module';
export * from './members.schema';
export * from './members.types';
export * from './member-status';
export * from './member-number';
export type {
  MemberIntake,
  MemberIntakeResult,
  MemberContact,
  PersonDetails,
  OrganisationDetails,
  RepresentativeDetails,
} from './member-intake';
export { contactOf } from './member-intake';
export { MembersService } from './members.service';
export { MemberPlanListeners, type MemberPlanListener } from './member-plan-listeners';
export * from './dto/member-query.dto';
export * from './dto/member-response.dto';
export * from './dto/update-contact-details.dto';
export type { ContactPersonColumn, ContactPersonCondition, PersonOfParam } from './member-read-sql';
export { memberBuyerSql, memberIdsActedForSql, memberIdsRepresentedSql, SignedInPerson } from './member-read-sql';
export type { MemberDetailView, MemberListView, WithExtra } from './members.service';
export { MEMBER_ORDER_SQL, MEMBER_SORTS, memberListConditionSql } from './member-list-sql';
export type { MemberListFilter, MemberSort } from './member-list-sql';
export { MemberListFilters, type MemberListFilterContribution } from './member-list-filters';
export { CONTACT_PERSON_ID_SQL, MEMBERS_WITH_CONTACT } from './member-read-sql';
export { legalStatusMoveSql, memberContactSql, statusChangesSql, type StatusChangesSql } from './member-status-sql';
