// Tip usage events: which suggestions, rules and reminders were shown and used. Ids only, never
// customer or draft text. The panel records through this interface; lib/storage implements it
// (wired in the entrypoint), and tests pass an in-memory sink.
import type { SiteId } from '@/lib/messaging/protocol';

export interface UsageEvent {
  kind: 'suggestion' | 'rule' | 'reminder';
  tipId: string;
  action: 'shown' | 'inserted' | 'copied' | 'dismissed' | 'fixed';
  site: SiteId;
}

export interface UsageSink {
  /** Fire and forget: a failing sink must never break the panel. */
  record(event: UsageEvent): void | Promise<void>;
}

export const noUsage: UsageSink = { record() {} };

export function memoryUsage(): UsageSink & { events: UsageEvent[] } {
  const events: UsageEvent[] = [];
  return { events, record: (e) => void events.push(e) };
}
