import type { SchemaPart } from '@tessera/core';
import { ImportedStatement } from './bank-statements/entities/imported-statement.entity';
import { StatementLine } from './bank-statements/entities/statement-line.entity';
import { BankAccountCsvMappings1765003000000 } from './bank-statements/migrations/1765003000000-bank-account-csv-mappings';
import { BankLineDecisions1765003000100 } from './bank-statements/migrations/1765003000100-bank-line-decisions';
import { CreateBankStatements1765001000300 } from './bank-statements/migrations/1765001000300-create-bank-statements';
import { Allocation } from './entities/allocation.entity';
import { BillingDocumentLine } from './entities/billing-document-line.entity';
import { BillingDocument } from './entities/billing-document.entity';
import { Payment } from './entities/payment.entity';
import { CreateBilling1765000000500 } from './migrations/1765000000500-create-billing';
import { OneProFormaPerPeriod1765000000700 } from './migrations/1765000000700-one-pro-forma-per-period';
import { CreatePayments1765001000000 } from './migrations/1765001000000-create-payments';
import { ReceiptAnnounced1765001000200 } from './migrations/1765001000200-receipt-announced';
import { LiveProFormaPerPeriod1765006000100 } from './migrations/1765006000100-live-pro-forma-per-period';
import { CapitalReleaseDocuments1765009000000 } from './migrations/1765009000000-capital-release-documents';
import { CreateStripeEvents1765001000100 } from './stripe/migrations/1765001000100-create-stripe-events';
import { StripeEvent } from './stripe/stripe-event.entity';

export const billingSchema: SchemaPart = {
  entities: [BillingDocument, BillingDocumentLine, Allocation, Payment, StripeEvent, ImportedStatement, StatementLine],
  migrations: [
    CreateBilling1765000000500,
    OneProFormaPerPeriod1765000000700,
    CreatePayments1765001000000,
    CreateStripeEvents1765001000100,
    ReceiptAnnounced1765001000200,
    CreateBankStatements1765001000300,
    BankAccountCsvMappings1765003000000,
    BankLineDecisions1765003000100,
    LiveProFormaPerPeriod1765006000100,
    CapitalReleaseDocuments1765009000000,
  ],
};
