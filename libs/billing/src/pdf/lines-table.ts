import { COLOR, PAGE, RIGHT, type PdfCanvas } from './pdf-canvas';

interface Column {
  x: number;
  width: number;
  align: 'left' | 'right';
}

/** Description takes what the four right-aligned figures leave; 12 pt between columns. */
const GAP = 12;
const AMOUNT = { width: 88 };
const TAX = { width: 48 };
const UNIT = { width: 84 };
const QTY = { width: 36 };
const net: Column = { x: RIGHT - AMOUNT.width, width: AMOUNT.width, align: 'right' };
const taxRate: Column = { x: net.x - GAP - TAX.width, width: TAX.width, align: 'right' };
const unitPrice: Column = { x: taxRate.x - GAP - UNIT.width, width: UNIT.width, align: 'right' };
const quantity: Column = { x: unitPrice.x - GAP - QTY.width, width: QTY.width, align: 'right' };
const description: Column = { x: PAGE.margin, width: quantity.x - GAP - PAGE.margin, align: 'left' };

const ROW_PADDING = 7;
const SIZE = 9.5;
const PERIOD_SIZE = 8;

/** The lines, one row each (the period on a second, quieter line); the header repeats per page. */
export function drawLinesTable(canvas: PdfCanvas): void {
  const header = () => drawHeader(canvas);
  header();
  canvas.whileContinuing(header, () => {
    for (const line of canvas.data.lines) drawRow(canvas, line);
  });
  canvas.y += 4;
}

function drawHeader(canvas: PdfCanvas): void {
  const { columns } = canvas.strings;
  const cells: [string, Column][] = [
    [columns.description, description],
    [columns.quantity, quantity],
    [columns.unitPrice, unitPrice],
    [columns.taxRate, taxRate],
    [columns.net, net],
  ];
  const height = Math.max(
    ...cells.map(([label, column]) =>
      canvas.text(label.toUpperCase(), column.x, canvas.y, {
        width: column.width,
        align: column.align,
        size: 7.5,
        bold: true,
        color: COLOR.muted,
      }),
    ),
  );
  canvas.y += height + 6;
  canvas.rule(canvas.y, PAGE.margin, RIGHT, COLOR.text, 0.9);
}

function drawRow(canvas: PdfCanvas, line: (typeof canvas.data.lines)[number]): void {
  const { format, strings } = canvas;
  const period = line.period ? strings.period(format.date(line.period.start), format.date(line.period.end)) : null;
  const descriptionHeight = canvas.heightOf(line.description, { width: description.width, size: SIZE });
  const periodHeight = period ? canvas.heightOf(period, { width: description.width, size: PERIOD_SIZE }) + 2 : 0;
  const height = ROW_PADDING * 2 + descriptionHeight + periodHeight;
  canvas.ensureSpace(height);

  const y = canvas.y + ROW_PADDING;
  canvas.text(line.description, description.x, y, { width: description.width, size: SIZE });
  if (period) {
    canvas.text(period, description.x, y + descriptionHeight + 2, {
      width: description.width,
      size: PERIOD_SIZE,
      color: COLOR.muted,
    });
  }
  const figures: [string, Column][] = [
    [format.quantity(line.quantity), quantity],
    [format.money(line.unitPrice), unitPrice],
    [format.taxRate(line.taxRateBps), taxRate],
    [format.money(line.net), net],
  ];
  for (const [value, column] of figures)
    canvas.text(value, column.x, y, { width: column.width, align: 'right', size: SIZE });

  canvas.y += height;
  canvas.rule(canvas.y, PAGE.margin, RIGHT, COLOR.faintRule, 0.6);
}
