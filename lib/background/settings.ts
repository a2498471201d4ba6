// The settings the background needs, read from lib/storage with a short cache: the content script
// reports on every page change, and a settings change on the options page should show within seconds.
import type { SiteId } from '@/lib/messaging/protocol';
import { getSettings, type Settings } from '@/lib/storage';

const TTL_MS = 3_000;

export function siteSwitch(read: () => ReturnType<typeof getSettings> = () => getSettings(), now = Date.now): (site: SiteId) => Promise<boolean> {
  let cached: { at: number; sites: Settings['sites'] } | null = null;
  return async (site) => {
    if (!cached || now() - cached.at > TTL_MS) {
      const r = await read();
      // Storage unavailable: stay on rather than silently switching the product off.
      if (!r.ok) return true;
      cached = { at: now(), sites: r.value.sites };
    }
    return cached.sites[site] !== false;
  };
}
