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
import { previewCsvUpload } from '../bank-statements/csv-preview';
import { CSV_PRESETS, type CsvPresetName } from '../bank-statements/csv-presets';
import { MAX_STATEMENT_UPLOAD_BYTES } from '../bank-statements/statement-upload';
import { CsvPresetDto, CsvPreviewDto } from '../dto/csv-mapping.dto';
import {
  BankStatementDto,
  BankStatementLineDto,
  BankStatementLinePageDto,
  BankStatementPageDto,
  ListBankStatementLinesQueryDto,
  ListBankStatementsQueryDto,
  ReopenBankLineDto,
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
      '`format` (camt053 | csv) and, for CSV, `preset` (be-fr | nl | fr), `mapping` (a column mapping as JSON) or ' +
      '`account` (an IBAN whose saved mapping to use). ' +
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
        account: {
          type: 'string',
          description:
            'CSV: the bank account (IBAN). Alone, the file is read with the mapping saved for it ' +
            '(PUT /bank-csv-mappings/{iban}); in every case a file naming another account is refused.',
        },
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

  @Get('bank-statements/csv-presets')
  @Authorize(FINANCE)
  @ApiOperation({
    summary: 'CSV layouts to start a mapping from',
    description: 'Common Belgian, Dutch and French layouts; check them against a real file of the bank.',
  })
  @ApiOkResponse({ type: CsvPresetDto, isArray: true })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'Not finance' })
  presets(): CsvPresetDto[] {
    return Object.entries(CSV_PRESETS).map(([name, preset]) => ({ name: name as CsvPresetName, ...preset }));
  }

  @Post('bank-statements/csv-preview')
  @HttpCode(HttpStatus.OK)
  @Authorize(FINANCE)
  @TakesFiles({ fileSize: MAX_STATEMENT_UPLOAD_BYTES })
  @ApiOperation({
    summary: 'The first rows of a CSV export, to map its columns',
    description:
      'multipart/form-data: `file` and optionally `delimiter`, `encoding` (utf-8 | latin1) and `skipLines` ' +
      '(0–100); what is not given is guessed. Stores nothing. Also names a preset whose columns fit.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'A CSV export, up to 20 MiB' },
        delimiter: { type: 'string', minLength: 1, maxLength: 1 },
        encoding: { type: 'string', enum: ['utf-8', 'latin1'] },
        skipLines: { type: 'string', pattern: '^\\d{1,3}$', description: '0 to 100' },
      },
    },
  })
  @ApiOkResponse({ type: CsvPreviewDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Bad form, or not CSV text' })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'Not finance' })
  @ApiPayloadTooLargeResponse({ type: ProblemDto, description: 'The file is over 20 MiB' })
  @ApiUnsupportedMediaTypeResponse({ type: ProblemDto, description: 'Not multipart, or the file is not text' })
  preview(@Req() request: FastifyRequest): CsvPreviewDto {
    return previewCsvUpload(multipartBody(request));
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

  @Post('bank-statement-lines/:id/reopen')
  @HttpCode(HttpStatus.OK)
  @Authorize(FINANCE)
  @ApiOperation({
    summary: 'Put a line ignored by mistake back in the review queue',
    description:
      'Only a credit line finance ignored; the earlier decision stays in `decisions`. A resolved line is ' +
      'undone by reversing its payment, not here.',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: BankStatementLineDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Bad note' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No line has this id' })
  @ApiConflictResponse({ type: ProblemDto, description: 'The line is not an ignored credit' })
  reopen(
    @Param('id', lineIdPipe) id: string,
    @Body() dto: ReopenBankLineDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BankStatementLineDto> {
    return this.statements.reopen(id, dto, principal);
  }
}
