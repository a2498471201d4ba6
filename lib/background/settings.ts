// The settings the background needs, read from lib/storage with a short cache: the content script
// reports on every page change, and a settings change on the options page should show within seconds.
import type { SiteId } from '@/lib/messaging/protocol';
import { getSettings, type Settings } from '@/lib/storage';
import type { PageSettings } from './router';

const TTL_MS = 3_000;

export function pageSettingsReader(read: () => ReturnType<typeof getSettings> = () => getSettings(), now = Date.now): (site: SiteId) => Promise<PageSettings> {
  let cached: { at: number; settings: Pick<Settings, 'sites' | 'sensitivity'> } | null = null;
  return async (site) => {
    if (!cached || now() - cached.at > TTL_MS) {
      const r = await read();
      // Storage unavailable: stay on, at the default sensitivity, rather than silently switching off.
      if (!r.ok) return { enabled: true, sensitivity: 'normal' };
      cached = { at: now(), settings: r.value };
    }
    return { enabled: cached.settings.sites[site] !== false, sensitivity: cached.settings.sensitivity };
  };
}
