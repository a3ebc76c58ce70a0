import type { PdfMember, PdfParty, PdfSheet } from './billing-document-pdf.types';
import { COLOR, PAGE, RIGHT, type PdfCanvas } from './pdf-canvas';

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

/** What the top of a billing PDF names besides the seller: its facts, and the member it is for. */
export interface SheetHeading {
  /** Label and value, under the title: number, dates. */
  facts: [string, string][];
  /** "Bill to", "Received from". */
  memberLabel: string;
  member: PdfMember;
}

/**
 * Seller (logo, name, details) on the left; on the right the title and the facts, then the member
 * where a window envelope shows the address. Ends with a rule; the cursor is below it.
 */
export function drawSheetHeader(canvas: PdfCanvas<PdfSheet>, heading: SheetHeading): void {
  const top = canvas.y;
  const left = drawSeller(canvas, top);
  const right = drawMember(canvas, heading, drawTitleAndFacts(canvas, heading.facts, top) + 24);
  canvas.y = Math.max(left, right) + 22;
  canvas.rule(canvas.y);
  canvas.y += 20;
}

function drawSeller(canvas: PdfCanvas<PdfSheet>, top: number): number {
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

function drawTitleAndFacts(canvas: PdfCanvas<PdfSheet>, facts: [string, string][], top: number): number {
  let y = top;
  // The title may reach left over the seller's column, as far as the logo allows ("Facture pro forma").
  const titleX = PAGE.margin + LOGO_BOX.width + COLUMN_GAP;
  const title = { width: RIGHT - titleX, size: 22, bold: true, color: COLOR.accent, align: 'right' } as const;
  y += canvas.text(canvas.title, titleX, y, title) + 10;
  for (const [label, value] of facts) {
    const height = canvas.text(label, META_X, y, { width: META_WIDTH, size: 9, color: COLOR.muted });
    canvas.text(value, META_X, y, { width: META_WIDTH, size: 9, bold: true, align: 'right' });
    y += height + 4;
  }
  return y;
}

function drawMember(canvas: PdfCanvas<PdfSheet>, heading: SheetHeading, top: number): number {
  const { member } = heading;
  const { strings } = canvas;
  let y = top;
  y +=
    canvas.text(heading.memberLabel.toUpperCase(), META_X, y, {
      width: META_WIDTH,
      size: 7.5,
      bold: true,
      color: COLOR.muted,
    }) + 4;
  y += canvas.text(member.name, META_X, y, { width: META_WIDTH, size: 10.5, bold: true }) + 2;
  const details = [
    ...addressLines(canvas, member),
    ...identifiers(canvas, member),
    ...(member.memberNumber ? [strings.labelled(strings.memberNumber, member.memberNumber)] : []),
    ...(member.email ? [member.email] : []),
  ];
  for (const line of details) y += canvas.text(line, META_X, y, { width: META_WIDTH, size: 9 });
  return y;
}

function addressLines(canvas: PdfCanvas<PdfSheet>, party: PdfParty): string[] {
  const { address } = party;
  if (!address) return [];
  return [
    address.line1,
    address.line2,
    `${address.postalCode} ${address.city}`.trim(),
    canvas.format.country(address.country),
  ].filter(present);
}

function identifiers(canvas: PdfCanvas<PdfSheet>, party: PdfParty): string[] {
  const { strings } = canvas;
  return [
    party.companyNumber ? strings.labelled(strings.companyNumber, party.companyNumber) : null,
    party.vatNumber ? strings.labelled(strings.vatNumber, party.vatNumber) : null,
  ].filter(present);
}

function present(value: string | null | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
