import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { formatDocumentDate, pdfFonts, type PdfFonts } from '@tessera/billing';
import { cardStrings } from './card-strings';
import type { MembershipCardPdf } from './membership-card-pdf.types';

/** ISO/IEC 7810 ID-1, the size of a bank card (85.60 × 53.98 mm), in points. */
const CARD = { width: 242.65, height: 153.01, margin: 12 } as const;
const INNER_WIDTH = CARD.width - 2 * CARD.margin;
const LOGO_BOX = { width: 64, height: 22 };
const QR_SIZE = 62;
const BAND_HEIGHT = 24;
const COLOR = { text: '#1f2933', muted: '#6b7280', accent: '#0f3d57', onAccent: '#ffffff' } as const;

interface OpenedImage {
  width: number;
  height: number;
  orientation?: number;
}

interface TextStyle {
  width: number;
  size: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'center' | 'right';
  /** Cut there, with an ellipsis. */
  lines?: number;
  characterSpacing?: number;
}

/**
 * A membership card as a one-page PDF the size of a bank card: the organisation (logo, name), the
 * member's name and number, their plan, "valid until" on the band at the foot, and a QR code of
 * the public verification link. The output depends on the data alone: the PDF is dated by the
 * card's issue and the QR code is an opaque PNG (see billing's EPC QR), so the bytes repeat.
 */
export async function renderMembershipCardPdf(
  data: MembershipCardPdf,
  options: { fonts?: 'system' | 'standard' } = {},
): Promise<Buffer> {
  const strings = cardStrings[data.locale];
  const qr = await QRCode.toBuffer(data.verifyUrl, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 0,
    scale: 6,
    rendererOpts: { deflateLevel: 9, colorType: 0 } as QRCode.QRCodeToBufferOptions['rendererOpts'],
  });
  const doc = new PDFDocument({
    size: [CARD.width, CARD.height],
    margins: { top: 0, left: 0, right: 0, bottom: 0 },
    info: {
      Title: `${strings.title} ${data.memberNumber}`,
      Author: data.organisationName,
      Subject: data.memberName,
      Creator: 'Tessera',
      Producer: 'Tessera',
      CreationDate: data.issuedAt,
      ModDate: data.issuedAt,
    },
    lang: data.locale,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const fonts = pdfFonts(options.fonts);
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const text = writer(doc, fonts);

  // The organisation: logo, then its name beside it (alone when there is no logo).
  const { margin } = CARD;
  let nameX = margin;
  if (data.logo) {
    const image = (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(data.logo);
    const [width, height] = (image.orientation ?? 1) > 4 ? [image.height, image.width] : [image.width, image.height];
    const scale = Math.min(LOGO_BOX.width / width, LOGO_BOX.height / height, 1);
    doc.image(image as unknown as Buffer, margin, margin, { width: width * scale, height: height * scale });
    nameX += width * scale + 7;
  }
  const nameWidth = CARD.width - margin - nameX;
  const orgHeight = text.height(data.organisationName, { width: nameWidth, size: 8, bold: true, lines: 2 });
  text.draw(data.organisationName, nameX, margin + (LOGO_BOX.height - orgHeight) / 2, {
    width: nameWidth,
    size: 8,
    bold: true,
    lines: 2,
  });
  const ruleY = margin + LOGO_BOX.height + 6;
  doc
    .save()
    .moveTo(margin, ruleY)
    .lineTo(CARD.width - margin, ruleY)
    .lineWidth(0.6)
    .strokeColor(COLOR.accent)
    .stroke()
    .restore();

  // The member, on the left of the QR code.
  const qrX = CARD.width - margin - QR_SIZE;
  const bodyTop = ruleY + 7;
  const columnWidth = qrX - margin - 10;
  let y = bodyTop;
  y += text.draw(strings.title.toUpperCase(), margin, y, {
    width: columnWidth,
    size: 5.5,
    bold: true,
    color: COLOR.accent,
    characterSpacing: 0.6,
  });
  y += 2;
  y += text.draw(data.memberName, margin, y, { width: columnWidth, size: 10.5, bold: true, lines: 2 });
  y += 3;
  for (const [label, value] of [
    [strings.memberNumber, data.memberNumber],
    [strings.plan, data.planName],
  ] as const) {
    y += text.draw(label, margin, y, { width: columnWidth, size: 5.5, color: COLOR.muted });
    y += text.draw(value, margin, y, { width: columnWidth, size: 7.5, bold: label === strings.memberNumber, lines: 1 });
    y += 2;
  }

  // The QR code of the verification link, with its caption.
  doc.image(qr, qrX, bodyTop, { width: QR_SIZE, height: QR_SIZE });
  text.draw(strings.scanToVerify, qrX - 6, bodyTop + QR_SIZE + 3, {
    width: QR_SIZE + 12,
    size: 5,
    color: COLOR.muted,
    align: 'center',
  });

  // "Valid until …" on the band at the foot.
  const bandY = CARD.height - BAND_HEIGHT;
  doc.save().rect(0, bandY, CARD.width, BAND_HEIGHT).fill(COLOR.accent).restore();
  const validity = `${strings.validUntil} ${formatDocumentDate(data.validUntil, data.locale)}`;
  const validityHeight = text.height(validity, { width: INNER_WIDTH, size: 8.5, bold: true, lines: 1 });
  text.draw(validity, margin, bandY + (BAND_HEIGHT - validityHeight) / 2, {
    width: INNER_WIDTH,
    size: 8.5,
    bold: true,
    color: COLOR.onAccent,
    lines: 1,
  });

  doc.end();
  return bytes;
}

/** Draws text without moving pdfkit's cursor; each call returns the height it took. */
function writer(doc: PDFKit.PDFDocument, fonts: PdfFonts) {
  const apply = (style: TextStyle) =>
    doc
      .font(style.bold ? 'bold' : 'regular')
      .fontSize(style.size)
      .fillColor(style.color ?? COLOR.text);
  const options = (style: TextStyle) => ({
    width: style.width,
    align: style.align ?? 'left',
    lineGap: 1,
    characterSpacing: style.characterSpacing ?? 0,
  });
  const maxHeight = (style: TextStyle) =>
    style.lines === undefined ? Infinity : style.lines * (doc.currentLineHeight(true) + 1);
  const height = (value: string, style: TextStyle) => {
    apply(style);
    return Math.min(doc.heightOfString(fonts.printable(value), options(style)), maxHeight(style));
  };
  return {
    height,
    draw(value: string, x: number, y: number, style: TextStyle): number {
      const taken = height(value, style);
      const clip = style.lines === undefined ? {} : { height: taken, ellipsis: true };
      doc.text(fonts.printable(value), x, y, { ...options(style), ...clip });
      return taken;
    },
  };
}
