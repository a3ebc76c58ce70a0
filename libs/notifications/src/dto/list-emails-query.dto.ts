import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '@tessera/core';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { EMAIL_STATES, type EmailState } from '../email-state';

export class ListEmailsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: EMAIL_STATES,
    enumName: 'EmailState',
    description: 'Only e-mails in this delivery state',
  })
  @IsOptional()
  @IsIn(EMAIL_STATES)
  state?: EmailState;

  @ApiPropertyOptional({ description: 'Recipient address (exact, case-insensitive)', example: 'ann@example.org' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(320)
  recipient?: string;
}
