import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authorize, CurrentPrincipal, ProblemDto, type Principal } from '@tessera/core';
import { PdfQueryDto } from '../dto/billing-document-query.dto';
import { ReceiptActionsService } from '../payments/receipt-actions.service';
import { paymentIdPipe } from './payments.controller';
import { pdfResponse } from './pdf-response';

@ApiTags('portal')
@Authorize(['member'])
@Controller('me/payments')
export class MyReceiptsController {
  constructor(private readonly receipts: ReceiptActionsService) {}

  @Get(':id/receipt')
  @ApiOperation({
    summary: 'The receipt of one of their own payments (PDF)',
    description: "Another member's is a 404. `?download=1` for an attachment.",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No payment of theirs has this id' })
  async receipt(
    @CurrentPrincipal() principal: Principal,
    @Param('id', paymentIdPipe) id: string,
    @Query() query: PdfQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { pdf, stream } = await this.receipts.openOwn(principal, id);
    return pdfResponse(reply, pdf, stream, query.download !== undefined);
  }
}
