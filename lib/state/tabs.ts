// Which tab the panel is about. In the side panel that is the active tab of the panel's window, and
// it follows the rep from tab to tab. Opened as a normal tab at `sidepanel.html?tabId=N` (browser
// tests, or a pinned view) it is tab N and never moves.
import { browser } from 'wxt/browser';

export type TabEvent =
  /** The rep switched to another tab in the panel's window. */
  | { type: 'activated'; tabId: number }
  /** The tab navigated or finished loading: its page state may have changed. */
  | { type: 'updated'; tabId: number };

export interface TabSource {
  current(): Promise<number | null>;
  subscribe(cb: (event: TabEvent) => void): () => void;
}

/** `?tabId=N` from the panel's own URL, or null. */
export function tabIdFromQuery(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  return Number(raw);
}

export function createBrowserTabSource(search: string = globalThis.location?.search ?? ''): TabSource {
  const pinned = tabIdFromQuery(search);
  let windowId: number | undefined;

  return {
    async current() {
      if (pinned !== null) return pinned;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      windowId = tab?.windowId;
      return tab?.id ?? null;
    },
    subscribe(cb) {
      const onActivated = (info: { tabId: number; windowId: number }) => {
        // Other windows have their own panel.
        if (pinned === null && (windowId === undefined || info.windowId === windowId)) {
          cb({ type: 'activated', tabId: info.tabId });
        }
      };
      const onUpdated = (tabId: number, change: { status?: string; url?: string }) => {
        if (change.url !== undefined || change.status === 'complete') cb({ type: 'updated', tabId });
      };
      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onUpdated.addListener(onUpdated);
      return () => {
        browser.tabs.onActivated.removeListener(onActivated);
        browser.tabs.onUpdated.removeListener(onUpdated);
      };
    },
  };
}
