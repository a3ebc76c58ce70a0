import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { OrganisationSettings } from './entities/organisation-settings.entity';

const THE_ROW = 1;

/** The only place that speaks TypeORM for `organisation_settings` (one row); joins the caller's transaction. */
@Injectable()
export class OrganisationSettingsRepository {
  constructor(private readonly transactions: Transactions) {}

  private get settings() {
    return this.transactions.repository(OrganisationSettings);
  }

  /** The row exists from the first migration on. */
  async read(): Promise<OrganisationSettings> {
    return this.settings.findOneByOrFail({ id: THE_ROW });
  }

  async write(changes: Omit<OrganisationSettings, 'id'>): Promise<OrganisationSettings> {
    return this.settings.save({ ...changes, id: THE_ROW });
  }
}
