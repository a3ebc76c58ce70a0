import { Controller, Get, Param, ParseUUIDPipe, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PdfQueryDto, pdfResponse } from '@tessera/billing';
import { Authorize, ProblemDto, STAFF_ROLES } from '@tessera/core';
import { certificateNotFound, ShareCertificateFilesService } from '../certificates/share-certificate-files.service';

const idPipe = new ParseUUIDPipe({ exceptionFactory: () => certificateNotFound() });

@ApiTags('shares')
@Controller('share-certificates')
export class ShareCertificatesController {
  constructor(private readonly files: ShareCertificateFilesService) {}

  @Get(':id/pdf')
  @Authorize([...STAFF_ROLES])
  @ApiOperation({
    summary: "A share certificate's PDF (staff)",
    description:
      'Stored when the shares entered the register, never changed; its SHA-256 is the ETag. `?download=1` to save.',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The certificate’s id' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDto })
  async pdf(
    @Param('id', idPipe) id: string,
    @Query() query: PdfQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { pdf, stream } = await this.files.open(id);
    return pdfResponse(reply, pdf, stream, query.download !== undefined);
  }
}
