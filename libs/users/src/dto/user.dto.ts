import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayUnique, IsArray, IsBoolean, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { EmailAddress, PageQueryDto, PageResponseDto, ROLES, type Role } from '@tessera/core';
import type { Locale, User } from '../entities/user.entity';

export const LOCALES: Locale[] = ['en', 'fr'];
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class UserDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 'ada@example.org' })
  email: string;
  @ApiProperty({ example: 'Ada Lovelace' })
  name: string;
  @ApiProperty({ enum: ROLES, isArray: true })
  roles: Role[];
  @ApiProperty({ enum: LOCALES })
  locale: Locale;
  @ApiProperty()
  active: boolean;
  @ApiProperty({ description: 'False until the invited user has set a password' })
  activated: boolean;
  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastLoginAt: string | null;

  static from(user: User): UserDto {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      roles: user.roles,
      locale: user.locale,
      active: user.active,
      activated: user.passwordHash !== null,
      createdAt: user.createdAt.toISOString(),
      lastLoginAt: user.lastLoginAt?.toISOString() ?? null,
    };
  }
}

export class UserPageDto extends PageResponseDto(UserDto) {}

export const USER_KINDS = ['staff', 'member', 'all'] as const;
export type UserKind = (typeof USER_KINDS)[number];

export class UserQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, description: 'Matches name or e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiProperty({
    enum: USER_KINDS,
    required: false,
    default: 'staff',
    description:
      'staff: accounts with a staff role (the default); member: portal accounts with no staff role (managed under /members); all: both',
  })
  @IsOptional()
  @IsIn(USER_KINDS)
  kind: UserKind = 'staff';
}

export class CreateUserDto {
  @ApiProperty({ example: 'officer@example.org' })
  @Transform(trim)
  @EmailAddress()
  email: string;

  @ApiProperty({ example: 'Grace Hopper' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: ROLES, isArray: true, example: ['officer'] })
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles: Role[];

  @ApiProperty({
    enum: LOCALES,
    required: false,
    default: 'en',
    example: 'fr',
    description: 'Language of e-mails and the app',
  })
  @IsOptional()
  @IsIn(LOCALES)
  locale: Locale = 'en';
}

export class UpdateUserDto {
  @ApiProperty({ required: false, example: 'Grace Brewster Hopper' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiProperty({ enum: ROLES, isArray: true, required: false, example: ['officer', 'approver'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiProperty({ required: false, example: false, description: 'false ends their sessions and keeps them out' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ enum: LOCALES, required: false, example: 'en' })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}
