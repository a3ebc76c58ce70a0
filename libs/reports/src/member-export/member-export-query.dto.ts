import { OmitType } from '@nestjs/swagger';
import { ListMemberAccountsQueryDto } from '@tessera/portal-users';

/** The members list's filters and order, without paging: the export is every member that matches. */
export class MemberExportQueryDto extends OmitType(ListMemberAccountsQueryDto, ['page', 'pageSize'] as const) {}
