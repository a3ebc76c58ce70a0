import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authorize, contentDisposition, CurrentPrincipal, ProblemDto, type Principal } from '@tessera/core';
import { MySharesDto } from '../my-shares/my-shares.dto';
import { certificateNotFound, MySharesService } from '../my-shares/my-shares.service';
import { CertificatePdfQueryDto } from '../my-shares/certificate-pdf-query.dto';
import { CreateMyShareSubscriptionDto, ShareSubscriptionDto } from '../share-subscriptions/share-subscription.dto';

const certificateIdPipe = new ParseUUIDPipe({ exceptionFactory: certificateNotFound });

@ApiTags('portal')
@Authorize(['member'])
@Controller('me')
export class MySharesController {
  constructor(private readonly shares: MySharesService) {}

  @Get('shares')
  @ApiOperation({
    summary: 'Their shares, and those of the organisations they represent',
    description:
      'Their own holdings by class with the share numbers, certificates, capital release requests (those open ' +
      'are paid like invoices) and requests under way; and, separately, the same for each organisation they are ' +
      'a representative of (`actsFor`: whether they are its contact, who pays and asks for operations).',
  })
  @ApiOkResponse({ type: MySharesDto })
  show(@CurrentPrincipal() principal: Principal): Promise<MySharesDto> {
    return this.shares.show(principal);
  }

  @Get('shares/certificates/:id/pdf')
  @ApiOperation({
    summary: 'One of their share certificates as a PDF',
    description: "Theirs or an organisation's they represent; any other is a 404.",
  })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The certificate (GET /me/shares)' })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  @ApiNotFoundResponse({ type: ProblemDto, description: 'No certificate of theirs has this id' })
  async certificatePdf(
    @CurrentPrincipal() principal: Principal,
    @Param('id', certificateIdPipe) id: string,
    @Query() query: CertificatePdfQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { stream, sha256, filename } = await this.shares.openCertificate(principal, id);
    void reply.headers({
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-cache',
      ETag: `"${sha256}"`,
    });
    return new StreamableFile(stream, {
      type: 'application/pdf',
      disposition: contentDisposition(query.download !== undefined ? 'attachment' : 'inline', filename),
    });
  }

  @Post('share-subscriptions')
  @ApiOperation({
    summary: 'Buy more shares',
    description:
      'For themselves (no holderId) or an organisation they represent: the class, quantity (within its bounds, ' +
      'counting what the holder has), IBAN and consent to the statutes. No captcha. Goes through approval like ' +
      'any share subscription; one pending request per holder and class (409).',
  })
  @ApiCreatedResponse({ type: ShareSubscriptionDto })
  @ApiBadRequestResponse({ type: ProblemDto, description: 'Invalid request (field errors)' })
  @ApiNotFoundResponse({ type: ProblemDto, description: '`not-a-member`: they have no member record' })
  @ApiConflictResponse({ type: ProblemDto, description: 'A request of this holder for this class is under review' })
  subscribe(
    @CurrentPrincipal() principal: Principal,
    @Body() dto: CreateMyShareSubscriptionDto,
  ): Promise<ShareSubscriptionDto> {
    return this.shares.subscribe(principal, dto);
  }
}
