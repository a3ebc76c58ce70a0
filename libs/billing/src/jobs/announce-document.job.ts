import { Processor } from '@nestjs/bullmq';
import { OutboxCompletion, OutboxWorkerHost, workerOptions } from '@tessera/core';
import { Job, UnrecoverableError } from 'bullmq';
import { ANNOUNCE_DOCUMENT_JOB, BILLING_QUEUE, type AnnounceDocumentPayload } from '../billing.queue';
import { DocumentAnnouncementService, type AnnouncementOutcome } from '../document-announcement.service';

/** Thin: an `announce-document` job renders one document's PDF and e-mails it. */
@Processor(BILLING_QUEUE, workerOptions({ concurrency: 5 }))
export class AnnounceDocumentProcessor extends OutboxWorkerHost<AnnounceDocumentPayload, AnnouncementOutcome> {
  constructor(
    private readonly announcements: DocumentAnnouncementService,
    completion: OutboxCompletion,
  ) {
    super('Billing worker', completion);
  }

  protected async handle(job: Job<AnnounceDocumentPayload>): Promise<AnnouncementOutcome> {
    if (job.name !== ANNOUNCE_DOCUMENT_JOB)
      throw new UnrecoverableError(`Unknown job "${job.name}" on queue "${BILLING_QUEUE}"`);
    return this.announcements.announce(job.data.documentId);
  }
}
