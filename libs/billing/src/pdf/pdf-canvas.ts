import type { BillingDocumentPdf, PdfSheet } from './billing-document-pdf.types';
import type { PdfFonts } from './pdf-fonts';
import type { PdfFormat } from './pdf-format';
import type { PdfStrings } from './pdf-strings';

/** A4 in points, and the house margins. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  margin: 50,
  /** Content stops here; below is the footer's band. */
  contentBottom: 841.89 - 95,
} as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const RIGHT = PAGE.width - PAGE.margin;

export const COLOR = {
  text: '#1f2933',
  muted: '#6b7280',
  rule: '#d9dde3',
  faintRule: '#eceef1',
  panel: '#f4f6f8',
  accent: '#0f3d57',
  alert: '#9b1c1c',
  alertPanel: '#fdf0ef',
} as const;

export interface TextStyle {
  width: number;
  size?: number;
  bold?: boolean;
  color?: string;
  align?: 'left' | 'right' | 'center';
  lineGap?: number;
  /** Cut the text there, with an ellipsis. */
  maxHeight?: number;
}

/**
 * The document being drawn and a cursor `y` that sections move down. Sections ask for room with
 * `ensureSpace`, which starts a new page (and lets the section repeat its header) when needed.
 * `title` ("Invoice", "Receipt") heads continued pages and every page's footer.
 */
export class PdfCanvas<D extends PdfSheet = BillingDocumentPdf> {
  y: number = PAGE.margin;
  private readonly continuedHandlers: (() => void)[] = [];

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly data: D,
    readonly strings: PdfStrings,
    readonly format: PdfFormat,
    private readonly fonts: PdfFonts,
    readonly title: string,
  ) {
    doc.registerFont('regular', fonts.regular);
    doc.registerFont('bold', fonts.bold);
  }

  /** Draws text at (x, y) and returns its height; never moves the cursor. */
  text(value: string, x: number, y: number, style: TextStyle): number {
    this.applyStyle(style);
    const options = { width: style.width, align: style.align ?? 'left', lineGap: style.lineGap ?? 1.5 };
    const clip = style.maxHeight === undefined ? {} : { height: style.maxHeight, ellipsis: true };
    const printable = this.fonts.printable(value);
    this.doc.text(printable, x, y, { ...options, ...clip });
    return Math.min(this.doc.heightOfString(printable, options), style.maxHeight ?? Infinity);
  }

  heightOf(value: string, style: TextStyle): number {
    this.applyStyle(style);
    return this.doc.heightOfString(this.fonts.printable(value), { width: style.width, lineGap: style.lineGap ?? 1.5 });
  }

  /** The height of `lines` lines of text in this style. */
  linesHeight(lines: number, style: TextStyle): number {
    this.applyStyle(style);
    return lines * (this.doc.currentLineHeight(true) + (style.lineGap ?? 1.5));
  }

  rule(y: number, from: number = PAGE.margin, to: number = RIGHT, color: string = COLOR.rule, width = 0.75): void {
    this.doc.save().moveTo(from, y).lineTo(to, y).lineWidth(width).strokeColor(color).stroke().restore();
  }

  /** Runs `draw` at the top of every page that `ensureSpace` adds while it is registered. */
  whileContinuing<T>(draw: () => void, body: () => T): T {
    this.continuedHandlers.push(draw);
    try {
      return body();
    } finally {
      this.continuedHandlers.pop();
    }
  }

  /** Makes sure `height` points fit above the footer band, else moves to a new page. */
  ensureSpace(height: number): void {
    if (this.y + height <= PAGE.contentBottom) return;
    this.doc.addPage();
    this.y = PAGE.margin;
    this.y += this.text(this.strings.continued(this.title, this.data.number), PAGE.margin, this.y, {
      width: CONTENT_WIDTH,
      size: 9,
      color: COLOR.muted,
    });
    this.y += 18;
    for (const draw of this.continuedHandlers) draw();
  }

  private applyStyle(style: TextStyle): void {
    this.doc
      .font(style.bold ? 'bold' : 'regular')
      .fontSize(style.size ?? 9.5)
      .fillColor(style.color ?? COLOR.text);
  }
}
