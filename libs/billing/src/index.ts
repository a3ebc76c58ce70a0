/** Invoices, pro-formas, credit notes, numbering, payment references and PDFs (product §5–§7). */
export * from './billing.module';
export * from './billing.http.module';
export * from './billing.worker.module';
export * from './billing.schema';
export * from './billing.queue';
export * from './billing.types';
export * from './billing-document-state';
export * from './settlement-listener';
export { BillingDocumentsService, type BillingActor } from './billing-documents.service';
export { BillingDocumentQueriesService } from './billing-document-queries.service';
export { DocumentAnnouncementService, type AnnouncementOutcome } from './document-announcement.service';
export * from './dto/billing-document-response.dto';
export * from './dto/billing-document-query.dto';
export * from './dto/document-reason.dto';
