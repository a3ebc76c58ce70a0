import type { QueueDefinition } from '@tessera/core';

export const BILLING_QUEUE = 'billing';
/** After a document is issued: render its PDF once, store it, and e-mail it to the member. */
export const ANNOUNCE_DOCUMENT_JOB = 'announce-document';

export interface AnnounceDocumentPayload {
  documentId: string;
}

/** After a payment is recorded: render its receipt once, store it, and e-mail it to the member. */
export const ANNOUNCE_RECEIPT_JOB = 'announce-receipt';

export interface AnnounceReceiptPayload {
  paymentId: string;
}

/** Retried 2 s · 4 s · 8 s … apart over hours: an SMTP or disk hiccup never loses an invoice's or a receipt's e-mail. */
export const billingQueue: QueueDefinition = {
  name: BILLING_QUEUE,
  defaultJobOptions: {
    attempts: 12,
    backoff: { type: 'exponential', delay: 2000 },
    removeOnComplete: { age: 24 * 3600, count: 10_000 },
    removeOnFail: { age: 7 * 24 * 3600 },
  },
};
