/** The member portal above the domains: the home summary and membership cards (product §9). */
export * from './portal.module';
export * from './portal.http.module';
export * from './portal.schema';
export * from './dto/membership-summary.dto';
export * from './dto/membership-card.dto';
export { MembershipCardService } from './card/membership-card.service';
export { cardValidity, endedSince, type CardStanding, type CardValidity } from './card/card-validity';
export { cardTokenKey, readCardToken, signCardToken } from './card/card-token';
export { renderMembershipCardPdf } from './pdf/render-membership-card-pdf';
export type { MembershipCardPdf } from './pdf/membership-card-pdf.types';
