import { Module } from '@nestjs/common';
import { ClockModule, StorageModule } from '@tessera/core';
import { MembersModule } from '@tessera/members';
import { NotificationsModule } from '@tessera/notifications';
import { SettingsModule } from '@tessera/settings';
import { BankPaymentsRecorder } from './bank-statements/bank-payments-recorder';
import { BankPaymentsRepository } from './bank-statements/bank-payments.repository';
import { BankLineResolutionService } from './bank-statements/bank-line-resolution.service';
import { BankStatementImportService } from './bank-statements/bank-statement-import.service';
import { BankStatementRepository } from './bank-statements/bank-statement.repository';
import { BillingDocumentPdfService } from './billing-document-pdf.service';
import { BillingDocumentQueriesService } from './billing-document-queries.service';
import { BillingDocumentRepository } from './billing-document.repository';
import { BillingDocumentsService } from './billing-documents.service';
import { BulkProFormaRepository } from './bulk-pro-forma.repository';
import { BulkProFormasService } from './bulk-pro-formas.service';
import { PaymentQueries } from './payments/payment-queries';
import { PaymentRepository } from './payments/payment.repository';
import { PaymentsService } from './payments/payments.service';
import { ReceiptPdfService } from './payments/receipt-pdf.service';
import { ReceiptRepository } from './payments/receipt.repository';
import { SettlementListeners } from './settlement-listener';

/** Documents, numbering, settlement, payments, PDFs and receipts (services and repositories; no controllers, no workers). */
@Module({
  imports: [ClockModule, StorageModule, SettingsModule, NotificationsModule, MembersModule],
  providers: [
    BillingDocumentRepository,
    BillingDocumentsService,
    BillingDocumentQueriesService,
    BillingDocumentPdfService,
    SettlementListeners,
    BulkProFormaRepository,
    BulkProFormasService,
    PaymentRepository,
    PaymentsService,
    PaymentQueries,
    ReceiptRepository,
    ReceiptPdfService,
    BankStatementRepository,
    BankPaymentsRepository,
    BankPaymentsRecorder,
    BankStatementImportService,
    BankLineResolutionService,
  ],
  exports: [
    PaymentsService,
    PaymentRepository,
    PaymentQueries,
    ReceiptRepository,
    ReceiptPdfService,
    BankStatementImportService,
    BankLineResolutionService,
    BillingDocumentRepository,
    BillingDocumentsService,
    BulkProFormasService,
    BillingDocumentQueriesService,
    BillingDocumentPdfService,
    SettlementListeners,
  ],
})
export class BillingModule {}
