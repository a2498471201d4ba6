import { expect, test, vi } from 'vitest';
import { siteSwitch } from '@/lib/background/settings';
import { DEFAULT_SETTINGS, StorageError } from '@/lib/storage';

const settings = (gmail: boolean) => ({ ok: true as const, value: { ...DEFAULT_SETTINGS, repId: 'r-1', sites: { gmail, zendesk: true } } });

test('reads the site switches from settings', async () => {
  const on = siteSwitch(async () => settings(false));
  expect(await on('gmail')).toBe(false);
  expect(await on('zendesk')).toBe(true);
});

test('caches for a few seconds, then reads again', async () => {
  let t = 0;
  const read = vi.fn(async () => settings(t < 5_000));
  const on = siteSwitch(read, () => t);
  expect(await on('gmail')).toBe(true);
  t = 1_000;
  expect(await on('gmail')).toBe(true);
  expect(read).toHaveBeenCalledTimes(1);
  t = 6_000;
  expect(await on('gmail')).toBe(false);
  expect(read).toHaveBeenCalledTimes(2);
});

test('storage that cannot be read leaves Defuse on', async () => {
  const on = siteSwitch(async () => ({ ok: false as const, error: new StorageError('unavailable', 'Storage is not available.') }));
  expect(await on('gmail')).toBe(true);
});
