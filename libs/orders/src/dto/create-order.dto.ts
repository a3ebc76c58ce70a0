import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { EmailAddress, LowerCase, Nested, Trim } from '@tessera/core';

export class OrderCustomerDto {
  @ApiProperty({ example: 'ada@example.org', description: 'The portal account is made for this e-mail' })
  @LowerCase()
  @EmailAddress()
  email: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ enum: ['en', 'fr'], description: 'Language of the e-mails (default en)' })
  @IsOptional()
  @IsIn(['en', 'fr'])
  locale?: 'en' | 'fr';
}

export class OrderLineInputDto {
  @ApiProperty({ format: 'uuid', description: 'An active plan' })
  @IsUUID()
  planId: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, description: 'Default 1' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  quantity?: number;
}

export class CreateOrderDto {
  @ApiProperty({ type: OrderCustomerDto })
  @Nested(() => OrderCustomerDto)
  customer: OrderCustomerDto;

  @ApiProperty({ type: [OrderLineInputDto], minItems: 1, maxItems: 20 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OrderLineInputDto)
  lines: OrderLineInputDto[];

  @ApiPropertyOptional({ example: 'SHOP-10042', description: "The shop's own id for this sale" })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  externalReference?: string;
}

export class CancelOrderDto {
  @ApiProperty({ minLength: 3, maxLength: 1000, example: 'The customer changed their mind.' })
  @Trim()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason: string;
}
