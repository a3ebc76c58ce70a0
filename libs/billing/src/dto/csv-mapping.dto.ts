import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { PageResponseDto } from '@tessera/core';
import type { CsvColumn, CsvColumns, CsvMapping } from '../bank-statements/csv-mapping';
import type { CsvPresetName } from '../bank-statements/csv-presets';
import type { StatementDateFormat } from '../bank-statements/statement-dates';
import type { StatementEncoding } from '../bank-statements/statement-text';
import { BankStatementImporterDto } from './bank-statement.dto';

/** A column by its header text or its 0-based position. */
const COLUMN = {
  oneOf: [
    { type: 'string', maxLength: 100 },
    { type: 'integer', minimum: 0, maximum: 199 },
  ],
  description: 'A header name (case and accents ignored) or a 0-based column number',
};
const PRESETS = ['be-fr', 'nl', 'fr'];

export class CsvDirectionDto {
  @ApiProperty(COLUMN)
  column: CsvColumn;
  @ApiProperty({ example: 'Bij', description: 'The value that marks a credit' })
  credit: string;
  @ApiProperty({ example: 'Af', description: 'The value that marks a debit' })
  debit: string;
}

/** Which column holds what; an amount column, or a credit and a debit column. */
export class CsvColumnsDto implements CsvColumns {
  @ApiProperty(COLUMN)
  bookingDate: CsvColumn;
  @ApiPropertyOptional(COLUMN)
  valueDate?: CsvColumn;
  @ApiPropertyOptional({ ...COLUMN, description: 'Signed amount, or unsigned with direction' })
  amount?: CsvColumn;
  @ApiPropertyOptional({ type: CsvDirectionDto })
  direction?: CsvDirectionDto;
  @ApiPropertyOptional(COLUMN)
  credit?: CsvColumn;
  @ApiPropertyOptional(COLUMN)
  debit?: CsvColumn;
  @ApiPropertyOptional(COLUMN)
  currency?: CsvColumn;
  @ApiPropertyOptional(COLUMN)
  counterpartyName?: CsvColumn;
  @ApiPropertyOptional(COLUMN)
  counterpartyIban?: CsvColumn;
  @ApiPropertyOptional(COLUMN)
  structuredReference?: CsvColumn;
  @ApiPropertyOptional({ type: 'array', items: COLUMN, maxItems: 10, description: 'Free text, joined by a space' })
  remittance?: CsvColumn[];
  @ApiPropertyOptional(COLUMN)
  bankReference?: CsvColumn;
  @ApiPropertyOptional(COLUMN)
  account?: CsvColumn;
}

/** How one bank's CSV export is laid out. */
export class CsvMappingDto implements CsvMapping {
  @ApiProperty({ example: ';', minLength: 1, maxLength: 1 })
  delimiter: string;
  @ApiProperty({ enum: [',', '.'] })
  decimalSeparator: ',' | '.';
  @ApiProperty({ enum: ['YYYY-MM-DD', 'DD/MM/YYYY', 'DD-MM-YYYY', 'DD.MM.YYYY', 'YYYYMMDD'] })
  dateFormat: StatementDateFormat;
  @ApiProperty()
  hasHeader: boolean;
  @ApiProperty({ enum: ['utf-8', 'latin1'] })
  encoding: StatementEncoding;
  @ApiPropertyOptional({ minimum: 0, maximum: 100, description: 'Lines before the header or first row' })
  skipLines?: number;
  @ApiPropertyOptional({ example: 'EUR', description: 'The currency of every line, when no column gives it' })
  currency?: string;
  @ApiProperty({ type: CsvColumnsDto })
  columns: CsvColumnsDto;
}

/** PUT /bank-csv-mappings/{iban}: the mapping is checked field by field by the service (400 naming each). */
export class SaveCsvMappingDto {
  @ApiProperty({ type: CsvMappingDto })
  @IsObject()
  mapping: CsvMappingDto;
}

export class BankCsvMappingDto {
  @ApiProperty({ example: 'BE68539007547034', description: 'The bank account (compact IBAN)' })
  accountIban: string;
  @ApiProperty({ type: CsvMappingDto })
  mapping: CsvMappingDto;
  @ApiProperty()
  updatedAt: string;
  @ApiProperty({ type: BankStatementImporterDto, nullable: true })
  updatedBy: BankStatementImporterDto | null;
}

export class BankCsvMappingPageDto extends PageResponseDto(BankCsvMappingDto) {}

export class CsvPresetDto {
  @ApiProperty({ enum: PRESETS, enumName: 'CsvPresetName' })
  name: CsvPresetName;
  @ApiProperty({ example: 'Belgium (French headers, ";" and decimal comma)' })
  label: string;
  @ApiProperty({ type: CsvMappingDto })
  mapping: CsvMappingDto;
}

export class CsvPreviewDto {
  @ApiProperty({ example: ';' })
  delimiter: string;
  @ApiProperty({ enum: ['utf-8', 'latin1'] })
  encoding: StatementEncoding;
  @ApiProperty()
  skipLines: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'string' } },
    description: 'The first rows (header first, if any)',
  })
  rows: string[][];
  @ApiProperty({ enum: PRESETS, enumName: 'CsvPresetName', nullable: true, description: 'A preset that fits' })
  preset: CsvPresetName | null;
}
