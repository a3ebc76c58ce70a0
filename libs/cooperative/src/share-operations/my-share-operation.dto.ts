import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { EmailAddress, LowerCase, UpperCase } from '@tessera/core';
import { CreateShareOperationDto, ShareOperationDto } from './share-operation.dto';

/** A member number (M-000012) or a cooperator number (C-000003). */
export const HOLDER_NUMBER = /^[MC]-[0-9]{6,}$/;

/**
 * The holder's request from the portal: as staff's, except that a transfer's receiver is named by
 * what a member can know of them — their number and e-mail address, which must go together —
 * never by an id (a member cannot know it, and ids would let anyone be named).
 */
export class CreateMyShareOperationDto extends OmitType(CreateShareOperationDto, ['toHolderId', 'toPerson'] as const) {
  @ApiPropertyOptional({
    example: 'M-000012',
    description:
      'Transfer only: the receiving member’s member number (M-…) or cooperator number (C-…), as they give it',
  })
  @IsOptional()
  @UpperCase()
  @IsString()
  @MaxLength(20)
  @Matches(HOLDER_NUMBER, { message: 'must be a member number (M-000012) or a cooperator number (C-000012)' })
  toHolderNumber?: string;

  @ApiPropertyOptional({
    example: 'bob@example.org',
    description:
      'Transfer only: the receiving member’s e-mail address (an organisation’s: its contact person’s). With a ' +
      'number that is not theirs, or an e-mail that is not theirs, the answer is the same 400.',
  })
  @IsOptional()
  @LowerCase()
  @EmailAddress()
  toHolderEmail?: string;
}

export class MyShareOperationListDto {
  @ApiProperty({ type: ShareOperationDto, isArray: true })
  items: ShareOperationDto[];
}
