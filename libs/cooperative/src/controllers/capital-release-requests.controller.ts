import { Controller, Get, Param, ParseUUIDPipe, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
  OmitType,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  BillingDocumentDto,
  BillingDocumentPageDto,
  BillingDocumentPdfService,
  BillingDocumentQueriesService,
  ListBillingDocumentsQueryDto,
  PdfQueryDto,
  pdfResponse,
} from '@tessera/billing';
import { Authorize, ProblemDto, ProblemException, STAFF_ROLES } from '@tessera/core';

const notFound = () =>
  ProblemException.notFound('No capital release request has this id.', 'capital-release-request-not-found');
const idPipe = new ParseUUIDPipe({ exceptionFactory: notFound });

/** The invoices list's filters, less `kind` (always `capital-release` here). */
export class ListCapitalReleaseRequestsQueryDto extends OmitType(ListBillingDocumentsQueryDto, ['kind'] as const) {}

@ApiTags('shares')
@Controller('capital-release-requests')
export class CapitalReleaseRequestsController {
  constructor(
    private readonly queries: BillingDocumentQueriesService,
    private readonly pdfs: BillingDocumentPdfService,
  ) {}

  @Get()
  @Authorize([...STAFF_ROLES])
  @ApiOperation({
    summary: 'Capital release requests, newest first',
    description:
      'The payable documents (CRR-…) issued when share subscriptions are approved: number, amount, amount due, ' +
      'payment reference and state. Filters as for invoices: state, member, overdue, issue dates, number. Staff.',
  })
  @ApiOkResponse({ type: BillingDocumentPageDto })
  @ApiBadRequestResponse({ type: ProblemDto })
  list(@Query() query: ListCapitalReleaseRequestsQueryDto): Promise<BillingDocumentPageDto> {
    return this.queries.list(
      Object.assign(new ListBillingDocumentsQueryDto(), query, { kind: 'capital-release' as const }),
    );
  }

  @Get(':id')
  @Authorize([...STAFF_ROLES])
  @ApiOperation({ summary: 'A capital release request in full', description: 'Lines, totals, amount due, holder.' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The document’s id' })
  @ApiOkResponse({ type: BillingDocumentDto })
  @ApiNotFoundResponse({ type: ProblemDto })
  async get(@Param('id', idPipe) id: string): Promise<BillingDocumentDto> {
    return this.queries.get((await this.find(id)).id);
  }

  @Get(':id/pdf')
  @Authorize([...STAFF_ROLES])
  @ApiOperation({
    summary: "A capital release request's PDF",
    description: 'With the payment instructions (IBAN, BIC, EPC QR). Its SHA-256 is the ETag; `?download=1` to save.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The document’s id' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDto })
  async pdf(
    @Param('id', idPipe) id: string,
    @Query() query: PdfQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const pdf = await this.pdfs.ensure(await this.find(id));
    return pdfResponse(reply, pdf, this.pdfs.open(pdf), query.download !== undefined);
  }

  private async find(id: string) {
    const document = await this.queries.find(id);
    if (document.kind !== 'capital-release') throw notFound();
    return document;
  }
}
