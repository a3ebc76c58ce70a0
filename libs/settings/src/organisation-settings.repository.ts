import { Injectable } from '@nestjs/common';
import { Transactions } from '@tessera/core';
import { OrganisationSettings } from './entities/organisation-settings.entity';

const THE_ROW = 1;

/** The logo's columns: changed only through the logo endpoints, never by PUT. */
export type LogoColumns = Pick<OrganisationSettings, 'logoKey' | 'logoType' | 'logoSha256'>;
export type SettingsChanges = Omit<OrganisationSettings, 'id' | keyof LogoColumns>;
type Saved = Pick<OrganisationSettings, 'updatedAt' | 'updatedBy'>;

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

  /** The row, locked until the end of the current transaction (one must be open). */
  async readForUpdate(): Promise<OrganisationSettings> {
    return this.settings.findOneOrFail({ where: { id: THE_ROW }, lock: { mode: 'pessimistic_write' } });
  }

  /** Any column but the logo's; returns the whole row as saved. */
  async write(changes: Partial<SettingsChanges>): Promise<OrganisationSettings> {
    await this.settings.update({ id: THE_ROW }, changes);
    return this.read();
  }

  async writeLogo(logo: LogoColumns, saved: Saved): Promise<OrganisationSettings> {
    await this.settings.update({ id: THE_ROW }, { ...logo, ...saved });
    return this.read();
  }
}
