import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans gain what invoicing and renewals need: a tax rate (basis points), the billing anchor
 * (`join-date`, or `calendar` with the cycle's anchor month and day), whether a calendar plan's
 * first period is prorated, and how many days ahead its renewals are issued. Existing plans keep
 * their behaviour: join-date, no tax, renewals 30 days ahead.
 */
export class PlanBilling1765000000300 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE plans
        ADD COLUMN tax_rate_bps int NOT NULL DEFAULT 0 CHECK (tax_rate_bps BETWEEN 0 AND 10000),
        ADD COLUMN billing_anchor text NOT NULL DEFAULT 'join-date' CHECK (billing_anchor IN ('join-date', 'calendar')),
        ADD COLUMN anchor_month smallint CHECK (anchor_month BETWEEN 1 AND 12),
        ADD COLUMN anchor_day smallint CHECK (anchor_day BETWEEN 1 AND 28),
        ADD COLUMN prorate_first_period boolean NOT NULL DEFAULT false,
        ADD COLUMN renewal_lead_days int NOT NULL DEFAULT 30 CHECK (renewal_lead_days BETWEEN 0 AND 365),
        ADD CONSTRAINT plans_calendar_anchor_check CHECK (
          CASE billing_anchor
            WHEN 'calendar' THEN anchor_month IS NOT NULL AND anchor_day IS NOT NULL
            ELSE anchor_month IS NULL AND anchor_day IS NULL AND NOT prorate_first_period
          END)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE plans
        DROP CONSTRAINT plans_calendar_anchor_check,
        DROP COLUMN tax_rate_bps, DROP COLUMN billing_anchor, DROP COLUMN anchor_month,
        DROP COLUMN anchor_day, DROP COLUMN prorate_first_period, DROP COLUMN renewal_lead_days`);
  }
}
