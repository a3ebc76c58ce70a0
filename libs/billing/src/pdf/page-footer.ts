import type { PdfSheet } from './billing-document-pdf.types';
import { COLOR, CONTENT_WIDTH, PAGE, type PdfCanvas } from './pdf-canvas';

/**
 * On every page, once all pages exist: the organisation's footer text, then the document number
 * and "Page n of N". Drawn last because N is known only then (pdfkit's buffered pages).
 */
export function drawPageFooters(canvas: PdfCanvas<PdfSheet>): void {
  const { doc, data, strings } = canvas;
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    const top = PAGE.contentBottom + 22;
    canvas.rule(top, PAGE.margin, PAGE.margin + CONTENT_WIDTH, COLOR.rule, 0.6);
    let y = top + 8;
    if (data.seller.footer) {
      const footer = { width: CONTENT_WIDTH, size: 7.5, color: COLOR.muted, align: 'center' } as const;
      // Three lines at most: the band below the content has a fixed height.
      const maxHeight = canvas.linesHeight(3, footer) + 0.5;
      y += canvas.text(data.seller.footer, PAGE.margin, y, { ...footer, maxHeight }) + 4;
    }
    const style = { width: CONTENT_WIDTH, size: 7.5, color: COLOR.muted };
    canvas.text(`${canvas.title} ${data.number}`, PAGE.margin, y, style);
    canvas.text(strings.page(index - range.start + 1, range.count), PAGE.margin, y, { ...style, align: 'right' });
  }
}
