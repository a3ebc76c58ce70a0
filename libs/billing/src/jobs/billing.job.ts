import { Processor } from '@nestjs/bullmq';
import { OutboxCompletion, OutboxWorkerHost, workerOptions } from '@tessera/core';
import { Job, UnrecoverableError } from 'bullmq';
import {
  ANNOUNCE_DOCUMENT_JOB,
  ANNOUNCE_RECEIPT_JOB,
  BILLING_QUEUE,
  type AnnounceDocumentPayload,
  type AnnounceReceiptPayload,
} from '../billing.queue';
import { DocumentAnnouncementService, type AnnouncementOutcome } from '../document-announcement.service';
import { ReceiptAnnouncementService } from '../payments/receipt-announcement.service';

/**
 * Thin: the `billing` queue's jobs, each handed to its service — `announce-document` e-mails a new
 * document with its PDF, `announce-receipt` a payment's receipt. One processor per queue: BullMQ
 * gives a queue's jobs to any of its workers, whatever their name.
 */
@Processor(BILLING_QUEUE, workerOptions({ concurrency: 5 }))
export class BillingJobsProcessor extends OutboxWorkerHost<
  AnnounceDocumentPayload | AnnounceReceiptPayload,
  AnnouncementOutcome
> {
  constructor(
    private readonly documents: DocumentAnnouncementService,
    private readonly receipts: ReceiptAnnouncementService,
    completion: OutboxCompletion,
  ) {
    super('Billing worker', completion);
  }

  protected async handle(job: Job<AnnounceDocumentPayload | AnnounceReceiptPayload>): Promise<AnnouncementOutcome> {
    if (job.name === ANNOUNCE_DOCUMENT_JOB)
      return this.documents.announce((job.data as AnnounceDocumentPayload).documentId);
    if (job.name === ANNOUNCE_RECEIPT_JOB)
      return this.receipts.announce((job.data as AnnounceReceiptPayload).paymentId);
    throw new UnrecoverableError(`Unknown job "${job.name}" on queue "${BILLING_QUEUE}"`);
  }
}
