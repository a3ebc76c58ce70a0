import { Module } from '@nestjs/common';
import { BillingDocumentActionsService } from './billing-document-actions.service';
import { BillingModule } from './billing.module';
import { InvoicesController } from './controllers/invoices.controller';
import { MyInvoicesController } from './controllers/my-invoices.controller';

/** /invoices for staff and integrators, /me/invoices for members. */
@Module({
  imports: [BillingModule],
  providers: [BillingDocumentActionsService],
  controllers: [InvoicesController, MyInvoicesController],
})
export class BillingHttpModule {}
