import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageResponseDto } from '@tessera/core';
import { ListMembersQueryDto, MemberDetailDto, MemberListFilters, MemberSummaryDto } from '@tessera/members';
import { PORTAL_ACCOUNT_STATES, type PortalAccountState } from '../portal-account.types';
import { PortalAccountDto } from './portal-account.dto';

/** The staff console's member row: the member and the state of its portal account. */
export class MemberWithAccountDto extends MemberSummaryDto {
  @ApiProperty({ type: PortalAccountDto })
  portalAccount: PortalAccountDto;
}

export class MemberWithAccountPageDto extends PageResponseDto(MemberWithAccountDto) {}

export class MemberDetailWithAccountDto extends MemberDetailDto {
  @ApiProperty({ type: PortalAccountDto })
  portalAccount: PortalAccountDto;
}

/** GET /members's query: the members list's own filters, those other domains add, and the account's. */
@MemberListFilters.queryType()
export class ListMemberAccountsQueryDto extends ListMembersQueryDto {
  @ApiPropertyOptional({
    enum: PORTAL_ACCOUNT_STATES,
    enumName: 'PortalAccountState',
    description: 'Only members whose portal account is in this state',
  })
  @IsOptional()
  @IsIn(PORTAL_ACCOUNT_STATES)
  accountState?: PortalAccountState;

  @ApiPropertyOptional({
    enum: ['true'],
    description: 'Only members whose account was created automatically and not yet acknowledged by staff',
  })
  @IsOptional()
  @IsIn(['true'])
  autoRegistered?: 'true';
}
