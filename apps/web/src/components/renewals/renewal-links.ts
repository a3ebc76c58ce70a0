import type { RouteLocationRaw } from 'vue-router';
import type { RenewalRun } from '@/api/types';
import { runDay } from './renewal-figures';

/**
 * The documents a run issued, as near as the invoices list can filter: pro-formas issued on the
 * day it ran (its pro-formas carry no run id). The page says so next to the link.
 */
export function runDocumentsLink(
  run: Pick<RenewalRun, 'startedAt' | 'createdAt'>,
  timeZone?: string,
): RouteLocationRaw {
  const day = runDay(run, timeZone);
  return { name: 'office-invoices', query: { kind: 'pro-forma', issuedFrom: day, issuedTo: day } };
}
