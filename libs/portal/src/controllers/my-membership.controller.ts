import { Controller, Get, HttpCode, HttpStatus, Post, Res, StreamableFile } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Authorize, contentDisposition, CurrentPrincipal, ProblemDto, RateLimit, type Principal } from '@tessera/core';
import { MembershipCardService } from '../card/membership-card.service';
import { MembershipCardDto } from '../dto/membership-card.dto';
import { MembershipSummaryDto } from '../dto/membership-summary.dto';
import { MembershipSummaryService } from '../summary/membership-summary.service';

@ApiTags('portal')
@Authorize(['member'])
@ApiNotFoundResponse({ type: ProblemDto, description: '`not-a-member`: the account has no membership' })
@Controller('me')
export class MyMembershipController {
  constructor(
    private readonly summaries: MembershipSummaryService,
    private readonly cards: MembershipCardService,
  ) {}

  @Get('membership')
  @ApiOperation({
    summary: "The member's home: status and why, plan, period, what is due",
    description:
      'Their own membership (else the first organisation they are the contact of): the status with the reason ' +
      'recorded for its latest change, the plan, the live subscription, what is due on open documents and the ' +
      'one to pay first, and whether their membership card verifies today.',
  })
  @ApiOkResponse({ type: MembershipSummaryDto })
  summary(@CurrentPrincipal() principal: Principal): Promise<MembershipSummaryDto> {
    return this.summaries.of(principal);
  }

  @Get('card')
  @ApiOperation({
    summary: 'Their membership card',
    description:
      'Whether it verifies today and until when, and the link its QR code carries. A member in force is issued ' +
      'a card the first time; others have none (`valid` false).',
  })
  @ApiOkResponse({ type: MembershipCardDto })
  card(@CurrentPrincipal() principal: Principal): Promise<MembershipCardDto> {
    return this.cards.show(principal);
  }

  @Get('card.pdf')
  @ApiOperation({
    summary: 'Their membership card as a PDF',
    description:
      'The size of a bank card: name, member number, plan, valid until, and a QR code of its verification link.',
  })
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The PDF', schema: { type: 'string', format: 'binary' } })
  @ApiConflictResponse({ type: ProblemDto, description: '`card-not-available`: the membership is not in force today' })
  async cardPdf(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<StreamableFile> {
    const { bytes, filename } = await this.cards.pdf(principal);
    // Rendered for each request (its "valid until" follows the period), so not cached.
    void reply.headers({ 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'private, no-store' });
    return new StreamableFile(bytes, {
      type: 'application/pdf',
      length: bytes.length,
      disposition: contentDisposition('inline', filename),
    });
  }

  @Post('card/replace')
  @HttpCode(HttpStatus.OK)
  @RateLimit({ name: 'replace-card', perClient: { limit: 10, windowSeconds: 60 * 60 } })
  @ApiOperation({
    summary: 'Replace their membership card',
    description:
      'For a lost card: the card in force stops verifying at once and a new one, with a new QR link, replaces it.',
  })
  @ApiOkResponse({ type: MembershipCardDto })
  @ApiConflictResponse({ type: ProblemDto, description: '`card-not-available`: the membership is not in force today' })
  replace(@CurrentPrincipal() principal: Principal): Promise<MembershipCardDto> {
    return this.cards.replace(principal);
  }
}
