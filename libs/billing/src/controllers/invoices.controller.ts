import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  Authorize,
  CurrentPrincipal,
  Idempotency,
  Idempotent,
  type IdempotentCall,
  ProblemDto,
  type Principal,
  type Role,
} from '@tessera/core';
import { BillingDocumentActionsService } from '../billing-document-actions.service';
import { BillingDocumentQueriesService } from '../billing-document-queries.service';
import { documentNotFound } from '../billing-documents.service';
import { ListBillingDocumentsQueryDto, PdfQueryDto } from '../dto/billing-document-query.dto';
import { BillingDocumentDto, BillingDocumentPageDto } from '../dto/billing-document-response.dto';
import { BulkConfirmDto, BulkConfirmResultDto } from '../dto/bulk-confirm.dto';
import { DocumentReasonDto } from '../dto/document-reason.dto';
import { pdfResponse } from './pdf-response';

export const documentIdPipe = new ParseUUIDPipe({ exceptionFactory: () => documentNotFound() });
const STAFF: Role[] = ['admin', 'officer', 'finance', 'approver'];
const BILLERS: Role[] = ['admin', 'officer', 'finance'];

@ApiTags('invoices')
@Controller('invoices')
export class InvoicesController {
  constructor(
    private readonly queries: BillingDocumentQueriesService,
    private readonly actions: BillingDocumentActionsService,
    private readonly idempotency: Idempotency,
  ) {}

  @Get()
  @Authorize(STAFF, ['invoices:read'])
  @ApiOperation({
    summary: 'Invoices, pro-formas and credit notes, newest first',
    description:
      'Filters: kind, state, member, overdue (payable and past due in the organisation’s time zone), issue dates, ' +
      'number. `totals` sums every matching document per currency.',
  })
  @ApiOkResponse({ type: BillingDocumentPageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid filter or paging' })
  list(@Query() query: ListBillingDocumentsQueryDto): Promise<BillingDocumentPageDto> {
    return this.queries.list(query);
  }

  @Post('confirm')
  @HttpCode(HttpStatus.OK)
  @Authorize(BILLERS)
  @ApiOperation({
    summary: 'Confirm many pro-formas into invoices',
    description:
      'One after the other in the order given, so invoice numbers follow it. Those that cannot be confirmed ' +
      '(declined, cancelled, not pro-formas, unknown) are listed with why; the others are confirmed.',
  })
  @ApiOkResponse({ type: BulkConfirmResultDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'No ids, more than 500, repeated or malformed ids' })
  confirmMany(@Body() dto: BulkConfirmDto, @CurrentPrincipal() principal: Principal): Promise<BulkConfirmResultDto> {
    return this.actions.confirmMany(dto.ids, principal);
  }

  @Get(':id')
  @Authorize(STAFF, ['invoices:read'])
  @ApiOperation({ summary: 'A document in full', description: 'Lines, totals, amount due, buyer, related documents.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: BillingDocumentDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No document has this id' })
  get(@Param('id', documentIdPipe) id: string): Promise<BillingDocumentDto> {
    return this.queries.get(id);
  }

  @Get(':id/pdf')
  @Authorize(STAFF, ['invoices:read'])
  @ApiOperation({
    summary: "A document's PDF",
    description:
      'Rendered once when issued and never changed; its SHA-256 is the ETag. `?download=1` for an attachment.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No document has this id' })
  async pdf(
    @Param('id', documentIdPipe) id: string,
    @Query() query: PdfQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { pdf, stream } = await this.actions.openPdf(id);
    return pdfResponse(reply, pdf, stream, query.download !== undefined);
  }

  @Post(':id/confirm')
  @HttpCode(HttpStatus.OK)
  @Authorize(BILLERS)
  @ApiOperation({
    summary: 'Confirm a pro-forma into an invoice',
    description:
      'The invoice gets the next gapless number and links back to the pro-forma. Confirming again — or twice at ' +
      'once — answers with the same invoice. Honours Idempotency-Key.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: BillingDocumentDto, description: 'The invoice' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No document has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Not a pro-forma, or declined or cancelled' })
  confirm(
    @Param('id', documentIdPipe) id: string,
    @CurrentPrincipal() principal: Principal,
    @Idempotent() call: IdempotentCall,
  ): Promise<BillingDocumentDto> {
    return this.idempotency.once(call, () => this.actions.confirm(id, principal));
  }

  @Post(':id/credit')
  @HttpCode(HttpStatus.OK)
  @Authorize(BILLERS)
  @ApiOperation({
    summary: 'Credit an unpaid invoice with a credit note',
    description:
      'Issues a credit note (CN-…, gapless) for the whole invoice, which becomes `credited`. An invoice with ' +
      'payments allocated is refused (409). Crediting again answers with the same credit note.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: BillingDocumentDto, description: 'The credit note' })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Missing or invalid reason' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No document has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Not an invoice, or paid in part or in full' })
  credit(
    @Param('id', documentIdPipe) id: string,
    @Body() dto: DocumentReasonDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BillingDocumentDto> {
    return this.actions.credit(id, dto.reason, principal);
  }

  @Post(':id/decline')
  @HttpCode(HttpStatus.OK)
  @Authorize(BILLERS)
  @ApiOperation({ summary: 'Decline a pro-forma', description: 'The member will not renew; a reason is required.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: BillingDocumentDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Missing or invalid reason' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No document has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Not an open pro-forma' })
  decline(@Param('id', documentIdPipe) id: string, @Body() dto: DocumentReasonDto): Promise<BillingDocumentDto> {
    return this.actions.decline(id, dto.reason);
  }

  @Post(':id/reopen')
  @HttpCode(HttpStatus.OK)
  @Authorize(BILLERS)
  @ApiOperation({
    summary: 'Undo the decline of a renewal pro-forma',
    description: 'While the period it bills has not begun; the subscription renews again.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: BillingDocumentDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No document has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Not a declined pro-forma, or its period has begun' })
  reopen(@Param('id', documentIdPipe) id: string): Promise<BillingDocumentDto> {
    return this.actions.reopen(id);
  }
}
