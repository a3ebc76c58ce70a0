import { Module } from '@nestjs/common';
import { MembersModule } from '@tessera/members';
import { BillingDocumentActionsService } from './billing-document-actions.service';
import { BillingModule } from './billing.module';
import { InvoicesController } from './controllers/invoices.controller';
import { MyInvoicesController } from './controllers/my-invoices.controller';
import { MyPaymentsController } from './controllers/my-payments.controller';
import { MyReceiptsController } from './controllers/my-receipts.controller';
import { PaymentsController } from './controllers/payments.controller';
import { ReceiptsController } from './controllers/receipts.controller';
import { PaymentActionsService } from './payments/payment-actions.service';
import { PaymentQueries } from './payments/payment-queries';
import { ReceiptActionsService } from './payments/receipt-actions.service';

/** /invoices and /payments for staff and integrators, /me/invoices and /me/payments for members. */
@Module({
  imports: [BillingModule, MembersModule],
  providers: [BillingDocumentActionsService, PaymentQueries, PaymentActionsService, ReceiptActionsService],
  controllers: [
    InvoicesController,
    MyInvoicesController,
    PaymentsController,
    MyPaymentsController,
    ReceiptsController,
    MyReceiptsController,
  ],
})
export class BillingHttpModule {}
