import { Injectable } from '@nestjs/common';
import { Clock, Transactions } from '@tessera/core';
import type { CooperativeSettingsDto } from './cooperative-settings.dto';

/** The co-operative's own settings (one row): the statutory waiting period of reimbursements. */
@Injectable()
export class CooperativeSettingsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async get(): Promise<CooperativeSettingsDto> {
    const [row] = (await this.transactions.manager.query(
      `SELECT redemption_waiting_days AS "redemptionWaitingDays" FROM cooperative_settings WHERE id`,
    )) as CooperativeSettingsDto[];
    return row;
  }

  /** Applies to redemptions executed from now on; reimbursements already due keep their date. */
  async update(dto: CooperativeSettingsDto): Promise<CooperativeSettingsDto> {
    await this.transactions.manager.query(
      `UPDATE cooperative_settings SET redemption_waiting_days = $1, updated_at = $2 WHERE id`,
      [dto.redemptionWaitingDays, this.clock.now()],
    );
    return this.get();
  }
}
