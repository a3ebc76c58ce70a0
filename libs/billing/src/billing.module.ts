import { Module } from '@nestjs/common';
import { ClockModule, StorageModule } from '@tessera/core';
import { MembersModule } from '@tessera/members';
import { NotificationsModule } from '@tessera/notifications';
import { SettingsModule } from '@tessera/settings';
import { BillingDocumentPdfService } from './billing-document-pdf.service';
import { BillingDocumentQueriesService } from './billing-document-queries.service';
import { BillingDocumentRepository } from './billing-document.repository';
import { BillingDocumentsService } from './billing-documents.service';
import { SettlementListeners } from './settlement-listener';

/** Documents, numbering, settlement and PDFs (services and repository; no controllers, no workers). */
@Module({
  imports: [ClockModule, StorageModule, SettingsModule, NotificationsModule, MembersModule],
  providers: [
    BillingDocumentRepository,
    BillingDocumentsService,
    BillingDocumentQueriesService,
    BillingDocumentPdfService,
    SettlementListeners,
  ],
  // The repository too: the worker's announcement (BillingWorkerModule) reads and marks documents.
  exports: [
    BillingDocumentRepository,
    BillingDocumentsService,
    BillingDocumentQueriesService,
    BillingDocumentPdfService,
    SettlementListeners,
  ],
})
export class BillingModule {}
