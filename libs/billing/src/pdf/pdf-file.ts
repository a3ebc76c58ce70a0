import PDFDocument from 'pdfkit';
import { PAGE } from './pdf-canvas';

/** What the PDF's metadata says. `date` is the record's own date, never the clock's. */
export interface PdfFileInfo {
  title: string;
  author: string;
  subject: string;
  date: Date;
  locale: 'en' | 'fr';
}

/**
 * An A4 pdfkit document in the house margins, and its bytes once `doc.end()` is called. Dated by
 * the record it prints, so the same record gives the same bytes (its stored SHA-256 holds).
 */
export function startPdf(info: PdfFileInfo): { doc: PDFKit.PDFDocument; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    // Sections place every block themselves; a zero bottom margin keeps pdfkit from adding pages.
    margins: { top: PAGE.margin, left: PAGE.margin, right: PAGE.margin, bottom: 0 },
    bufferPages: true,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Creator: 'Tessera',
      Producer: 'Tessera',
      CreationDate: info.date,
      ModDate: info.date,
    },
    lang: info.locale,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}
