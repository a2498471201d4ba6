// What the panel is told about a tab of Gmail or Zendesk where no content script answered. Browsers
// add content scripts only to pages loaded after Defuse was installed or updated, so a tab open from
// before has none (and after an update, the old one can no longer talk to Defuse); Zendesk's script
// runs only in the agent workspace (entrypoints/zendesk.content: `https://*.zendesk.com/agent/*`).
// Without this the panel would ask the rep to open a thread they have open. The tab's URL is readable
// through the host permissions alone, so this needs no "tabs" permission.
import type { PageState } from '@/lib/messaging/protocol';
import { siteOf } from '@/lib/sites/hosts';

/** What the background learns about a tab (`tabs.get`): its URL only on the sites Defuse has access to. */
export interface TabInfo {
  url?: string;
  status?: string;
}

export const RELOAD_TAB = 'Reload this tab so Defuse can read it — it was open before Defuse was installed or updated.';
export const PAGE_LOADING = 'The page is still loading. Defuse reads it once it has loaded.';

export function zendeskAgentOnly(host: string): string {
  return `Defuse works in the Zendesk agent workspace (${host}/agent), not on this page. Open a ticket there to see its analysis.`;
}

/** Where the Zendesk content script runs: the agent workspace of an account's subdomain. */
export function inZendeskAgentWorkspace(url: string): boolean {
  try {
    return new URL(url).pathname.startsWith('/agent/');
  } catch {
    return false;
  }
}

/**
 * The state to show for a tab whose content script did not answer: why, and what the rep can do.
 * Null when the tab is not on a site Defuse works on (or its URL is not readable).
 */
export function withoutContentScript(tab: TabInfo | undefined): PageState | null {
  const url = tab?.url;
  const site = siteOf(url);
  if (!url || !site) return null;
  const reason =
    site === 'zendesk' && !inZendeskAgentWorkspace(url)
      ? zendeskAgentOnly(new URL(url).host)
      : tab.status === 'loading'
        ? PAGE_LOADING // its content script starts once the page has loaded, and reports then
        : RELOAD_TAB;
  return { kind: 'no-conversation', site, url, reason };
}
