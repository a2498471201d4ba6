// When a follow-up is due, from the choices the panel offers.
import { HOUR } from '@/lib/storage/day';

export type FollowUpWhen = 'in-2h' | 'tomorrow-9am' | Date;

/**
 * The due time in ms, or null for an invalid Date. 'tomorrow-9am' is 9:00 local time on the next
 * calendar day (also when it is already past midnight), and stays 9:00 across a DST change.
 */
export function dueTime(when: FollowUpWhen, now: Date | number): number | null {
  const t = typeof now === 'number' ? now : now.getTime();
  if (when === 'in-2h') return t + 2 * HOUR;
  if (when === 'tomorrow-9am') {
    const d = new Date(t);
    return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1, 9, 0, 0, 0).getTime();
  }
  if (when instanceof Date && Number.isFinite(when.getTime())) return when.getTime();
  return null;
}
