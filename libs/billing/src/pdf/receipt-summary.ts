import { COLOR, CONTENT_WIDTH, PAGE, RIGHT, type PdfCanvas } from './pdf-canvas';
import type { ReceiptPdf } from './receipt-pdf.types';
import { receiptStrings } from './receipt-strings';

const PADDING = 16;
const FACTS_X = PAGE.margin + 210;
const LABEL_WIDTH = 105;

/** A reversed payment's receipt says so first, in red, with the date and the reason. */
export function drawReversalBanner(canvas: PdfCanvas<ReceiptPdf>): void {
  const { reversal } = canvas.data;
  if (!reversal) return;
  const strings = receiptStrings[canvas.data.locale];
  const width = CONTENT_WIDTH - 2 * PADDING;
  const headline = strings.reversed(canvas.format.date(reversal.on), reversal.reason);
  const headlineStyle = { width, size: 11, bold: true, color: COLOR.alert };
  const noteStyle = { width, size: 9, color: COLOR.alert };
  const height =
    2 * PADDING - 4 + canvas.heightOf(headline, headlineStyle) + 4 + canvas.heightOf(strings.reversedNote, noteStyle);
  const top = canvas.y;
  canvas.doc.save().roundedRect(PAGE.margin, top, CONTENT_WIDTH, height, 6).fill(COLOR.alertPanel).restore();
  canvas.doc.save().rect(PAGE.margin, top, 4, height).fill(COLOR.alert).restore();
  let y = top + PADDING - 2;
  y += canvas.text(headline, PAGE.margin + PADDING, y, headlineStyle) + 4;
  canvas.text(strings.reversedNote, PAGE.margin + PADDING, y, noteStyle);
  canvas.y = top + height + 20;
}

/** The amount received, large on the left of a panel; how it came on the right. */
export function drawAmountPanel(canvas: PdfCanvas<ReceiptPdf>): void {
  const { data, format } = canvas;
  const strings = receiptStrings[data.locale];
  const facts: [string, string][] = [[strings.method, strings.methods[data.method]]];
  if (data.reference) facts.push([strings.reference, data.reference]);
  if (data.payer) facts.push([strings.payer, data.payer]);

  const valueWidth = RIGHT - PADDING - FACTS_X - LABEL_WIDTH;
  const factHeights = facts.map(([, value]) => canvas.heightOf(value, { width: valueWidth, size: 9.5 }) + 5);
  const factsHeight = factHeights.reduce((sum, height) => sum + height, 0);
  const height = 2 * PADDING + Math.max(44, factsHeight);
  const top = canvas.y;
  canvas.doc.save().roundedRect(PAGE.margin, top, CONTENT_WIDTH, height, 6).fill(COLOR.panel).restore();

  const x = PAGE.margin + PADDING;
  const label = strings.amountReceived.toUpperCase();
  const y =
    top + PADDING + canvas.text(label, x, top + PADDING, { width: 220, size: 7.5, bold: true, color: COLOR.muted });
  canvas.text(format.money(data.amount), x, y + 4, { width: 220, size: 20, bold: true, color: COLOR.accent });

  let factY = top + PADDING + Math.max(0, (44 - factsHeight) / 2);
  facts.forEach(([name, value], index) => {
    canvas.text(name, FACTS_X, factY, { width: LABEL_WIDTH, size: 9.5, color: COLOR.muted });
    canvas.text(value, FACTS_X + LABEL_WIDTH, factY, { width: valueWidth, size: 9.5, bold: true });
    factY += factHeights[index];
  });
  canvas.y = top + height + 24;
}
