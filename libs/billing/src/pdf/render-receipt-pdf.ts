import { drawPageFooters } from './page-footer';
import { PdfCanvas } from './pdf-canvas';
import { startPdf } from './pdf-file';
import { pdfFonts } from './pdf-fonts';
import { parseLocalDate, pdfFormat } from './pdf-format';
import { pdfStrings } from './pdf-strings';
import { drawAllocations } from './receipt-allocations';
import type { ReceiptPdf } from './receipt-pdf.types';
import { receiptStrings } from './receipt-strings';
import { drawAmountPanel, drawReversalBanner } from './receipt-summary';
import type { RenderPdfOptions } from './render-billing-document-pdf';
import { drawSheetHeader } from './sheet-header';

/**
 * Renders a payment's receipt as an A4 PDF, in the member's language. Like a document's, the
 * output depends on the data alone: dated by the day the money was received, never the clock.
 */
export async function renderReceiptPdf(data: ReceiptPdf, options: RenderPdfOptions = {}): Promise<Buffer> {
  const strings = receiptStrings[data.locale];
  const { doc, bytes } = startPdf({
    title: `${strings.title} ${data.number}`,
    author: data.seller.name,
    subject: data.member.name,
    date: parseLocalDate(data.receivedOn),
    locale: data.locale,
  });
  const format = pdfFormat(data.locale, data.currency);
  const canvas = new PdfCanvas(doc, data, pdfStrings[data.locale], format, pdfFonts(options.fonts), strings.title);
  drawSheetHeader(canvas, {
    facts: [
      [strings.number, data.number],
      [strings.receivedOn, format.date(data.receivedOn)],
    ],
    memberLabel: strings.receivedFrom,
    member: data.member,
  });
  drawReversalBanner(canvas);
  drawAmountPanel(canvas);
  drawAllocations(canvas);
  drawPageFooters(canvas);
  doc.end();
  return bytes;
}
