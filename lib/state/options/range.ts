// The dashboard's date range: inclusive local days, 'YYYY-MM-DD', the unit lib/storage counts in.
import { addDays, dayOf, type DayRange } from '@/lib/storage';

export const DEFAULT_RANGE_DAYS = 30;

/** The last `days` days, today included. */
export function lastDays(now: number, days = DEFAULT_RANGE_DAYS): DayRange {
  const to = dayOf(now);
  return { from: addDays(to, -(days - 1)), to };
}
