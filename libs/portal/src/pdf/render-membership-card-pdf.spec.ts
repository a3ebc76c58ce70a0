import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import QRCode from 'qrcode';
import type { MembershipCardPdf } from './membership-card-pdf.types';
import { renderMembershipCardPdf } from './render-membership-card-pdf';

// Rendering embeds fonts: seconds, not milliseconds, on a busy machine.
jest.setTimeout(30_000);

const card = (changes: Partial<MembershipCardPdf> = {}): MembershipCardPdf => ({
  organisationName: 'Tessera Cooperative',
  logo: null,
  memberName: 'Ada Lovelace',
  memberNumber: 'M-000042',
  planName: 'Individual membership',
  validUntil: '2026-12-31',
  verifyUrl: 'https://members.example.org/verify/q8Yc2mVt0LwZ5nRb7Ue1Kx3Ah9Gp4Jd6Sf0Oi2Tl8E',
  issuedAt: new Date('2026-03-01T09:30:00Z'),
  locale: 'en',
  ...changes,
});

/** Pictures in the file (pdfkit writes dictionaries uncompressed), less PNG transparency masks. */
const imageCount = (pdf: Buffer) => {
  const raw = pdf.toString('latin1');
  return raw.split('/Subtype /Image').length - raw.split('/SMask ').length;
};

/** Set PDF_REVIEW_DIR to keep the rendered cards for a look (pdftoppm -png). */
function keep(name: string, pdf: Buffer): void {
  const dir = process.env.PDF_REVIEW_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.pdf`), pdf);
}

describe('renderMembershipCardPdf', () => {
  it('prints one page the size of a bank card, with the QR code its only picture without a logo', async () => {
    const pdf = await renderMembershipCardPdf(card());
    keep('card-en', pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/MediaBox \[0 0 242\.65 153\.01\]/);
    expect(pdf.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(imageCount(pdf)).toBe(1);
  });

  it('renders the same card to the same bytes, dated by its issue, not the clock', async () => {
    const [first, second] = [await renderMembershipCardPdf(card()), await renderMembershipCardPdf(card())];
    expect(first.equals(second)).toBe(true);
    expect(first.toString('latin1')).toContain('(D:20260301093000Z)');
    const other = await renderMembershipCardPdf(card({ verifyUrl: 'https://members.example.org/verify/other' }));
    expect(other.equals(first)).toBe(false);
  });

  it('adds the organisation’s logo, and words the card in French', async () => {
    const logo = await QRCode.toBuffer('logo', { margin: 1, color: { dark: '#0f3d57', light: '#ffffff' } });
    const pdf = await renderMembershipCardPdf(
      card({
        logo,
        locale: 'fr',
        organisationName: 'Association des Ingénieurs et Techniciens de Wallonie-Bruxelles',
        memberName: 'Łukasz Żółkiewski-Dvořák de la Vallée-Poussin',
        planName: 'Membre associé — tarif réduit pour les jeunes diplômés',
      }),
    );
    keep('card-fr-logo', pdf);
    expect(imageCount(pdf)).toBe(2);
    expect(pdf.toString('latin1')).toContain('/Lang (fr)');
  });
});
