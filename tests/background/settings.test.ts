import { expect, test, vi } from 'vitest';
import { pageSettingsReader } from '@/lib/background/settings';
import { DEFAULT_SETTINGS, StorageError } from '@/lib/storage';

const settings = (gmail: boolean) => ({ ok: true as const, value: { ...DEFAULT_SETTINGS, repId: 'r-1', sites: { gmail, zendesk: true }, sensitivity: 'high' as const } });
const enabled = (read: Parameters<typeof pageSettingsReader>[0], now?: () => number) => {
  const get = pageSettingsReader(read, now);
  return async (site: 'gmail' | 'zendesk') => (await get(site)).enabled;
};

test('reads the site switches and the sensitivity from settings', async () => {
  const get = pageSettingsReader(async () => settings(false));
  expect(await get('gmail')).toEqual({ enabled: false, sensitivity: 'high' });
  expect(await get('zendesk')).toEqual({ enabled: true, sensitivity: 'high' });
});

test('caches for a few seconds, then reads again', async () => {
  let t = 0;
  const read = vi.fn(async () => settings(t < 5_000));
  const on = enabled(read, () => t);
  expect(await on('gmail')).toBe(true);
  t = 1_000;
  expect(await on('gmail')).toBe(true);
  expect(read).toHaveBeenCalledTimes(1);
  t = 6_000;
  expect(await on('gmail')).toBe(false);
  expect(read).toHaveBeenCalledTimes(2);
});

test('storage that cannot be read leaves Defuse on', async () => {
  const get = pageSettingsReader(async () => ({ ok: false as const, error: new StorageError('unavailable', 'Storage is not available.') }));
  expect(await get('gmail')).toEqual({ enabled: true, sensitivity: 'normal' });
});
