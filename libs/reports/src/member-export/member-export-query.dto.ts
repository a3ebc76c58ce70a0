import { OmitType } from '@nestjs/swagger';
import { MemberListFilters } from '@tessera/members';
import { ListMemberAccountsQueryDto } from '@tessera/portal-users';

/** The members list's filters and order, without paging: the export is every member that matches. */
@MemberListFilters.queryType()
export class MemberExportQueryDto extends OmitType(ListMemberAccountsQueryDto, ['page', 'pageSize'] as const) {}
