import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO31661Alpha2, IsOptional, IsPhoneNumber, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Trim, UpperCase } from './field-decorators';

// Contact details are entered in several places (applications, the member's own profile), so
// they are validated the same way everywhere.

const PHONE_MESSAGE = 'must be a phone number in international format, e.g. +32 470 12 34 56';

/** A phone number in international format, trimmed. */
export const PhoneNumber = () =>
  applyDecorators(Trim(), IsString(), MaxLength(30), IsPhoneNumber(undefined, { message: PHONE_MESSAGE }));

/** A postal address, the same shape wherever one is kept (applications, members, the organisation). */
export interface PostalAddress {
  line1: string;
  line2?: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

export class AddressDto implements PostalAddress {
  @ApiProperty({ example: '12 Rue de la Loi' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  line1: string;

  @ApiPropertyOptional({ example: 'Box 3' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  line2?: string;

  @ApiProperty({ example: '1000' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, { message: 'must be a postal code (letters, digits, spaces, dashes)' })
  postalCode: string;

  @ApiProperty({ example: 'Brussels' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  city: string;

  @ApiProperty({ example: 'BE', description: 'ISO 3166-1 alpha-2' })
  @UpperCase()
  @IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code, e.g. BE' })
  country: string;
}
