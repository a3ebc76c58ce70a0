import type { PaymentMethod } from '../payments/payment-method';

/** Every word a receipt prints beyond those it shares with documents (pdfStrings). */
export interface ReceiptStrings {
  title: string;
  number: string;
  receivedOn: string;
  receivedFrom: string;
  amountReceived: string;
  method: string;
  methods: Record<PaymentMethod, string>;
  reference: string;
  payer: string;
  applied: { title: string; document: string; amount: string; total: string };
  credit: string;
  creditNote: string;
  reversed: (date: string, reason: string) => string;
  reversedNote: string;
  thanks: string;
}

const NBSP = '\u00a0';

export const receiptStrings: Record<'en' | 'fr', ReceiptStrings> = {
  en: {
    title: 'Receipt',
    number: 'Receipt number',
    receivedOn: 'Date received',
    receivedFrom: 'Received from',
    amountReceived: 'Amount received',
    method: 'Payment method',
    methods: {
      stripe: 'Online card payment',
      'bank-transfer': 'Bank transfer',
      cash: 'Cash',
      cheque: 'Cheque',
      other: 'Other',
    },
    reference: 'Reference',
    payer: 'Paid by',
    applied: { title: 'Applied to', document: 'Document', amount: 'Amount applied', total: 'Total applied' },
    credit: 'Credit on your account',
    creditNote: 'Your credit is used first on your next invoice.',
    reversed: (date, reason) => `Reversed on ${date} — ${reason}`,
    reversedNote: 'This payment was reversed: it no longer pays the documents below, and leaves no credit.',
    thanks: 'Thank you for your payment.',
  },
  fr: {
    title: 'Reçu',
    number: 'Numéro du reçu',
    receivedOn: 'Date de réception',
    receivedFrom: 'Reçu de',
    amountReceived: 'Montant reçu',
    method: 'Mode de paiement',
    methods: {
      stripe: 'Paiement en ligne par carte',
      'bank-transfer': 'Virement bancaire',
      cash: 'Espèces',
      cheque: 'Chèque',
      other: 'Autre',
    },
    reference: 'Référence',
    payer: 'Payé par',
    applied: { title: 'Affecté à', document: 'Document', amount: 'Montant affecté', total: 'Total affecté' },
    credit: 'Crédit sur votre compte',
    creditNote: 'Votre crédit sera utilisé en premier sur votre prochaine facture.',
    reversed: (date, reason) => `Annulé le ${date} — ${reason}`,
    reversedNote: `Ce paiement a été annulé${NBSP}: il ne règle plus les documents ci-dessous et ne laisse aucun crédit.`,
    thanks: 'Merci pour votre paiement.',
  },
};
