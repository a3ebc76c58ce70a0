import QRCode from 'qrcode';
import { epcQrPayload } from '../references/epc-qr';
import type { BillingDocumentPdf } from './billing-document-pdf.types';
import { drawDocumentHeader } from './document-header';
import { drawLinesTable } from './lines-table';
import { drawPageFooters } from './page-footer';
import { asksForPayment, drawPaymentBox } from './payment-box';
import { PdfCanvas } from './pdf-canvas';
import { startPdf } from './pdf-file';
import { pdfFonts } from './pdf-fonts';
import { parseLocalDate, pdfFormat } from './pdf-format';
import { pdfStrings } from './pdf-strings';
import { drawTotalsAndTaxSummary } from './totals-block';

export interface RenderPdfOptions {
  /** 'system' (default): DejaVu Sans when installed, else Helvetica; 'standard': Helvetica. */
  fonts?: 'system' | 'standard';
}

/**
 * Renders an invoice, pro-forma or credit note as an A4 PDF. The output depends on the data
 * alone (and the fonts installed): the PDF's dates come from the issue date, not the clock, so
 * the same document renders to the same bytes and its stored SHA-256 can be checked again.
 */
export async function renderBillingDocumentPdf(
  data: BillingDocumentPdf,
  options: RenderPdfOptions = {},
): Promise<Buffer> {
  const strings = pdfStrings[data.locale];
  const qrPng = await epcQrPng(data);

  const title = strings.title[data.kind];
  const { doc, bytes } = startPdf({
    title: `${title} ${data.number}`,
    author: data.seller.name,
    subject: data.buyer.name,
    date: parseLocalDate(data.issueDate),
    locale: data.locale,
  });
  const format = pdfFormat(data.locale, data.currency);
  const canvas = new PdfCanvas(doc, data, strings, format, pdfFonts(options.fonts), title);
  drawDocumentHeader(canvas);
  drawLinesTable(canvas);
  drawTotalsAndTaxSummary(canvas);
  if (asksForPayment(canvas)) drawPaymentBox(canvas, qrPng);
  drawPageFooters(canvas);
  doc.end();
  return bytes;
}

/** The EPC QR code as a PNG: only for euro documents that ask for payment into a known IBAN. */
async function epcQrPng(data: BillingDocumentPdf): Promise<Buffer | null> {
  if (!asksForPayment({ data }) || data.currency !== 'EUR' || !data.seller.iban) return null;
  const payload = epcQrPayload({
    // The name only labels the transfer in the banking app; the standard allows 70 characters.
    name: data.seller.name.slice(0, 70),
    iban: data.seller.iban,
    bic: data.seller.bic,
    amount: data.amountDue,
    currency: 'EUR',
    reference: data.paymentReference,
    text: data.paymentReference ? null : data.number,
  });
  // Medium error correction (as EPC069-12 asks); no quiet zone, the panel draws a white one.
  // Grey without alpha (colorType 0): pdfkit embeds an opaque PNG at once, whereas a transparent
  // one is decoded asynchronously and written whenever that finishes, so that with a transparent
  // logo too, the two images would land in either order and the bytes would vary.
  const rendererOpts = { deflateLevel: 9, colorType: 0 }; // pngjs options; @types/qrcode omits colorType
  return QRCode.toBuffer(payload, { type: 'png', errorCorrectionLevel: 'M', margin: 0, scale: 8, rendererOpts });
}
