import { Injectable } from '@nestjs/common';
import { Clock, localDateIn, localTimeIn } from '@tessera/core';
import { OrganisationSettingsService } from '@tessera/settings';
import { RenewalRunsService } from './renewal-runs.service';

/**
 * The daily run: once the organisation's renewal time has come in its time zone, today's run is
 * recorded — once, however many ticks or workers ask (a unique index on the day).
 */
@Injectable()
export class RenewalScheduleService {
  constructor(
    private readonly settings: OrganisationSettingsService,
    private readonly runs: RenewalRunsService,
    private readonly clock: Clock,
  ) {}

  /** Starts today's run if it is time and it has not started; its id, else null. */
  async tick(): Promise<string | null> {
    const { timeZone, renewalTime } = await this.settings.billingTerms();
    const now = this.clock.now();
    if (localTimeIn(timeZone, now) < renewalTime) return null;
    return this.runs.start(localDateIn(timeZone, now), 'schedule', null);
  }
}

/** Moved to core (questionnaire reminders use it too); kept here for this domain's imports. */
export { localTimeIn };
