import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto, PageResponseDto, ROLES, type Role } from '@tessera/core';
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

export class UserQueryDto extends PageQueryDto {
  @ApiProperty({ required: false, description: 'Matches name or e-mail' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class CreateUserDto {
  @ApiProperty({ example: 'officer@example.org' })
  @Transform(trim)
  @IsEmail()
  @MaxLength(254)
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

  @ApiProperty({ enum: LOCALES, required: false, default: 'en' })
  @IsOptional()
  @IsIn(LOCALES)
  locale: Locale = 'en';
}

export class UpdateUserDto {
  @ApiProperty({ required: false })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiProperty({ enum: ROLES, isArray: true, required: false })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiProperty({ required: false })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiProperty({ enum: LOCALES, required: false })
  @IsOptional()
  @IsIn(LOCALES)
  locale?: Locale;
}
