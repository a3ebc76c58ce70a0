import { Injectable } from '@nestjs/common';
import { Clock, localDateIn } from '@tessera/core';
import { OrganisationSettingsService } from '@tessera/settings';
import { localTimeIn } from '../renewals/renewal-schedule.service';
import { StatusSweepsService } from './status-sweeps.service';

/**
 * The daily sweep: once the organisation's status sweep time has come in its time zone, today's
 * sweep is recorded — once, however many ticks or workers ask (a unique index on the day).
 */
@Injectable()
export class StatusScheduleService {
  constructor(
    private readonly settings: OrganisationSettingsService,
    private readonly sweeps: StatusSweepsService,
    private readonly clock: Clock,
  ) {}

  /** Starts today's sweep if it is time and it has not started; its id, else null. */
  async tick(): Promise<string | null> {
    const { timeZone, statusSweepTime } = await this.settings.billingTerms();
    const now = this.clock.now();
    if (localTimeIn(timeZone, now) < statusSweepTime) return null;
    return this.sweeps.start(localDateIn(timeZone, now), 'schedule', null);
  }
}
