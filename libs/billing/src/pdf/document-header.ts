import { CONTENT_WIDTH, PAGE, type PdfCanvas } from './pdf-canvas';
import { drawSheetHeader } from './sheet-header';

/**
 * The sheet's header (seller; title, number and dates; the buyer), then below the rule: what
 * links this document to another, a credit note's reason, the pro-forma note.
 */
export function drawDocumentHeader(canvas: PdfCanvas): void {
  const { data, strings, format } = canvas;
  const facts: [string, string][] = [
    [strings.number, data.number],
    [strings.issueDate, format.date(data.issueDate)],
  ];
  if (data.dueDate) facts.push([strings.dueDate, format.date(data.dueDate)]);
  drawSheetHeader(canvas, { facts, memberLabel: strings.billTo, member: data.buyer });
  drawNotes(canvas);
}

function drawNotes(canvas: PdfCanvas): void {
  const { data, strings } = canvas;
  const notes: { text: string; bold?: boolean }[] = [];
  if (data.related) notes.push({ text: strings.related[data.related.kind](data.related.number), bold: true });
  if (data.kind === 'credit-note' && data.reason) notes.push({ text: strings.labelled(strings.reason, data.reason) });
  if (data.kind === 'pro-forma') notes.push({ text: strings.proFormaNote });
  if (data.kind === 'capital-release') notes.push({ text: strings.capitalReleaseNote });
  for (const note of notes) {
    canvas.y += canvas.text(note.text, PAGE.margin, canvas.y, { width: CONTENT_WIDTH, size: 9.5, bold: note.bold }) + 4;
  }
  if (notes.length > 0) canvas.y += 16;
}
