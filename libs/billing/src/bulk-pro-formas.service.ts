import { Injectable } from '@nestjs/common';
import { addDays, Clock, localDateIn, Transactions } from '@tessera/core';
import { OrganisationSettingsService } from '@tessera/settings';
import { BulkProFormaRepository, type ProFormaRow } from './bulk-pro-forma.repository';
import { paymentReferenceFor } from './references/payment-reference';

/** A pro-forma to issue in bulk: one line, quantity 1, for a subject's period. */
export type ProFormaToIssue = Omit<ProFormaRow, 'paymentReference'>;

export interface BulkIssueOutcome {
  issued: number;
  /** Gross per currency of what was issued. */
  totals: { currency: string; gross: number; count: number }[];
}

/**
 * Issues pro-formas by the thousand for renewal runs, in one transaction per call: numbers are
 * gapless in the order they are issued, each subject and period gets one pro-forma whatever runs
 * at the same time, and each is announced (PDF and e-mail) through the outbox.
 */
@Injectable()
export class BulkProFormasService {
  constructor(
    private readonly transactions: Transactions,
    private readonly bulk: BulkProFormaRepository,
    private readonly settings: OrganisationSettingsService,
    private readonly clock: Clock,
  ) {}

  async issue(subjectType: string, items: ProFormaToIssue[]): Promise<BulkIssueOutcome> {
    if (items.length === 0) return { issued: 0, totals: [] };
    const profile = await this.settings.billingTerms();
    return this.transactions.run(async () => {
      const issuedAt = this.clock.now();
      const issueDate = localDateIn(profile.timeZone, issuedAt);
      const year = Number(issueDate.slice(0, 4));
      const lastNumber = await this.bulk.lockSeries(year);
      const sequences = await this.bulk.nextReferenceSequences(items.length);
      const rows = items.map((item, i) => ({
        ...item,
        paymentReference: paymentReferenceFor(profile.referenceScheme, sequences[i]),
      }));
      const issued = await this.bulk.insert(subjectType, rows, {
        year,
        lastNumber,
        issueDate,
        dueDate: addDays(issueDate, profile.paymentTermsDays),
        issuedAt,
      });
      await this.bulk.setLastNumber(year, lastNumber + issued.length);
      return { issued: issued.length, totals: totalsOf(issued) };
    });
  }
}

function totalsOf(issued: { currency: string; grossAmount: number }[]): BulkIssueOutcome['totals'] {
  const byCurrency = new Map<string, { currency: string; gross: number; count: number }>();
  for (const document of issued) {
    const total = byCurrency.get(document.currency) ?? { currency: document.currency, gross: 0, count: 0 };
    total.gross += document.grossAmount;
    total.count += 1;
    byCurrency.set(document.currency, total);
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
