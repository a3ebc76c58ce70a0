import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Put, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import {
  Authorize,
  CurrentPrincipal,
  pageOf,
  PageQueryDto,
  ProblemDto,
  type Page,
  type Principal,
  type Role,
} from '@tessera/core';
import { accountIbanOf, CsvMappingsService } from '../bank-statements/csv-mappings.service';
import { BankCsvMappingDto, BankCsvMappingPageDto, SaveCsvMappingDto } from '../dto/csv-mapping.dto';

const FINANCE: Role[] = ['admin', 'finance'];
const IBAN_PARAM = {
  name: 'iban',
  description: 'The bank account (IBAN, spaces allowed)',
  example: 'BE68539007547034',
};

@ApiTags('bank-statements')
@Controller('bank-csv-mappings')
export class BankCsvMappingsController {
  constructor(private readonly mappings: CsvMappingsService) {}

  @Get()
  @Authorize(FINANCE)
  @ApiOperation({ summary: 'Saved CSV mappings, one per bank account', description: 'By IBAN.' })
  @ApiOkResponse({ type: BankCsvMappingPageDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid paging' })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'Not finance' })
  async list(@Query() query: PageQueryDto): Promise<Page<BankCsvMappingDto>> {
    const [rows, total] = await this.mappings.list(query.offset, query.pageSize);
    return pageOf(rows, total, query);
  }

  @Get(':iban')
  @Authorize(FINANCE)
  @ApiOperation({
    summary: 'The CSV mapping saved for a bank account',
    description: 'The columns and reading settings used for CSV statements of this IBAN. Finance and admins.',
  })
  @ApiParam(IBAN_PARAM)
  @ApiOkResponse({ type: BankCsvMappingDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Not a valid IBAN' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No mapping is saved for this account' })
  get(@Param('iban') iban: string): Promise<BankCsvMappingDto> {
    return this.mappings.get(accountIbanOf(iban, 'iban'));
  }

  @Put(':iban')
  @Authorize(FINANCE)
  @ApiOperation({
    summary: 'Save the CSV mapping of a bank account',
    description:
      'Creates or replaces it. CSV uploads naming the account (`account`, without `preset` or `mapping`) are read with it.',
  })
  @ApiParam(IBAN_PARAM)
  @ApiOkResponse({ type: BankCsvMappingDto })
  @ApiBadRequestResponse({
    type: ProblemDto,
    description: 'Not a valid IBAN, or the mapping is wrong (each field named)',
  })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'Not finance' })
  save(
    @Param('iban') iban: string,
    @Body() dto: SaveCsvMappingDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BankCsvMappingDto> {
    return this.mappings.save(
      accountIbanOf(iban, 'iban'),
      dto.mapping,
      principal.kind === 'user' ? principal.userId : null,
    );
  }

  @Delete(':iban')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Authorize(FINANCE)
  @ApiOperation({
    summary: 'Forget the CSV mapping of a bank account',
    description: 'The next CSV upload for this IBAN asks for its columns again. Imported statements are kept.',
  })
  @ApiParam(IBAN_PARAM)
  @ApiNoContentResponse({ description: 'Forgotten' })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Not a valid IBAN' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No mapping is saved for this account' })
  delete(@Param('iban') iban: string): Promise<void> {
    return this.mappings.delete(accountIbanOf(iban, 'iban'));
  }
}
