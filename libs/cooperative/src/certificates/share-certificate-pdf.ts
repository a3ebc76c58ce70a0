import { parseLocalDate, PDF_PAGE, pdfFonts, pdfFormat, startPdf } from '@tessera/billing';
import type { PostalAddress } from '@tessera/core';

/** Everything a share certificate prints: from the register's movement, never from the clock. */
export interface ShareCertificatePdf {
  locale: 'en' | 'fr';
  organisation: { name: string; address: PostalAddress | null; companyNumber: string | null };
  holder: { name: string; address: PostalAddress | null };
  cooperatorNumber: string;
  shareClass: { code: string; name: string };
  quantity: number;
  shareNumbers: string;
  unitPrice: number;
  currency: string;
  /** The date of effect (YYYY-MM-DD). */
  date: string;
  subscriptionReference: string;
}

const STRINGS = {
  en: {
    title: 'Share certificate',
    intro: (organisation: string) => `${organisation} certifies that`,
    holds: 'is entered in its share register as the holder of',
    shares: (quantity: string, code: string, name: string) => `${quantity} class ${code} shares (${name})`,
    facts: {
      cooperator: 'Cooperator number',
      numbers: 'Share numbers',
      unitPrice: 'Nominal value per share',
      total: 'Capital subscribed and paid up',
      date: 'Date of effect',
      reference: 'Reference',
    },
    companyNumber: 'Company number',
    signature: 'For the board of directors',
    signed: (place: string, date: string) => `${place ? `${place}, ` : ''}${date}`,
    note: 'This certificate records the register as of its date; the register itself is the authoritative record.',
  },
  fr: {
    title: 'Certificat de parts',
    intro: (organisation: string) => `${organisation} certifie que`,
    holds: 'est inscrit·e dans son registre des parts comme titulaire de',
    shares: (quantity: string, code: string, name: string) => `${quantity} parts de catégorie ${code} (${name})`,
    facts: {
      cooperator: 'Numéro de coopérateur',
      numbers: 'Numéros des parts',
      unitPrice: 'Valeur nominale par part',
      total: 'Capital souscrit et libéré',
      date: 'Date d’effet',
      reference: 'Référence',
    },
    companyNumber: 'Numéro d’entreprise',
    signature: 'Pour le conseil d’administration',
    signed: (place: string, date: string) => `${place ? `${place}, le ` : 'Le '}${date}`,
    note: 'Ce certificat reflète le registre à sa date ; seul le registre fait foi.',
  },
} as const;

/**
 * Renders a share certificate (A4, DejaVu Sans when installed, as billing's PDFs). Dated by the
 * date of effect: the same movement always gives the same bytes.
 */
export async function renderShareCertificatePdf(data: ShareCertificatePdf): Promise<Buffer> {
  const strings = STRINGS[data.locale];
  const format = pdfFormat(data.locale, data.currency);
  const fonts = pdfFonts();
  const text = fonts.printable;
  const { doc, bytes } = startPdf({
    title: `${strings.title} ${data.cooperatorNumber}`,
    author: data.organisation.name,
    subject: data.holder.name,
    date: parseLocalDate(data.date),
    locale: data.locale,
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const { margin, width } = PDF_PAGE;
  const inner = width - 2 * margin;

  // A double frame, as certificates have.
  doc
    .lineWidth(2)
    .rect(margin - 20, margin - 20, inner + 40, 560)
    .stroke('#1f2937');
  doc
    .lineWidth(0.5)
    .rect(margin - 14, margin - 14, inner + 28, 548)
    .stroke('#6b7280');

  doc
    .font('bold')
    .fontSize(11)
    .fillColor('#374151')
    .text(text(data.organisation.name), margin, margin + 6, {
      width: inner,
      align: 'center',
    });
  const orgLines = [
    addressLine(data.organisation.address, format.country),
    data.organisation.companyNumber ? `${strings.companyNumber} ${data.organisation.companyNumber}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  if (orgLines) doc.font('regular').fontSize(8.5).text(text(orgLines), { width: inner, align: 'center' });

  doc
    .font('bold')
    .fontSize(26)
    .fillColor('#111827')
    .text(text(strings.title), margin, margin + 60, {
      width: inner,
      align: 'center',
    });
  doc.moveDown(1.2);
  const centred = (value: string, size: number, bold = false) =>
    doc
      .font(bold ? 'bold' : 'regular')
      .fontSize(size)
      .fillColor('#111827')
      .text(text(value), margin, undefined, {
        width: inner,
        align: 'center',
      });
  centred(strings.intro(data.organisation.name), 11);
  doc.moveDown(0.6);
  centred(data.holder.name, 18, true);
  const holderAddress = addressLine(data.holder.address, format.country);
  if (holderAddress) centred(holderAddress, 9);
  doc.moveDown(0.6);
  centred(strings.holds, 11);
  doc.moveDown(0.6);
  centred(strings.shares(format.quantity(data.quantity), data.shareClass.code, data.shareClass.name), 15, true);
  doc.moveDown(1.5);

  const facts: [string, string][] = [
    [strings.facts.cooperator, data.cooperatorNumber],
    [strings.facts.numbers, data.shareNumbers],
    [strings.facts.unitPrice, format.money(data.unitPrice)],
    [strings.facts.total, format.money(data.unitPrice * data.quantity)],
    [strings.facts.date, format.date(data.date)],
    [strings.facts.reference, data.subscriptionReference],
  ];
  let y = doc.y;
  const labelWidth = 200;
  const left = margin + 40;
  for (const [label, value] of facts) {
    doc.font('regular').fontSize(10).fillColor('#4b5563').text(text(label), left, y, { width: labelWidth });
    doc
      .font('bold')
      .fontSize(10)
      .fillColor('#111827')
      .text(text(value), left + labelWidth, y, { width: inner - 80 - labelWidth });
    y += 18;
  }

  // The signature block: place and date, the board, a line to sign on.
  y += 30;
  const blockLeft = margin + inner / 2;
  const place = data.organisation.address?.city ?? '';
  doc
    .font('regular')
    .fontSize(10)
    .fillColor('#111827')
    .text(text(strings.signed(place, format.date(data.date))), blockLeft, y, {
      width: inner / 2,
    });
  doc.text(text(strings.signature), blockLeft, y + 16, { width: inner / 2 });
  doc.font('bold').text(text(data.organisation.name), blockLeft, y + 32, { width: inner / 2 });
  doc
    .lineWidth(0.75)
    .moveTo(blockLeft, y + 90)
    .lineTo(blockLeft + inner / 2 - 10, y + 90)
    .stroke('#111827');

  doc
    .font('regular')
    .fontSize(8)
    .fillColor('#6b7280')
    .text(text(strings.note), margin, margin + 510, {
      width: inner,
      align: 'center',
    });
  doc.end();
  return bytes;
}

function addressLine(address: PostalAddress | null, country: (code: string) => string): string {
  if (!address) return '';
  return [
    address.line1,
    address.line2,
    [address.postalCode, address.city].filter(Boolean).join(' '),
    address.country ? country(address.country) : '',
  ]
    .filter(Boolean)
    .join(', ');
}
