import { Module } from '@nestjs/common';
import { MembersModule } from '@tessera/members';
import { BillingDocumentActionsService } from './billing-document-actions.service';
import { BankStatementActionsService } from './bank-statements/bank-statement-actions.service';
import { BankStatementQueries } from './bank-statements/bank-statement-queries';
import { CsvMappingRepository } from './bank-statements/csv-mapping.repository';
import { CsvMappingsService } from './bank-statements/csv-mappings.service';
import { BillingModule } from './billing.module';
import { BankCsvMappingsController } from './controllers/bank-csv-mappings.controller';
import { BankStatementsController } from './controllers/bank-statements.controller';
import { InvoicesController } from './controllers/invoices.controller';
import { MyCheckoutController } from './controllers/my-checkout.controller';
import { MyInvoicesController } from './controllers/my-invoices.controller';
import { MyPaymentsController } from './controllers/my-payments.controller';
import { MyReceiptsController } from './controllers/my-receipts.controller';
import { PaymentsController } from './controllers/payments.controller';
import { ReceiptsController } from './controllers/receipts.controller';
import { StripeWebhookController } from './controllers/stripe-webhook.controller';
import { PaymentActionsService } from './payments/payment-actions.service';
import { ReceiptActionsService } from './payments/receipt-actions.service';
import { StripeCheckoutService } from './stripe/stripe-checkout.service';
import { StripeClient } from './stripe/stripe-client';
import { StripeEventRepository } from './stripe/stripe-event.repository';
import { StripeWebhookService } from './stripe/stripe-webhook.service';

/**
 * /invoices and /payments for staff and integrators, /me/invoices and /me/payments for members,
 * Stripe Checkout (/me/invoices/{id}/checkout) and Stripe's webhook (/webhooks/stripe).
 */
@Module({
  imports: [BillingModule, MembersModule],
  providers: [
    BillingDocumentActionsService,
    PaymentActionsService,
    ReceiptActionsService,
    StripeClient,
    StripeEventRepository,
    StripeCheckoutService,
    StripeWebhookService,
    BankStatementQueries,
    BankStatementActionsService,
    CsvMappingRepository,
    CsvMappingsService,
  ],
  controllers: [
    InvoicesController,
    MyInvoicesController,
    PaymentsController,
    MyPaymentsController,
    MyCheckoutController,
    StripeWebhookController,
    ReceiptsController,
    MyReceiptsController,
    BankStatementsController,
    BankCsvMappingsController,
  ],
})
export class BillingHttpModule {}
