import { describe, expect, test, vi } from 'vitest';
import { registerRetention, RETENTION_ALARM, RETENTION_PERIOD_MINUTES } from '@/lib/background/retention';

function fakeAlarms(existing: boolean) {
  const listeners: ((a: { name: string }) => void)[] = [];
  const alarms = {
    create: vi.fn(async (_name: string, _info: object) => undefined),
    get: vi.fn(async () => (existing ? { name: RETENTION_ALARM } : undefined)),
    onAlarm: { addListener: (cb: (a: { name: string }) => void) => void listeners.push(cb) },
  };
  return { alarms, listeners };
}

describe('registerRetention', () => {
  test('arms a daily alarm when none exists', async () => {
    const api = fakeAlarms(false);
    registerRetention(api, async () => undefined);
    await vi.waitFor(() => expect(api.alarms.create).toHaveBeenCalled());
    expect(api.alarms.create).toHaveBeenCalledWith(RETENTION_ALARM, { periodInMinutes: RETENTION_PERIOD_MINUTES, delayInMinutes: 1 });
  });

  test('keeps an existing alarm instead of resetting its period', async () => {
    const api = fakeAlarms(true);
    registerRetention(api, async () => undefined);
    await vi.waitFor(() => expect(api.alarms.get).toHaveBeenCalled());
    await Promise.resolve();
    expect(api.alarms.create).not.toHaveBeenCalled();
  });

  test('cleans up when its alarm fires, and ignores other alarms', () => {
    const api = fakeAlarms(true);
    const clean = vi.fn(async () => undefined);
    registerRetention(api, clean);
    api.listeners.forEach((l) => l({ name: 'followup:3' }));
    expect(clean).not.toHaveBeenCalled();
    api.listeners.forEach((l) => l({ name: RETENTION_ALARM }));
    expect(clean).toHaveBeenCalledTimes(1);
  });

  test('a failing clean-up never throws out of the listener', () => {
    const api = fakeAlarms(true);
    registerRetention(api, () => Promise.reject(new Error('quota')));
    expect(() => api.listeners.forEach((l) => l({ name: RETENTION_ALARM }))).not.toThrow();
  });
});
