import { Controller, Delete, Get, Headers, HttpCode, Put, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConsumes,
  ApiForbiddenResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiResponse,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import {
  Authorize,
  CurrentPrincipal,
  multipartBody,
  ProblemDto,
  Public,
  TakesFiles,
  userIdOf,
  type Principal,
} from '@tessera/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { OrganisationSettingsDto } from '../dto/organisation-settings.dto';
import { OrganisationLogoService } from '../organisation-logo.service';

/** True when the browser's cached copy (If-None-Match) is the current logo. */
function isFresh(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const candidate = tag.trim().replace(/^W\//, '');
    return candidate === '*' || candidate === etag;
  });
}

@ApiTags('settings')
@Controller('settings/organisation/logo')
export class OrganisationLogoController {
  constructor(private readonly logo: OrganisationLogoService) {}

  @Put()
  @Authorize(['admin'])
  @TakesFiles()
  @ApiOperation({
    summary: "Replace the organisation's logo",
    description:
      'Admins only. multipart/form-data with one `file`: a PNG or JPEG (decided from its content), up to 512 KiB. ' +
      'Invoices issued from now on carry it.',
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description: 'PNG or JPEG, up to 512 KiB' } },
    },
  })
  @ApiOkResponse({ type: OrganisationSettingsDto, description: 'The settings with the new logo' })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'No file, several files, or other fields' })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'Not an admin' })
  @ApiPayloadTooLargeResponse({ type: ProblemDto, description: 'The file is over 512 KiB' })
  @ApiUnsupportedMediaTypeResponse({ type: ProblemDto, description: 'Not multipart, or not a PNG or JPEG' })
  replace(@Req() request: FastifyRequest, @CurrentPrincipal() principal: Principal): Promise<OrganisationSettingsDto> {
    return this.logo.replace(multipartBody(request), userIdOf(principal));
  }

  @Delete()
  @Authorize(['admin'])
  @HttpCode(204)
  @ApiOperation({ summary: "Remove the organisation's logo", description: 'Admins only. Idempotent.' })
  @ApiNoContentResponse({ description: 'There is no logo any more' })
  @ApiForbiddenResponse({ type: ProblemDto, description: 'Not an admin' })
  async remove(@CurrentPrincipal() principal: Principal): Promise<void> {
    await this.logo.remove(userIdOf(principal));
  }

  @Get()
  @Public()
  @ApiOperation({
    summary: "The organisation's logo",
    description: 'Anyone. The image with its type; its ETag is its SHA-256, so a browser revalidates it cheaply (304).',
  })
  @ApiHeader({
    name: 'If-None-Match',
    required: false,
    description: 'The ETag of a copy the caller holds: 304 when it is still the current logo',
  })
  @ApiProduces('image/png', 'image/jpeg')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary', description: 'The image' } })
  @ApiResponse({ status: 304, description: 'The cached copy is current' })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'The organisation has no logo' })
  async get(
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile | undefined> {
    const logo = await this.logo.current();
    const etag = `"${logo.sha256}"`;
    // Cached anywhere (it is public) but checked each time, since the URL outlives a replaced logo.
    void reply.headers({
      ETag: etag,
      'Cache-Control': 'public, no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
    if (isFresh(ifNoneMatch, etag)) {
      void reply.code(304);
      return undefined;
    }
    const bytes = await this.logo.bytesOf(logo);
    return new StreamableFile(bytes, { type: logo.contentType, length: bytes.length });
  }
}
