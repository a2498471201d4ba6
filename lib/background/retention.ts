// Daily automatic clean-up of usage events and finished follow-ups older than the rep's retention
// setting. The options page also runs it when it opens; this covers reps who never open it.
import { applyRetention } from '@/lib/storage';

export const RETENTION_ALARM = 'defuse:retention';
export const RETENTION_PERIOD_MINUTES = 24 * 60;

interface RetentionBrowser {
  alarms: {
    create(name: string, info: { periodInMinutes: number; delayInMinutes?: number }): Promise<void> | void;
    get?(name: string): Promise<unknown>;
    onAlarm: { addListener(cb: (alarm: { name: string }) => void): void };
  };
}

/** Registers the listener synchronously (a waking worker must not miss the alarm) and arms the alarm once. */
export function registerRetention(api: RetentionBrowser, clean: () => Promise<unknown> = () => applyRetention()): void {
  api.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === RETENTION_ALARM) void clean().catch(() => undefined);
  });
  void (async () => {
    const existing = await api.alarms.get?.(RETENTION_ALARM);
    if (!existing) await api.alarms.create(RETENTION_ALARM, { periodInMinutes: RETENTION_PERIOD_MINUTES, delayInMinutes: 1 });
  })().catch(() => undefined);
}
