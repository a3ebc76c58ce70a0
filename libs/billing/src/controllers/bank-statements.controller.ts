import { Body, Controller, Get, HttpCode, HttpStatus, Param, ParseUUIDPipe, Post, Query, Req } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiPayloadTooLargeResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import {
  Authorize,
  CurrentPrincipal,
  multipartBody,
  ProblemDto,
  TakesFiles,
  type Page,
  type Principal,
  type Role,
} from '@tessera/core';
import type { FastifyRequest } from 'fastify';
import { bankLineNotFound } from '../bank-statements/bank-line-resolution.service';
import { BankStatementActionsService, bankStatementNotFound } from '../bank-statements/bank-statement-actions.service';
import { MAX_STATEMENT_UPLOAD_BYTES } from '../bank-statements/statement-upload';
import {
  BankStatementDto,
  BankStatementLineDto,
  BankStatementLinePageDto,
  BankStatementPageDto,
  ListBankStatementLinesQueryDto,
  ListBankStatementsQueryDto,
  ResolveBankLineDto,
} from '../dto/bank-statement.dto';

const FINANCE: Role[] = ['admin', 'finance'];
const statementIdPipe = new ParseUUIDPipe({ exceptionFactory: () => bankStatementNotFound() });
const lineIdPipe = new ParseUUIDPipe({ exceptionFactory: () => bankLineNotFound() });

@ApiTags('bank-statements')
@Controller()
export class BankStatementsController {
  constructor(private readonly statements: BankStatementActionsService) {}

  @Post('bank-statements')
  @Authorize(FINANCE)
  @TakesFiles({ fileSize: MAX_STATEMENT_UPLOAD_BYTES })
  @ApiOperation({
    summary: 'Import a bank statement and reconcile it',
    description:
      'multipart/form-data: `file` (a CAMT.053 XML file or a CSV export, up to 20 MiB, judged from its content), ' +
      '`format` (camt053 | csv) and, for CSV, `preset` (be-fr | nl | fr) or `mapping` (a column mapping as JSON). ' +
      'Each transaction is stored once across statements (a repeat is a duplicate). Credit lines quoting the RF or ' +
      'OGM reference of one of our documents are recorded as bank-transfer payments (partial and over-payments ' +
      'included: the rest is credit); a unique open document of the same amount billed to the payer’s name is ' +
      'suggested; the rest go to the review queue; debits are ignored. The same file again is a 409 naming the ' +
      'statement it was imported as (`statementId`).',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'format'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'CAMT.053 XML or CSV, up to 20 MiB' },
        format: { type: 'string', enum: ['camt053', 'csv'] },
        preset: { type: 'string', enum: ['be-fr', 'nl', 'fr'], description: 'CSV: a common layout' },
        mapping: { type: 'string', description: 'CSV: the column mapping, as JSON (instead of a preset)' },
      },
    },
  })
  @ApiCreatedResponse({ type: BankStatementDto, description: 'The statement and what its import did' })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Not a statement the parser can read (why), bad form' })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'Not finance' })
  @ApiConflictResponse({ type: ProblemDto, description: 'This file was imported before (statementId names it)' })
  @ApiPayloadTooLargeResponse({ type: ProblemDto, description: 'The file is over 20 MiB' })
  @ApiUnsupportedMediaTypeResponse({ type: ProblemDto, description: 'Not multipart, or the file is not XML/CSV text' })
  import(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal): Promise<BankStatementDto> {
    return this.statements.import(multipartBody(request), principal);
  }

  @Get('bank-statements')
  @Authorize(FINANCE)
  @ApiOperation({ summary: 'Imported bank statements, newest first', description: 'With what each import did.' })
  @ApiOkResponse({ type: BankStatementPageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid paging' })
  list(@Query() query: ListBankStatementsQueryDto): Promise<Page<BankStatementDto>> {
    return this.statements.list(query);
  }

  @Get('bank-statements/:id')
  @Authorize(FINANCE)
  @ApiOperation({
    summary: 'A bank statement',
    description: 'Its summary; its lines are at GET /bank-statement-lines?statementId=.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: BankStatementDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No statement has this id' })
  get(@Param('id', statementIdPipe) id: string): Promise<BankStatementDto> {
    return this.statements.get(id);
  }

  @Get('bank-statement-lines')
  @Authorize(FINANCE)
  @ApiOperation({
    summary: 'Bank statement lines: the review queue',
    description: 'Filter by state (to-review, suggested… for the queue) and statement; newest statement first.',
  })
  @ApiOkResponse({ type: BankStatementLinePageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid filter or paging' })
  lines(@Query() query: ListBankStatementLinesQueryDto): Promise<Page<BankStatementLineDto>> {
    return this.statements.lines(query);
  }

  @Post('bank-statement-lines/:id/resolve')
  @HttpCode(HttpStatus.OK)
  @Authorize(FINANCE)
  @ApiOperation({
    summary: 'Decide a line of the review queue',
    description:
      'One of: `allocations` (documents of one member paid by the line, up to its amount; the rest is that ' +
      'member’s credit, or all of it with `memberId` and no documents), `acceptSuggestion: true`, or ' +
      '`ignore: true` with a `reason` ("not ours"). Recorded with who and when; a line decided already is a 409.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: BankStatementLineDto })
  @ApiBadRequestResponse({
    type: ProblemDto,
    description: 'Not exactly one decision, documents of several members, more than the line',
  })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No line, document or member has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'The line was decided already, or has no suggestion' })
  resolve(
    @Param('id', lineIdPipe) id: string,
    @Body() dto: ResolveBankLineDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BankStatementLineDto> {
    return this.statements.resolve(id, dto, principal);
  }
}
