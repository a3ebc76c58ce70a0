import { COLOR, CONTENT_WIDTH, PAGE, RIGHT, type PdfCanvas } from './pdf-canvas';

const PADDING = 18;
const QR_SIZE = 100;
const QUIET = 8;
const LABEL_WIDTH = 92;

/** Whether a document asks to be paid: an invoice or pro-forma with something still due. */
export function asksForPayment(canvas: Pick<PdfCanvas, 'data'>): boolean {
  return canvas.data.kind !== 'credit-note' && canvas.data.amountDue > 0;
}

/** The payment instructions in a panel, with the EPC QR code (when there is one) on the right. */
export function drawPaymentBox(canvas: PdfCanvas, qrPng: Buffer | null): void {
  const { data, strings, format } = canvas;
  const amount = format.money(data.amountDue);
  const dueDate = data.dueDate ? format.date(data.dueDate) : null;
  const rows: [string, string][] = [[strings.payment.amount, amount]];
  if (data.seller.iban) rows.push([strings.payment.iban, groupIban(data.seller.iban)]);
  if (data.seller.bic) rows.push([strings.payment.bic, data.seller.bic]);
  if (data.paymentReference) rows.push([strings.payment.reference, data.paymentReference]);
  if (dueDate) rows.push([strings.payment.dueDate, dueDate]);

  const textWidth = CONTENT_WIDTH - 2 * PADDING - (qrPng ? QR_SIZE + PADDING : 0);
  const instruction = strings.payment.instruction(amount, dueDate);
  const textHeight = 16 + canvas.heightOf(instruction, { width: textWidth, size: 9 }) + 10 + rows.length * 15;
  const qrHeight = qrPng
    ? QR_SIZE + QUIET + 4 + canvas.heightOf(strings.payment.qrCaption, { width: QR_SIZE, size: 7 })
    : 0;
  const height = 2 * PADDING + Math.max(textHeight, qrHeight);
  canvas.ensureSpace(height);

  const top = canvas.y;
  canvas.doc.save().roundedRect(PAGE.margin, top, CONTENT_WIDTH, height, 6).fill(COLOR.panel).restore();
  let y = top + PADDING;
  const x = PAGE.margin + PADDING;
  y += canvas.text(strings.payment.title, x, y, { width: textWidth, size: 11, bold: true, color: COLOR.accent }) + 4;
  y += canvas.text(instruction, x, y, { width: textWidth, size: 9 }) + 10;
  for (const [label, value] of rows) {
    canvas.text(label, x, y, { width: LABEL_WIDTH, size: 9.5, color: COLOR.muted });
    canvas.text(value, x + LABEL_WIDTH, y, { width: textWidth - LABEL_WIDTH, size: 9.5, bold: true });
    y += 15;
  }

  if (qrPng) {
    const qrX = RIGHT - PADDING - QR_SIZE;
    const qrY = top + PADDING;
    // The white quiet zone scanners need around the code (four modules at least).
    canvas.doc
      .save()
      .rect(qrX - QUIET, qrY - QUIET, QR_SIZE + 2 * QUIET, QR_SIZE + 2 * QUIET)
      .fill('#ffffff')
      .restore();
    canvas.doc.image(qrPng, qrX, qrY, { width: QR_SIZE, height: QR_SIZE });
    canvas.text(strings.payment.qrCaption, qrX - 10, qrY + QR_SIZE + QUIET + 4, {
      width: QR_SIZE + 20,
      size: 7,
      color: COLOR.muted,
      align: 'center',
    });
  }
  canvas.y = top + height + 20;
}

/** BE68539007547034 → BE68 5390 0754 7034, as people copy it. */
function groupIban(iban: string): string {
  return (
    iban
      .replace(/\s+/g, '')
      .toUpperCase()
      .match(/.{1,4}/g) ?? []
  ).join(' ');
}
