import { Injectable } from '@nestjs/common';
import { Clock, localDateIn, type LocalDate } from '@tessera/core';
import { OrganisationSettingsService } from '@tessera/settings';

/** "Today" in the organisation's time zone: due dates and reminders are local dates. */
@Injectable()
export class OrganisationToday {
  constructor(
    private readonly settings: OrganisationSettingsService,
    private readonly clock: Clock,
  ) {}

  async date(): Promise<LocalDate> {
    const { timeZone } = await this.settings.billingTerms();
    return localDateIn(timeZone, this.clock.now());
  }
}
