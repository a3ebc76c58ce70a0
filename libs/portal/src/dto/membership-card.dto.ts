import { ApiProperty } from '@nestjs/swagger';

/** The member's card as the portal shows it (the PDF is GET /me/card.pdf). */
export class MembershipCardDto {
  @ApiProperty({ description: 'Whether the membership is in force today, so the card verifies' })
  valid: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '2026-12-31',
    description: 'Local date: the last day the card verifies as it stands; null when not valid',
  })
  validUntil: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the card in force was issued' })
  issuedAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: "The link in the card's QR code (its public verification page); null without a card in force",
  })
  verifyUrl: string | null;
}

/** What anyone holding a card's link may learn: whether it is valid, until when, and the name. */
export class CardVerificationDto {
  @ApiProperty()
  valid: boolean;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-31', description: 'Local date; null when not valid' })
  validUntil: string | null;
  @ApiProperty({ example: 'Ada Lovelace', description: "The member's name (a person, or an organisation)" })
  name: string;
}
