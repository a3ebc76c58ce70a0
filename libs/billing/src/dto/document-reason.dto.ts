import { ApiProperty } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '@tessera/core';

/** Why an invoice is credited or a pro-forma declined: shown on the document and in its history. */
export class DocumentReasonDto {
  @ApiProperty({ minLength: 3, maxLength: 500, example: 'Invoiced twice by mistake.' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  reason: string;
}

/** A member's "I will not renew": the reason is theirs to give or not. */
export class DeclineRenewalDto {
  @ApiProperty({ required: false, maxLength: 500, example: 'Moving abroad.', description: 'Optional' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
