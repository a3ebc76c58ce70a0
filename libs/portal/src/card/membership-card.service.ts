import { Injectable } from '@nestjs/common';
import { AppConfig, Clock, ProblemException, Transactions, type Principal } from '@tessera/core';
import { MembersService, type MemberDetailDto, type MemberLocale } from '@tessera/members';
import { OrganisationSettingsService } from '@tessera/settings';
import type { CardVerificationDto, MembershipCardDto } from '../dto/membership-card.dto';
import type { MembershipCard } from '../entities/membership-card.entity';
import { renderMembershipCardPdf } from '../pdf/render-membership-card-pdf';
import { cardTokenKey, readCardToken, signCardToken } from './card-token';
import { cardValidity, endedSince } from './card-validity';
import { MembershipCardRepository } from './membership-card.repository';
import { MemberStandingService, type MemberStanding } from './member-standing.service';

/** A card in force, and until when it verifies today. */
interface ValidCard {
  card: MembershipCard;
  validUntil: string;
  standing: MemberStanding;
}

/**
 * Membership cards: issued to a member in force when first asked for, replaced on request (a lost
 * card), and checked by anyone through the token in their QR link. Validity is never stored: it is
 * decided at each check from the member's status and period, so a card stops verifying the moment
 * the status engine moves its member out of membership, and one issued before the membership ended
 * never verifies again (see card-validity.ts).
 */
@Injectable()
export class MembershipCardService {
  private readonly key: Buffer;

  constructor(
    private readonly transactions: Transactions,
    private readonly cards: MembershipCardRepository,
    private readonly standings: MemberStandingService,
    private readonly members: MembersService,
    private readonly settings: OrganisationSettingsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.key = cardTokenKey(config.JWT_SECRET);
  }

  async show(principal: Principal): Promise<MembershipCardDto> {
    const standing = await this.standings.of(await this.standings.ownMember(principal));
    const validity = cardValidity(standing.standing, standing.today);
    if (!validity.valid) return { valid: false, validUntil: null, issuedAt: null, verifyUrl: null };
    const card = await this.cardInForce(standing.member);
    return this.dtoOf({ card, validUntil: validity.validUntil, standing });
  }

  /** The card as a PDF, in the member's language; 409 while the membership is not in force. */
  async pdf(principal: Principal): Promise<{ bytes: Buffer; filename: string }> {
    const valid = await this.validCard(principal);
    const { member } = valid.standing;
    const [organisation, profile, locale] = await Promise.all([
      this.settings.getPublic(),
      this.settings.billingProfile(),
      this.localeOf(member),
    ]);
    const bytes = await renderMembershipCardPdf({
      organisationName: organisation.name,
      logo: profile.logo?.data ?? null,
      memberName: member.name,
      memberNumber: member.number,
      planName: valid.standing.subscription?.plan.name || member.plan.name,
      validUntil: valid.validUntil,
      verifyUrl: this.verifyUrl(valid.card),
      issuedAt: valid.card.issuedAt,
      locale,
    });
    return { bytes, filename: `membership-card-${member.number}.pdf` };
  }

  /** Revokes the card in force (lost, or shared by mistake) and issues another with a new QR token. */
  async replace(principal: Principal): Promise<MembershipCardDto> {
    const valid = await this.validCard(principal);
    const card = await this.transactions.run(async () => {
      const now = this.clock.now();
      const current = await this.cards.lockLive(valid.standing.member.id);
      if (current) await this.cards.revoke(current.id, 'replaced at the member’s request', now);
      return this.issue(valid.standing.member.id, now);
    });
    return this.dtoOf({ ...valid, card });
  }

  /** What a card's QR link says. A token that names no card of ours: 404. */
  async verify(token: string): Promise<CardVerificationDto> {
    const cardId = readCardToken(token, this.key);
    const card = cardId ? await this.cards.findById(cardId) : null;
    if (!card) throw ProblemException.notFound('This is not a membership card of ours.', 'card-not-found');
    const member = await this.members.get(card.memberId);
    const notValid = { valid: false, validUntil: null, name: member.name };
    if (card.revokedAt || endedSince(member.statusHistory, card.issuedAt)) return notValid;
    const standing = await this.standings.of(member);
    const validity = cardValidity(standing.standing, standing.today);
    return validity.valid ? { valid: true, validUntil: validity.validUntil, name: member.name } : notValid;
  }

  private async validCard(principal: Principal): Promise<ValidCard> {
    const standing = await this.standings.of(await this.standings.ownMember(principal));
    const validity = cardValidity(standing.standing, standing.today);
    if (!validity.valid)
      throw ProblemException.conflict(
        'Your membership is not in force today, so there is no membership card to show.',
        'card-not-available',
      );
    return { card: await this.cardInForce(standing.member), validUntil: validity.validUntil, standing };
  }

  /** The member's card in force: issued now if there is none, or if the one there predates an end of membership. */
  private cardInForce(member: MemberDetailDto): Promise<MembershipCard> {
    return this.transactions.run(async () => {
      const now = this.clock.now();
      const current = await this.cards.lockLive(member.id);
      if (current && !endedSince(member.statusHistory, current.issuedAt)) return current;
      if (current) await this.cards.revoke(current.id, 'the membership ended', now);
      return this.issue(member.id, now);
    });
  }

  private async issue(memberId: string, at: Date): Promise<MembershipCard> {
    await this.cards.insertLiveIfNone(memberId, at);
    const card = await this.cards.lockLive(memberId);
    if (!card) throw new Error(`The card of member ${memberId} vanished while being issued`);
    return card;
  }

  private dtoOf({ card, validUntil }: ValidCard): MembershipCardDto {
    return { valid: true, validUntil, issuedAt: card.issuedAt.toISOString(), verifyUrl: this.verifyUrl(card) };
  }

  private verifyUrl(card: MembershipCard): string {
    return `${this.config.PUBLIC_URL.replace(/\/$/, '')}/verify/${signCardToken(card.id, this.key)}`;
  }

  /** The language the member reads: the person's, or an organisation's contact's. */
  private async localeOf(member: MemberDetailDto): Promise<MemberLocale> {
    if (member.person) return member.person.locale;
    return (await this.members.contactFor(member.id).catch(() => null))?.locale ?? 'en';
  }
}
