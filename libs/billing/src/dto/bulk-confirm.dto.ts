import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { BillingDocumentSummaryDto } from './billing-document-response.dto';

export class BulkConfirmDto {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    minItems: 1,
    maxItems: 500,
    description: 'Pro-formas, confirmed in this order',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids: string[];
}

export class BulkConfirmRefusalDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ example: 409 })
  status: number;
  @ApiProperty({ example: 'PRO-2026-000004: This pro-forma is declined; it cannot become confirmed.' })
  detail: string;
}

export class BulkConfirmResultDto {
  @ApiProperty({
    type: BillingDocumentSummaryDto,
    isArray: true,
    description: 'The invoices, numbered in the order asked',
  })
  invoices: BillingDocumentSummaryDto[];
  @ApiProperty({
    type: BulkConfirmRefusalDto,
    isArray: true,
    description: 'Those that could not be confirmed, and why',
  })
  refused: BulkConfirmRefusalDto[];
}
