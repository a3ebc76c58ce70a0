import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ProblemDto, Public, RateLimit } from '@tessera/core';
import { MembershipCardService } from '../card/membership-card.service';
import { CardVerificationDto } from '../dto/membership-card.dto';

@ApiTags('portal')
@Public()
@Controller('verify')
export class CardVerificationController {
  constructor(private readonly cards: MembershipCardService) {}

  @Get(':token')
  @RateLimit({ name: 'verify-card', perClient: { limit: 60, windowSeconds: 60 } })
  @ApiOperation({
    summary: 'Check a membership card',
    description:
      "Anyone holding the link of a card's QR code: whether it is valid today, until when, and the member's name — " +
      'nothing else. A card stops being valid when its membership is no longer in force or it was replaced.',
  })
  @ApiParam({
    name: 'token',
    description: 'The last part of the QR link',
    example: 'q8Yc2mVt0LwZ5nRb7Ue1Kx3Ah9Gp4Jd6Sf0Oi2Tl8E',
  })
  @ApiOkResponse({ type: CardVerificationDto })
  @ApiNotFoundResponse({ type: ProblemDto, description: '`card-not-found`: not the link of one of our cards' })
  verify(@Param('token') token: string): Promise<CardVerificationDto> {
    return this.cards.verify(token);
  }
}
