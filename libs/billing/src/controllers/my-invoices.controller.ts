import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authorize, CurrentPrincipal, ProblemDto, type Principal } from '@tessera/core';
import { BillingDocumentActionsService } from '../billing-document-actions.service';
import { MyBillingDocumentsQueryDto, PdfQueryDto } from '../dto/billing-document-query.dto';
import { BillingDocumentDto, MyBillingDocumentPageDto } from '../dto/billing-document-response.dto';
import { DeclineRenewalDto } from '../dto/document-reason.dto';
import { documentIdPipe } from './invoices.controller';
import { pdfResponse } from './pdf-response';

@ApiTags('portal')
@Authorize(['member'])
@Controller('me/invoices')
export class MyInvoicesController {
  constructor(private readonly actions: BillingDocumentActionsService) {}

  @Get()
  @ApiOperation({
    summary: "The member's own invoices, pro-formas and credit notes",
    description: 'Those of their membership and of the organisations they are the contact of; newest first.',
  })
  @ApiOkResponse({ type: MyBillingDocumentPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: MyBillingDocumentsQueryDto) {
    return this.actions.listOwn(principal, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of their own documents', description: "Another member's document is a 404." })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: BillingDocumentDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No document of theirs has this id' })
  get(@CurrentPrincipal() principal: Principal, @Param('id', documentIdPipe) id: string): Promise<BillingDocumentDto> {
    return this.actions.getOwn(principal, id);
  }

  @Post(':id/decline')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: '"I will not renew"',
    description:
      'Declines one of their own renewal pro-formas (a reason is optional): the membership ends with the current ' +
      'period. It can be undone (POST …/reopen) until the next period begins.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: BillingDocumentDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No document of theirs has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Not an open pro-forma' })
  decline(
    @CurrentPrincipal() principal: Principal,
    @Param('id', documentIdPipe) id: string,
    @Body() dto: DeclineRenewalDto,
  ): Promise<BillingDocumentDto> {
    return this.actions.declineOwn(principal, id, dto.reason || null);
  }

  @Post(':id/reopen')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Renew after all', description: 'Undoes their decline while the period has not begun.' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: BillingDocumentDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No document of theirs has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'Not declined, or the period has begun' })
  reopen(
    @CurrentPrincipal() principal: Principal,
    @Param('id', documentIdPipe) id: string,
  ): Promise<BillingDocumentDto> {
    return this.actions.reopenOwn(principal, id);
  }

  @Get(':id/pdf')
  @ApiOperation({ summary: 'The PDF of one of their own documents', description: "Another member's is a 404." })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No document of theirs has this id' })
  async pdf(
    @CurrentPrincipal() principal: Principal,
    @Param('id', documentIdPipe) id: string,
    @Query() query: PdfQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { pdf, stream } = await this.actions.openOwnPdf(principal, id);
    return pdfResponse(reply, pdf, stream, query.download !== undefined);
  }
}
