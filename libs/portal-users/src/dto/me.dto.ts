import { ApiProperty } from '@nestjs/swagger';
import { MemberDetailDto, MemberSummaryDto } from '@tessera/members';
import { UserDto } from '@tessera/users';

/** The signed-in person: their user, and for a member the membership the portal shows. */
export class MeDto {
  @ApiProperty({ type: UserDto })
  user: UserDto;
  @ApiProperty({
    type: MemberDetailDto,
    nullable: true,
    description: "The member the account acts for (the person's own membership first); null for staff",
  })
  member: MemberDetailDto | null;
  @ApiProperty({
    type: MemberSummaryDto,
    isArray: true,
    description: 'Every membership the account acts for: its own, and organisations it is the contact of',
  })
  memberships: MemberSummaryDto[];
}
