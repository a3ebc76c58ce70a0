/** Everything printed on a membership card; the PDF depends on this alone (and the fonts installed). */
export interface MembershipCardPdf {
  organisationName: string;
  /** PNG or JPEG bytes, or null. */
  logo: Buffer | null;
  memberName: string;
  memberNumber: string;
  planName: string;
  /** Local date YYYY-MM-DD. */
  validUntil: string;
  /** The public verification link the QR code carries. */
  verifyUrl: string;
  /** The card's issue: the PDF's date, so the same card renders to the same bytes. */
  issuedAt: Date;
  locale: 'en' | 'fr';
}
