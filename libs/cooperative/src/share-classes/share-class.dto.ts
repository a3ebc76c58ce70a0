import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Nested, OptionalNotNull, OptionalNullable, Trim, UpperCase } from '@tessera/core';
import { MoneyDto } from '@tessera/plans';

export const HOLDER_KINDS = ['individual', 'organisation'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];
export const SHARE_CLASS_CODE = /^[A-Z0-9][A-Z0-9-]{0,19}$/;
const MAX_SHARES = 1_000_000;

const CODE_DOC = { example: 'B', description: 'Upper-case letters, digits and dashes, up to 20; unique' };
const PRICE_DOC = { type: MoneyDto, description: 'The price of one share (minor units), at least 1' };
const MIN_DOC = { example: 1, minimum: 1, description: 'Fewest shares a holder may hold' };
const MAX_DOC = { example: 40, nullable: true, description: 'Most shares a holder may hold; null: no limit' };
const KINDS_DOC = { enum: HOLDER_KINDS, enumName: 'ShareHolderKind', isArray: true, description: 'Who may hold them' };
const MEMBER_DOC = { description: 'Whether holding one makes the holder a member (on `planId`)' };
const PLAN_DOC = {
  format: 'uuid',
  description: 'The plan of the holder’s member record when it is new (and the membership holding gives)',
};
const FLOW_DOC = {
  format: 'uuid',
  nullable: true,
  description: 'The approval flow of its subscriptions; null: the default share subscription flow',
};

export class ShareClassDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty(CODE_DOC)
  code: string;
  @ApiProperty({ example: 'Supporter shares' })
  name: string;
  @ApiProperty(PRICE_DOC)
  unitPrice: MoneyDto;
  @ApiProperty(MIN_DOC)
  minShares: number;
  @ApiProperty({ ...MAX_DOC, type: Number })
  maxShares: number | null;
  @ApiProperty(KINDS_DOC)
  holderKinds: HolderKind[];
  @ApiProperty(MEMBER_DOC)
  makesMember: boolean;
  @ApiProperty(PLAN_DOC)
  planId: string;
  @ApiProperty({ ...FLOW_DOC, type: String })
  approvalFlowId: string | null;
  @ApiProperty()
  active: boolean;
}

/** Unit price > 0 (a share is never free). */
class SharePriceDto extends MoneyDto {
  @ApiProperty({ description: 'Integer minor units (cents), at least 1', example: 2500, minimum: 1 })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  declare amount: number;
}

export class CreateShareClassDto {
  @ApiProperty(CODE_DOC)
  @Trim()
  @UpperCase()
  @IsString()
  @Matches(SHARE_CLASS_CODE, { message: 'must be 1 to 20 letters, digits or dashes (e.g. B)' })
  code: string;

  @ApiProperty({ example: 'Supporter shares' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name: string;

  @ApiProperty({ ...PRICE_DOC, type: SharePriceDto })
  @Nested(() => SharePriceDto)
  unitPrice: SharePriceDto;

  @ApiProperty(MIN_DOC)
  @IsInt()
  @Min(1)
  @Max(MAX_SHARES)
  minShares: number;

  @ApiPropertyOptional({ ...MAX_DOC, type: Number })
  @OptionalNullable()
  @IsInt()
  @Min(1)
  @Max(MAX_SHARES)
  maxShares?: number | null;

  @ApiProperty(KINDS_DOC)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsIn(HOLDER_KINDS, { each: true })
  holderKinds: HolderKind[];

  @ApiProperty(MEMBER_DOC)
  @IsBoolean()
  makesMember: boolean;

  @ApiProperty(PLAN_DOC)
  @IsUUID('all')
  planId: string;

  @ApiPropertyOptional({ ...FLOW_DOC, type: String })
  @OptionalNullable()
  @IsUUID('all')
  approvalFlowId?: string | null;

  @ApiPropertyOptional({ description: 'Default: true' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export class UpdateShareClassDto {
  @ApiPropertyOptional({ example: 'Supporter shares' })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(120)
  name?: string;

  @ApiPropertyOptional({ ...PRICE_DOC, type: SharePriceDto })
  @OptionalNotNull()
  @Nested(() => SharePriceDto)
  unitPrice?: SharePriceDto;

  @ApiPropertyOptional(MIN_DOC)
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_SHARES)
  minShares?: number;

  @ApiPropertyOptional({ ...MAX_DOC, type: Number })
  @OptionalNullable()
  @IsInt()
  @Min(1)
  @Max(MAX_SHARES)
  maxShares?: number | null;

  @ApiPropertyOptional(KINDS_DOC)
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2)
  @ArrayUnique()
  @IsIn(HOLDER_KINDS, { each: true })
  holderKinds?: HolderKind[];

  @ApiPropertyOptional(MEMBER_DOC)
  @OptionalNotNull()
  @IsBoolean()
  makesMember?: boolean;

  @ApiPropertyOptional(PLAN_DOC)
  @OptionalNotNull()
  @IsUUID('all')
  planId?: string;

  @ApiPropertyOptional({ ...FLOW_DOC, type: String })
  @OptionalNullable()
  @IsUUID('all')
  approvalFlowId?: string | null;

  @ApiPropertyOptional()
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}
