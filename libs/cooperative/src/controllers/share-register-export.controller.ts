import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authorize, contentDisposition, ProblemDto, STAFF_ROLES } from '@tessera/core';
import { shareRegisterCsv } from '../share-register/share-register-csv';
import { ShareRegisterQueryDto } from '../share-register/share-register.dto';
import { ShareRegisterService } from '../share-register/share-register.service';

@ApiTags('shares')
@Controller()
export class ShareRegisterExportController {
  constructor(private readonly register: ShareRegisterService) {}

  @Get('share-register.csv')
  @Authorize([...STAFF_ROLES])
  @ApiOperation({
    summary: 'The share register as of a date, as CSV',
    description:
      'One row per holder and class held on `asOf` (today by default): cooperator number, holder, class, ' +
      'quantity, share numbers, capital and currency. UTF-8 with a byte order mark, CRLF rows; cells starting ' +
      'with = + - @, tab or CR get a leading apostrophe so spreadsheets never run them. Staff.',
  })
  @ApiProduces('text/csv')
  @ApiResponse({ status: 200, description: 'The CSV file', content: { 'text/csv': { schema: { type: 'string' } } } })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid date' })
  async export(@Query() query: ShareRegisterQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const register = await this.register.asOf(query.asOf);
    void reply.headers({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' });
    return new StreamableFile(shareRegisterCsv(register), {
      type: 'text/csv; charset=utf-8',
      disposition: contentDisposition('attachment', `share-register-${register.asOf}.csv`),
    });
  }
}
