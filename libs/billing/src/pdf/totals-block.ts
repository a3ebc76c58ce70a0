import { COLOR, PAGE, RIGHT, type PdfCanvas } from './pdf-canvas';

const TOTALS_WIDTH = 230;
const TOTALS_X = RIGHT - TOTALS_WIDTH;
const SUMMARY_WIDTH = 240;
const ROW = 16;

interface TotalRow {
  label: string;
  amount: number;
  emphasis?: 'total' | 'due';
}

/** Totals on the right; the VAT summary by rate on the left, level with them. */
export function drawTotalsAndTaxSummary(canvas: PdfCanvas): void {
  const rows = totalRows(canvas);
  const summaryHeight = 20 + ROW * (canvas.data.taxSummary.length + 1);
  canvas.ensureSpace(Math.max(rows.length * ROW + 24, summaryHeight) + 10);
  const top = canvas.y + 10;
  const totalsBottom = drawTotals(canvas, rows, top);
  const summaryBottom = drawTaxSummary(canvas, top);
  canvas.y = Math.max(totalsBottom, summaryBottom) + 26;
}

function totalRows(canvas: PdfCanvas): TotalRow[] {
  const { data, strings } = canvas;
  const { totals } = data;
  const rows: TotalRow[] = [
    { label: strings.totals.net, amount: totals.net },
    { label: strings.totals.tax, amount: totals.tax },
  ];
  if (data.kind === 'credit-note')
    return [...rows, { label: strings.totals.credited, amount: totals.gross, emphasis: 'total' }];
  rows.push({ label: strings.totals.gross, amount: totals.gross, emphasis: 'total' });
  if (data.amountDue !== totals.gross) rows.push({ label: strings.totals.paid, amount: totals.gross - data.amountDue });
  rows.push({ label: strings.totals.amountDue, amount: data.amountDue, emphasis: 'due' });
  return rows;
}

function drawTotals(canvas: PdfCanvas, rows: TotalRow[], top: number): number {
  let y = top;
  for (const row of rows) {
    if (row.emphasis === 'total') {
      canvas.rule(y - 3, TOTALS_X, RIGHT, COLOR.text, 0.9);
      y += 4;
    }
    if (row.emphasis === 'due') {
      canvas.doc
        .save()
        .roundedRect(TOTALS_X - 8, y - 5, TOTALS_WIDTH + 8, ROW + 8, 3)
        .fill(COLOR.panel)
        .restore();
      y += 1;
    }
    const style = { width: TOTALS_WIDTH, size: row.emphasis ? 10.5 : 9.5, bold: Boolean(row.emphasis) };
    canvas.text(row.label, TOTALS_X, y, { ...style, color: row.emphasis ? COLOR.text : COLOR.muted });
    canvas.text(canvas.format.money(row.amount), TOTALS_X, y, { ...style, align: 'right' });
    y += ROW + (row.emphasis ? 4 : 0);
  }
  return y;
}

function drawTaxSummary(canvas: PdfCanvas, top: number): number {
  const { strings, format, data } = canvas;
  if (data.taxSummary.length === 0) return top;
  const rate = { x: PAGE.margin, width: 50 };
  const base = { x: PAGE.margin + 60, width: 95 };
  const tax = { x: PAGE.margin + SUMMARY_WIDTH - 75, width: 75 };
  let y = top;
  y += canvas.text(strings.taxSummary.title.toUpperCase(), PAGE.margin, y, {
    width: SUMMARY_WIDTH,
    size: 7.5,
    bold: true,
    color: COLOR.muted,
  });
  y += 6;
  const heading = { size: 8, color: COLOR.muted };
  canvas.text(strings.taxSummary.rate, rate.x, y, { ...heading, width: rate.width });
  canvas.text(strings.taxSummary.base, base.x, y, { ...heading, width: base.width, align: 'right' });
  canvas.text(strings.taxSummary.tax, tax.x, y, { ...heading, width: tax.width, align: 'right' });
  y += 13;
  canvas.rule(y, PAGE.margin, PAGE.margin + SUMMARY_WIDTH, COLOR.rule, 0.6);
  y += 4;
  for (const row of data.taxSummary) {
    const cell = { size: 8.5 };
    canvas.text(format.taxRate(row.taxRateBps), rate.x, y, { ...cell, width: rate.width });
    canvas.text(format.money(row.net), base.x, y, { ...cell, width: base.width, align: 'right' });
    canvas.text(format.money(row.tax), tax.x, y, { ...cell, width: tax.width, align: 'right' });
    y += 14;
  }
  return y;
}
