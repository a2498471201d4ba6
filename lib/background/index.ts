// Wires the router and the side panel to the real (or a fake) browser. Everything is registered
// synchronously, at the top of the service worker, so a message that wakes it is not missed.
import { createListener, envelope, type MessageName, type Req } from '@/lib/messaging';
import { siteOf } from '@/lib/sites/hosts';
import { createRouter, type Analyse, type BackgroundRouter, type RouterPorts } from './router';

export { createRouter, isFromContentScript, isFromExtensionPage, UNREACHABLE, type Analyse, type BadgeAnalysis, type RouterPorts } from './router';

export const PANEL_PATH = 'sidepanel.html';

type Listener = (...args: never[]) => unknown;
interface Event<L extends Listener = Listener> {
  addListener(cb: L): void;
}
interface TabLike {
  id?: number;
  url?: string;
  windowId?: number;
}

/** The slice of the WebExtension API the background uses (Chrome's sidePanel, Firefox's sidebarAction). */
export interface BackgroundBrowser {
  runtime: {
    id: string;
    getURL(path: string): string;
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: Event;
  };
  tabs: {
    sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
    query(info: object): Promise<TabLike[]>;
    onUpdated: Event<(tabId: number, change: { url?: string; status?: string }, tab: TabLike) => void>;
    onRemoved: Event<(tabId: number) => void>;
  };
  sidePanel?: {
    setOptions(options: { tabId?: number; path?: string; enabled?: boolean }): Promise<void>;
    setPanelBehavior(behavior: { openPanelOnActionClick?: boolean }): Promise<void>;
    open(options: { tabId?: number; windowId?: number }): Promise<void>;
  };
  sidebarAction?: { open(): Promise<void> };
}

export interface StartedBackground {
  router: BackgroundRouter;
  /** Enables the panel on a tab when it shows Gmail or Zendesk, disables it elsewhere (Chrome). */
  updatePanel(tabId: number, url: string | undefined): Promise<void>;
}

const quiet = (p: Promise<unknown> | undefined) => void p?.catch(() => undefined);

export function startBackground(browser: BackgroundBrowser, analyse: Analyse, extra: Pick<RouterPorts, 'pageSettings'> = {}): StartedBackground {
  const sidePanel = browser.sidePanel;

  const router = createRouter({
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    analyse,
    ...extra,
    sendToTab: async <K extends MessageName>(tabId: number, type: K, data: Req<K>) =>
      (await browser.tabs.sendMessage(tabId, envelope(type, data), { frameId: 0 })) as never,
    broadcast: async <K extends MessageName>(type: K, data: Req<K>) => {
      try {
        return await browser.runtime.sendMessage(envelope(type, data));
      } catch {
        return undefined; // no panel open: nobody to tell
      }
    },
    openPanel: (tabId, windowId) => {
      // Called synchronously from the badge's click message: both APIs need the user's gesture.
      if (sidePanel) quiet(sidePanel.open(windowId !== undefined ? { tabId, windowId } : { tabId }));
      else if (browser.sidebarAction) quiet(browser.sidebarAction.open());
    },
  });

  browser.runtime.onMessage.addListener(createListener(router.handlers) as never);

  const updatePanel = async (tabId: number, url: string | undefined) => {
    if (!sidePanel) return;
    const enabled = siteOf(url) !== null;
    try {
      await sidePanel.setOptions(enabled ? { tabId, path: PANEL_PATH, enabled: true } : { tabId, enabled: false });
    } catch {
      // The tab closed meanwhile.
    }
  };

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') {
      // A reload or a navigation: the content script will report again.
      if (change.status === 'loading' || siteOf(change.url) === null) router.forget(tabId);
      void updatePanel(tabId, tab.url ?? change.url);
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => router.forget(tabId));

  if (sidePanel) {
    quiet(sidePanel.setPanelBehavior({ openPanelOnActionClick: true }));
    // Tabs already open when the extension starts (install, update, browser start).
    quiet(
      browser.tabs.query({}).then((tabs) =>
        Promise.all(tabs.map((tab) => (tab.id !== undefined ? updatePanel(tab.id, tab.url) : undefined))),
      ),
    );
  }

  return { router, updatePanel };
}
