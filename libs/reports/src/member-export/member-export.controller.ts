import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authorize, contentDisposition, ProblemDto } from '@tessera/core';
import { MemberListFilters } from '@tessera/members';
import { accountStateCondition } from '@tessera/portal-users';
import { MemberExportQueryDto } from './member-export-query.dto';
import { MemberExportService } from './member-export.service';

@ApiTags('members')
@Controller('members')
export class MemberExportController {
  constructor(private readonly exports: MemberExportService) {}

  @Get('export.csv')
  @Authorize(['admin', 'officer'], ['members:read'])
  @ApiOperation({
    summary: 'The members list as CSV, filtered as the list is',
    description:
      'Officers and admins. Every member matching the filters of `GET /members` (status, plan, portal account ' +
      'state, kind, search) in its order, streamed: number, name, e-mail, plan, status, since (the date the ' +
      'member entered it), period end, amount due and its currency. UTF-8 with a byte order mark, CRLF rows; ' +
      'cells starting with = + - @, tab or CR get a leading apostrophe so spreadsheets never run them.',
  })
  @ApiProduces('text/csv')
  @ApiResponse({ status: 200, description: 'The CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid filter' })
  async export(
    @Query() query: MemberExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { filename, csv } = await this.exports.open({
      kind: query.kind,
      status: query.status,
      planId: query.planId,
      search: query.q,
      added: MemberListFilters.valuesIn(query),
      sort: query.sort,
      contactPerson: accountStateCondition({
        state: query.accountState,
        autoRegistered: query.autoRegistered === 'true',
      }),
    });
    void reply.headers({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' });
    return new StreamableFile(csv, {
      type: 'text/csv; charset=utf-8',
      disposition: contentDisposition('attachment', filename),
    });
  }
}
