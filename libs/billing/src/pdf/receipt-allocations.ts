import { COLOR, CONTENT_WIDTH, PAGE, RIGHT, type PdfCanvas } from './pdf-canvas';
import type { ReceiptPdf } from './receipt-pdf.types';
import { receiptStrings } from './receipt-strings';

const AMOUNT_WIDTH = 120;
const AMOUNT_X = RIGHT - AMOUNT_WIDTH;
const DOCUMENT_WIDTH = AMOUNT_X - 12 - PAGE.margin;
const ROW_PADDING = 7;
const TOTALS_WIDTH = 260;
const TOTALS_X = RIGHT - TOTALS_WIDTH;

/**
 * The documents the payment paid, one row each with the amount applied (the header repeats on a
 * new page), their total, then the credit it left, set apart, and a word of thanks.
 */
export function drawAllocations(canvas: PdfCanvas<ReceiptPdf>): void {
  const { data } = canvas;
  const strings = receiptStrings[data.locale];
  if (data.applied.length > 0) {
    const header = () => drawHeader(canvas);
    header();
    canvas.whileContinuing(header, () => {
      for (const row of data.applied) drawRow(canvas, row);
    });
    canvas.ensureSpace(30);
    canvas.y += 10;
    const total = data.applied.reduce((sum, row) => sum + row.amount, 0);
    totalRow(canvas, strings.applied.total, canvas.format.money(total), false);
  }
  if (data.credit > 0) drawCredit(canvas);
  canvas.ensureSpace(40);
  canvas.y += 18;
  canvas.text(strings.thanks, PAGE.margin, canvas.y, { width: CONTENT_WIDTH, size: 10, bold: true });
}

function drawHeader(canvas: PdfCanvas<ReceiptPdf>): void {
  const strings = receiptStrings[canvas.data.locale].applied;
  canvas.ensureSpace(60);
  const heading = { size: 7.5, bold: true, color: COLOR.muted };
  const height = canvas.text(strings.document.toUpperCase(), PAGE.margin, canvas.y, {
    ...heading,
    width: DOCUMENT_WIDTH,
  });
  canvas.text(strings.amount.toUpperCase(), AMOUNT_X, canvas.y, { ...heading, width: AMOUNT_WIDTH, align: 'right' });
  canvas.y += height + 6;
  canvas.rule(canvas.y, PAGE.margin, RIGHT, COLOR.text, 0.9);
}

function drawRow(canvas: PdfCanvas<ReceiptPdf>, row: ReceiptPdf['applied'][number]): void {
  const height = ROW_PADDING * 2 + canvas.heightOf(row.number, { width: DOCUMENT_WIDTH, size: 9.5 });
  canvas.ensureSpace(height);
  const y = canvas.y + ROW_PADDING;
  canvas.text(row.number, PAGE.margin, y, { width: DOCUMENT_WIDTH, size: 9.5 });
  canvas.text(canvas.format.money(row.amount), AMOUNT_X, y, { width: AMOUNT_WIDTH, size: 9.5, align: 'right' });
  canvas.y += height;
  canvas.rule(canvas.y, PAGE.margin, RIGHT, COLOR.faintRule, 0.6);
}

function totalRow(canvas: PdfCanvas<ReceiptPdf>, label: string, amount: string, emphasis: boolean): void {
  const style = { width: TOTALS_WIDTH, size: emphasis ? 10.5 : 9.5, bold: true };
  canvas.text(label, TOTALS_X, canvas.y, { ...style, color: emphasis ? COLOR.text : COLOR.muted });
  canvas.text(amount, TOTALS_X, canvas.y, { ...style, align: 'right' });
  canvas.y += 16;
}

/** The credit in a shaded band, and what becomes of it. */
function drawCredit(canvas: PdfCanvas<ReceiptPdf>): void {
  const strings = receiptStrings[canvas.data.locale];
  canvas.ensureSpace(56);
  canvas.y += 8;
  canvas.doc
    .save()
    .roundedRect(TOTALS_X - 8, canvas.y - 5, TOTALS_WIDTH + 8, 24, 3)
    .fill(COLOR.panel)
    .restore();
  canvas.y += 1;
  totalRow(canvas, strings.credit, canvas.format.money(canvas.data.credit), true);
  canvas.y += 8;
  canvas.y += canvas.text(strings.creditNote, PAGE.margin, canvas.y, {
    width: CONTENT_WIDTH,
    size: 8.5,
    color: COLOR.muted,
    align: 'right',
  });
}
