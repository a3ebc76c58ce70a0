import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  registerDecorator,
  ValidateIf,
  ValidateNested,
  type ValidationArguments,
} from 'class-validator';
import { AddressDto, EmailAddress, LowerCase, PhoneNumber, Trim, UpperCase } from '@tessera/core';
import {
  APPLICANT_KINDS,
  APPLICATION_LOCALES,
  type ApplicantKind,
  type ApplicationLocale,
} from '../registration.types';

export const MAX_REPRESENTATIVES = 10;

/** Only allowed when the application's kind is `kind` (the value may still be left out). */
function OnlyForKind(kind: ApplicantKind) {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'onlyForKind',
      target: object.constructor,
      propertyName,
      constraints: [kind],
      options: { message: `must be left out unless kind is "${kind}"` },
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          value === undefined || (args.object as { kind?: unknown }).kind === kind,
      },
    });
}

/** Exactly one representative is the contact. */
function ExactlyOneContact() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'exactlyOneContact',
      target: object.constructor,
      propertyName,
      options: { message: 'must have exactly one representative with isContact: true' },
      validator: {
        validate: (value: unknown) =>
          !Array.isArray(value) ||
          value.filter((entry) => (entry as { isContact?: unknown } | null)?.isContact === true).length === 1,
      },
    });
}

export class PersonDto {
  @ApiProperty({ example: 'Ada' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName: string;

  @ApiProperty({ example: 'Lovelace' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName: string;

  @ApiProperty({ example: 'ada@example.org' })
  @LowerCase()
  @EmailAddress()
  email: string;

  @ApiProperty({ example: '+32 470 12 34 56' })
  @PhoneNumber()
  phone: string;

  @ApiProperty({ example: '1990-12-10', format: 'date', description: 'In the past; age 16 to 120' })
  @IsString()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written YYYY-MM-DD' })
  @IsISO8601({ strict: true }, { message: 'must be a real calendar date' })
  birthDate: string;

  @ApiProperty({ type: AddressDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto;

  @ApiProperty({ example: 'BE', description: 'ISO 3166-1 alpha-2' })
  @UpperCase()
  @IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code, e.g. BE' })
  nationality: string;
}

export class ProfessionalDto {
  @ApiProperty({ example: 'Engineer' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  occupation: string;

  @ApiPropertyOptional({ example: 'Analytical Engines Ltd' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  employer?: string;

  @ApiPropertyOptional({ example: 'Lead programmer' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  jobTitle?: string;

  @ApiPropertyOptional({ example: 'Research' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  sector?: string;

  @ApiPropertyOptional({ example: 'ENG-12345' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(50)
  licenceNumber?: string;

  @ApiPropertyOptional({ minimum: 0, maximum: 80, example: 12 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(80)
  yearsOfExperience?: number;
}

export class RepresentativeDto {
  @ApiProperty({ example: 'Grace' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName: string;

  @ApiProperty({ example: 'Hopper' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName: string;

  @ApiProperty({ example: 'grace@example.org' })
  @LowerCase()
  @EmailAddress()
  email: string;

  @ApiPropertyOptional({ example: '+32 2 123 45 67' })
  @IsOptional()
  @PhoneNumber()
  phone?: string;

  @ApiProperty({ example: 'Director' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  role: string;

  @ApiProperty({ description: 'Exactly one representative is the contact: e-mails go to them' })
  @IsBoolean()
  isContact: boolean;
}

export class OrganisationDto {
  @ApiProperty({ example: 'Analytical Engines SA' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  legalName: string;

  @ApiProperty({ example: '0123.456.789', description: 'Company registration number' })
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(40)
  @Matches(/^[A-Za-z0-9][A-Za-z0-9 ./-]*$/, { message: 'may contain letters, digits, spaces, dots, slashes, dashes' })
  registrationNumber: string;

  @ApiPropertyOptional({ example: 'BE0123456789' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(20)
  @Matches(/^[A-Za-z]{2}[A-Za-z0-9 .+*-]{2,17}$/, { message: 'must be a VAT number starting with a country code' })
  vatNumber?: string;

  @ApiProperty({ type: AddressDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => AddressDto)
  address: AddressDto;

  @ApiPropertyOptional({ example: 'https://example.org' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an http(s) URL' })
  website?: string;

  @ApiProperty({ type: RepresentativeDto, isArray: true, minItems: 1, maxItems: MAX_REPRESENTATIVES })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_REPRESENTATIVES)
  @ExactlyOneContact()
  @ValidateNested({ each: true })
  @Type(() => RepresentativeDto)
  representatives: RepresentativeDto[];
}

export class ConsentInputDto {
  @ApiProperty({ enum: [true], description: 'Accepts the terms' })
  @Equals(true, { message: 'must be accepted (true)' })
  terms: true;

  @ApiProperty({ enum: [true], description: 'Accepts the privacy notice' })
  @Equals(true, { message: 'must be accepted (true)' })
  privacy: true;
}

/** The JSON document of the `application` part of POST /applications. */
export class ApplicationInputDto {
  @ApiProperty({ enum: APPLICANT_KINDS, enumName: 'ApplicantKind' })
  @IsIn(APPLICANT_KINDS)
  kind: ApplicantKind;

  @ApiProperty({ format: 'uuid', description: 'An active plan open to this kind of applicant' })
  @IsUUID(undefined, { message: 'must be a plan id (UUID)' })
  planId: string;

  @ApiProperty({ enum: APPLICATION_LOCALES, enumName: 'ApplicationLocale', description: 'Language of e-mails' })
  @IsIn(APPLICATION_LOCALES)
  locale: ApplicationLocale;

  @ApiProperty({ type: ConsentInputDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentInputDto)
  consent: ConsentInputDto;

  @ApiPropertyOptional({ type: PersonDto, description: 'Required for kind individual; absent otherwise' })
  @ValidateIf((o: ApplicationInputDto) => o.kind === 'individual' || o.person !== undefined)
  @OnlyForKind('individual')
  @IsDefined({ message: 'is required for an individual application' })
  @IsObject()
  @ValidateNested()
  @Type(() => PersonDto)
  person?: PersonDto;

  @ApiPropertyOptional({ type: ProfessionalDto, description: 'Individuals only' })
  @IsOptional()
  @OnlyForKind('individual')
  @IsObject()
  @ValidateNested()
  @Type(() => ProfessionalDto)
  professional?: ProfessionalDto;

  @ApiPropertyOptional({ type: OrganisationDto, description: 'Required for kind organisation; absent otherwise' })
  @ValidateIf((o: ApplicationInputDto) => o.kind === 'organisation' || o.organisation !== undefined)
  @OnlyForKind('organisation')
  @IsDefined({ message: 'is required for an organisation application' })
  @IsObject()
  @ValidateNested()
  @Type(() => OrganisationDto)
  organisation?: OrganisationDto;
}
