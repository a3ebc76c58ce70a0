import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { LocalDateField, PageQueryDto, Trim } from '@tessera/core';
import { DOCUMENT_KINDS, DOCUMENT_STATES, type DocumentKind, type DocumentState } from '../billing-document-state';

export class ListBillingDocumentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: DOCUMENT_KINDS, enumName: 'DocumentKind', description: 'Only documents of this kind' })
  @IsOptional()
  @IsIn(DOCUMENT_KINDS)
  kind?: DocumentKind;

  @ApiPropertyOptional({
    enum: DOCUMENT_STATES,
    enumName: 'DocumentState',
    description: 'Only documents in this state',
  })
  @IsOptional()
  @IsIn(DOCUMENT_STATES)
  state?: DocumentState;

  @ApiPropertyOptional({ format: 'uuid', description: "Only this member's documents" })
  @IsOptional()
  @IsUUID()
  memberId?: string;

  @ApiPropertyOptional({ type: Boolean, description: 'true: payable and past due; false: not overdue' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ format: 'date', description: 'Issued on or after (YYYY-MM-DD)' })
  @IsOptional()
  @LocalDateField()
  issuedFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Issued on or before (YYYY-MM-DD)' })
  @IsOptional()
  @LocalDateField()
  issuedTo?: string;

  @ApiPropertyOptional({ description: 'A document number or part of one', example: 'INV-2026-0001' })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  number?: string;
}

export class MyBillingDocumentsQueryDto extends PageQueryDto {}

export class PdfQueryDto {
  @ApiPropertyOptional({ enum: ['1'], description: 'Send it as a download (attachment) rather than inline' })
  @IsOptional()
  @IsIn(['1', 'true'])
  download?: string;
}
