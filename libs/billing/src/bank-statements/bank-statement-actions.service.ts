import { Injectable } from '@nestjs/common';
import { pageOf, ProblemException, type MultipartBody, type Page, type Principal } from '@tessera/core';
import type {
  BankStatementDto,
  BankStatementLineDto,
  ListBankStatementLinesQueryDto,
  ListBankStatementsQueryDto,
  ReopenBankLineDto,
  ResolveBankLineDto,
} from '../dto/bank-statement.dto';
import { bankLineNotFound, BankLineResolutionService, type LineResolution } from './bank-line-resolution.service';
import { BankStatementImportService } from './bank-statement-import.service';
import { BankStatementQueries } from './bank-statement-queries';
import { CsvMappingsService } from './csv-mappings.service';
import { statementUploadOf } from './statement-upload';

export function bankStatementNotFound(): ProblemException {
  return ProblemException.notFound('No bank statement has this id.', 'bank-statement-not-found');
}

const userOf = (principal: Principal) => (principal.kind === 'user' ? principal.userId : null);

/** What the bank statement endpoints do: an import, a decision or a read, answered as DTOs. */
@Injectable()
export class BankStatementActionsService {
  constructor(
    private readonly imports: BankStatementImportService,
    private readonly resolutions: BankLineResolutionService,
    private readonly queries: BankStatementQueries,
    private readonly mappings: CsvMappingsService,
  ) {}

  async import(body: MultipartBody, principal: Principal): Promise<BankStatementDto> {
    const upload = statementUploadOf(body);
    // A CSV upload naming only its account is read with the mapping saved for that account.
    if (upload.format === 'csv' && !upload.mapping && upload.account)
      upload.mapping = await this.mappings.mappingFor(upload.account);
    const { id } = await this.imports.import(upload, userOf(principal));
    return this.get(id);
  }

  async list(query: ListBankStatementsQueryDto): Promise<Page<BankStatementDto>> {
    const [rows, total] = await this.queries.statements(query.offset, query.pageSize);
    return pageOf(rows, total, query);
  }

  async get(id: string): Promise<BankStatementDto> {
    const statement = await this.queries.statement(id);
    if (!statement) throw bankStatementNotFound();
    return statement;
  }

  async lines(query: ListBankStatementLinesQueryDto): Promise<Page<BankStatementLineDto>> {
    const [rows, total] = await this.queries.lines({
      state: query.state,
      open: query.open === 'true',
      statementId: query.statementId,
      offset: query.offset,
      limit: query.pageSize,
    });
    return pageOf(rows, total, query);
  }

  async resolve(id: string, dto: ResolveBankLineDto, principal: Principal): Promise<BankStatementLineDto> {
    await this.resolutions.resolve(id, resolutionOf(dto), userOf(principal));
    return this.line(id);
  }

  async reopen(id: string, dto: ReopenBankLineDto, principal: Principal): Promise<BankStatementLineDto> {
    await this.resolutions.reopen(id, dto.note, userOf(principal));
    return this.line(id);
  }

  private async line(id: string): Promise<BankStatementLineDto> {
    const line = await this.queries.line(id);
    if (!line) throw bankLineNotFound();
    return line;
  }
}

/** Exactly one decision per request. */
function resolutionOf(dto: ResolveBankLineDto): LineResolution {
  const chosen = [dto.allocations !== undefined, dto.acceptSuggestion === true, dto.ignore === true].filter(Boolean);
  if (chosen.length !== 1)
    throw ProblemException.validation([
      { field: 'allocations', message: 'give exactly one of allocations, acceptSuggestion or ignore' },
    ]);
  if (dto.ignore) {
    if (!dto.reason) throw ProblemException.validation([{ field: 'reason', message: 'is required to ignore a line' }]);
    return { kind: 'ignore', reason: dto.reason };
  }
  if (dto.acceptSuggestion) return { kind: 'accept-suggestion', note: dto.note };
  return { kind: 'allocate', allocations: dto.allocations!, memberId: dto.memberId, note: dto.note };
}
