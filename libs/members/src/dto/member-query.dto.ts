import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto, Trim } from '@tessera/core';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { MEMBER_SORTS, type MemberSort } from '../member-list-sql';
import { MEMBER_STATUSES, type MemberStatus } from '../member-status';
import { MEMBER_KINDS, type MemberKind } from '../members.types';

export class ListMembersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: MEMBER_KINDS, enumName: 'MemberKind', description: 'Persons or organisations' })
  @IsOptional()
  @IsIn(MEMBER_KINDS)
  kind?: MemberKind;

  @ApiPropertyOptional({ enum: MEMBER_STATUSES, enumName: 'MemberStatus', description: 'Only members in this status' })
  @IsOptional()
  @IsIn(MEMBER_STATUSES)
  status?: MemberStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only members on this plan' })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({
    description:
      'Matches the member number, names, e-mails (of the person, or of any representative of the ' +
      'organisation) and registration numbers (case-insensitive)',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: MEMBER_SORTS,
    enumName: 'MemberSort',
    default: '-createdAt',
    description:
      'Order: `createdAt` (when the member record was made), `number`, or `status` (in the order of a ' +
      'membership: upcoming, member, in grace period, suspended, ex-member, non-member; newest first within ' +
      'one); `-` first for the reverse',
  })
  @IsOptional()
  @IsIn(MEMBER_SORTS)
  sort?: MemberSort;
}
