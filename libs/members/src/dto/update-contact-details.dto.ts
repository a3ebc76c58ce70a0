import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, ValidateNested } from 'class-validator';
import { AddressDto, OptionalNotNull, OptionalNullable, PhoneNumber } from '@tessera/core';
import { LOCALES } from '@tessera/notifications';
import type { MemberLocale } from '../members.types';

/** What a member may change of their own contact details (fields left out stay as they are). */
export class UpdateContactDetailsDto {
  @ApiPropertyOptional({ type: String, nullable: true, example: '+32 470 12 34 56', description: 'null clears it' })
  @OptionalNullable()
  @PhoneNumber()
  phone?: string | null;

  @ApiPropertyOptional({
    type: AddressDto,
    nullable: true,
    description: 'null clears it',
    example: { line1: 'Rue de la Loi 16', postalCode: '1000', city: 'Brussels', country: 'BE' },
  })
  @OptionalNullable()
  @ValidateNested()
  @Type(() => AddressDto)
  address?: AddressDto | null;

  @ApiPropertyOptional({ enum: LOCALES, example: 'fr', description: 'The language of e-mails and the portal' })
  @OptionalNotNull()
  @IsIn(LOCALES)
  locale?: MemberLocale;
}
