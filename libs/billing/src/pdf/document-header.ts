import type { PdfParty } from './billing-document-pdf.types';
import { COLOR, CONTENT_WIDTH, PAGE, RIGHT, type PdfCanvas } from './pdf-canvas';

const COLUMN_GAP = 30;
const LEFT_WIDTH = 260;
const META_X = PAGE.margin + LEFT_WIDTH + COLUMN_GAP;
const META_WIDTH = RIGHT - META_X;
const LOGO_BOX = { width: 150, height: 56 };

interface OpenedImage {
  width: number;
  height: number;
  orientation?: number;
}

/**
 * Seller (logo, name, details) on the left; on the right the title, number and dates, then the
 * buyer where a window envelope shows the address. Below the rule: what links this document to
 * another, a credit note's reason, the pro-forma note.
 */
export function drawDocumentHeader(canvas: PdfCanvas): void {
  const top = canvas.y;
  const left = drawSeller(canvas, top);
  const right = drawBuyer(canvas, drawTitleAndDates(canvas, top) + 24);
  canvas.y = Math.max(left, right) + 22;
  canvas.rule(canvas.y);
  canvas.y += 20;
  drawNotes(canvas);
}

function drawSeller(canvas: PdfCanvas, top: number): number {
  const { seller } = canvas.data;
  let y = top;
  if (seller.logo) {
    // pdfkit opens PNG and JPEG alike; sizing it here lets the text start right below it.
    const image = (canvas.doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(seller.logo.data);
    const [width, height] = (image.orientation ?? 1) > 4 ? [image.height, image.width] : [image.width, image.height];
    const scale = Math.min(LOGO_BOX.width / width, LOGO_BOX.height / height, 1);
    canvas.doc.image(image as unknown as Buffer, PAGE.margin, y, { width: width * scale, height: height * scale });
    y += height * scale + 14;
  }
  y += canvas.text(seller.name, PAGE.margin, y, { width: LEFT_WIDTH, size: 11.5, bold: true }) + 3;
  const details = [
    ...addressLines(canvas, seller),
    ...identifiers(canvas, seller),
    ...[seller.email, seller.phone, seller.website].filter(present),
  ];
  for (const line of details)
    y += canvas.text(line, PAGE.margin, y, { width: LEFT_WIDTH, size: 8.5, color: COLOR.muted });
  return y;
}

function drawTitleAndDates(canvas: PdfCanvas, top: number): number {
  const { data, strings, format } = canvas;
  let y = top;
  // The title may reach left over the seller's column, as far as the logo allows ("Facture pro forma").
  const titleX = PAGE.margin + LOGO_BOX.width + COLUMN_GAP;
  const title = { width: RIGHT - titleX, size: 22, bold: true, color: COLOR.accent, align: 'right' } as const;
  y += canvas.text(strings.title[data.kind], titleX, y, title) + 10;

  const rows: [string, string][] = [
    [strings.number, data.number],
    [strings.issueDate, format.date(data.issueDate)],
  ];
  if (data.dueDate) rows.push([strings.dueDate, format.date(data.dueDate)]);
  for (const [label, value] of rows) {
    const height = canvas.text(label, META_X, y, { width: META_WIDTH, size: 9, color: COLOR.muted });
    canvas.text(value, META_X, y, { width: META_WIDTH, size: 9, bold: true, align: 'right' });
    y += height + 4;
  }
  return y;
}

function drawBuyer(canvas: PdfCanvas, top: number): number {
  const { buyer } = canvas.data;
  const { strings } = canvas;
  let y = top;
  y +=
    canvas.text(strings.billTo.toUpperCase(), META_X, y, {
      width: META_WIDTH,
      size: 7.5,
      bold: true,
      color: COLOR.muted,
    }) + 4;
  y += canvas.text(buyer.name, META_X, y, { width: META_WIDTH, size: 10.5, bold: true }) + 2;
  const details = [
    ...addressLines(canvas, buyer),
    ...identifiers(canvas, buyer),
    ...(buyer.memberNumber ? [strings.labelled(strings.memberNumber, buyer.memberNumber)] : []),
    ...(buyer.email ? [buyer.email] : []),
  ];
  for (const line of details) y += canvas.text(line, META_X, y, { width: META_WIDTH, size: 9 });
  return y;
}

function drawNotes(canvas: PdfCanvas): void {
  const { data, strings } = canvas;
  const notes: { text: string; bold?: boolean }[] = [];
  if (data.related) notes.push({ text: strings.related[data.related.kind](data.related.number), bold: true });
  if (data.kind === 'credit-note' && data.reason) notes.push({ text: strings.labelled(strings.reason, data.reason) });
  if (data.kind === 'pro-forma') notes.push({ text: strings.proFormaNote });
  for (const note of notes) {
    canvas.y += canvas.text(note.text, PAGE.margin, canvas.y, { width: CONTENT_WIDTH, size: 9.5, bold: note.bold }) + 4;
  }
  if (notes.length > 0) canvas.y += 16;
}

function addressLines(canvas: PdfCanvas, party: PdfParty): string[] {
  const { address } = party;
  if (!address) return [];
  return [
    address.line1,
    address.line2,
    `${address.postalCode} ${address.city}`.trim(),
    canvas.format.country(address.country),
  ].filter(present);
}

function identifiers(canvas: PdfCanvas, party: PdfParty): string[] {
  const { strings } = canvas;
  return [
    party.companyNumber ? strings.labelled(strings.companyNumber, party.companyNumber) : null,
    party.vatNumber ? strings.labelled(strings.vatNumber, party.vatNumber) : null,
  ].filter(present);
}

function present(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
