import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authorize, ProblemDto } from '@tessera/core';
import { PdfQueryDto } from '../dto/billing-document-query.dto';
import { ReceiptActionsService } from '../payments/receipt-actions.service';
import { paymentIdPipe } from './payments.controller';
import { pdfResponse } from './pdf-response';

@ApiTags('payments')
@Controller('payments')
export class ReceiptsController {
  constructor(private readonly receipts: ReceiptActionsService) {}

  @Get(':id/receipt')
  @Authorize(['admin', 'finance', 'officer'])
  @ApiOperation({
    summary: "A payment's receipt (PDF)",
    description:
      'In the member’s language; rendered once (when the receipt is e-mailed, or on first download) and never ' +
      'changed: its SHA-256 is the ETag. `?download=1` for an attachment.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No payment has this id' })
  async receipt(
    @Param('id', paymentIdPipe) id: string,
    @Query() query: PdfQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { pdf, stream } = await this.receipts.open(id);
    return pdfResponse(reply, pdf, stream, query.download !== undefined);
  }
}
