import { Injectable } from '@nestjs/common';
import { Clock, localDateIn } from '@tessera/core';
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

/** 'HH:MM' on the wall clock of a time zone. */
export function localTimeIn(timeZone: string, instant: Date): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('hour')}:${part('minute')}`;
}
