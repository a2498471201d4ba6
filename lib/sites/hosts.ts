// The hosts Defuse works on: the same as the manifest's match patterns (`https://mail.google.com/*`,
// `https://*.zendesk.com/*`). DOM-free, so the background can use it.
import type { SiteId } from '@/lib/messaging/protocol';

/** The site a URL belongs to, or null. */
export function siteOf(url: string | undefined | null): SiteId | null {
  if (!url) return null;
  try {
    const { protocol, hostname } = new URL(url);
    if (protocol !== 'https:') return null;
    if (hostname === 'mail.google.com') return 'gmail';
    if (hostname.endsWith('.zendesk.com') && hostname.length > '.zendesk.com'.length) return 'zendesk';
    return null;
  } catch {
    return null;
  }
}
