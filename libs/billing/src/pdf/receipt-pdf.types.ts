import type { PaymentMethod } from '../payments/payment-method';
import type { PdfMember, PdfSheet } from './billing-document-pdf.types';

/** What a receipt's PDF shows: a payment as recorded, with what it paid and the credit it left. */
export interface ReceiptPdf extends PdfSheet {
  number: string; // REC-2026-000001
  receivedOn: string; // YYYY-MM-DD (local date the money came in)
  currency: string; // ISO 4217
  member: PdfMember;
  amount: number;
  method: PaymentMethod;
  reference: string | null;
  /** Who paid, when not the member. */
  payer: string | null;
  /** The documents it paid, in the order it paid them. */
  applied: { number: string; amount: number }[];
  /** What is left on the member's account. */
  credit: number;
  /** Set when the payment was already reversed when the receipt was first printed. */
  reversal: { on: string; reason: string } | null;
}
