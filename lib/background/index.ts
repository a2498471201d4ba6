// Wires the router and the side panel to the real (or a fake) browser. Everything is registered
// synchronously, at the top of the service worker, so a message that wakes it is not missed.
import { createListener, envelope, type MessageName, type Req } from '@/lib/messaging';
import { siteOf } from '@/lib/sites/hosts';
import { createRouter, type Analyse, type BackgroundRouter, type OpenPanelResult, type RouterPorts } from './router';

export { PAGE_LOADING, RELOAD_TAB, withoutContentScript, zendeskAgentOnly, type TabInfo } from './noContentScript';
export { createRouter, isFromContentScript, isFromExtensionPage, RELOAD_GRACE_MS, UNREACHABLE, type Analyse, type BadgeAnalysis, type OpenPanelResult, type RouterPorts } from './router';

export const PANEL_PATH = 'sidepanel.html';

type Listener = (...args: never[]) => unknown;
interface Event<L extends Listener = Listener> {
  addListener(cb: L): void;
}
interface TabLike {
  id?: number;
  url?: string;
  windowId?: number;
  status?: string;
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
    get(tabId: number): Promise<TabLike | undefined>;
    onUpdated: Event<(tabId: number, change: { url?: string; status?: string }, tab: TabLike) => void>;
    onRemoved: Event<(tabId: number) => void>;
  };
  sidePanel?: {
    setOptions(options: { tabId?: number; path?: string; enabled?: boolean }): Promise<void>;
    setPanelBehavior(behavior: { openPanelOnActionClick?: boolean }): Promise<void>;
    open(options: { tabId?: number; windowId?: number }): Promise<void>;
  };
  sidebarAction?: { open(): Promise<void>; toggle?(): Promise<void> };
  /** The toolbar button (Firefox: it toggles the sidebar, a user action the badge click is not). */
  action?: { onClicked: Event<(tab: TabLike) => void> };
  commands?: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
}

/** The manifest's keyboard command that opens the panel (Chrome) / toggles the sidebar (Firefox). */
export const OPEN_COMMANDS = ['_execute_action', '_execute_sidebar_action'];

export interface StartedBackground {
  router: BackgroundRouter;
  /** Enables the panel on a tab when it shows Gmail or Zendesk, disables it elsewhere (Chrome). */
  updatePanel(tabId: number, url: string | undefined): Promise<void>;
}

const quiet = (p: Promise<unknown> | undefined) => void p?.catch(() => undefined);

/** How to open the panel by hand: the keyboard shortcut the rep has (if any), or the toolbar button. */
export async function openHint(browser: Pick<BackgroundBrowser, 'commands'>): Promise<string> {
  let shortcut = '';
  try {
    const all = (await browser.commands?.getAll()) ?? [];
    shortcut = all.find((c) => c.name !== undefined && OPEN_COMMANDS.includes(c.name) && c.shortcut)?.shortcut ?? '';
  } catch {
    // no commands API: the toolbar button alone
  }
  return shortcut ? `Open Defuse with ${shortcut} or its toolbar button.` : 'Open Defuse with its toolbar button.';
}

export function startBackground(browser: BackgroundBrowser, analyse: Analyse, extra: Pick<RouterPorts, 'pageSettings'> = {}): StartedBackground {
  const sidePanel = browser.sidePanel;

  const router = createRouter({
    runtimeId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    analyse,
    ...extra,
    sendToTab: async <K extends MessageName>(tabId: number, type: K, data: Req<K>) =>
      (await browser.tabs.sendMessage(tabId, envelope(type, data), { frameId: 0 })) as never,
    tabInfo: async (tabId) => await browser.tabs.get(tabId),
    broadcast: async <K extends MessageName>(type: K, data: Req<K>) => {
      try {
        return await browser.runtime.sendMessage(envelope(type, data));
      } catch {
        return undefined; // no panel open: nobody to tell
      }
    },
    openPanel: (tabId, windowId) => {
      // Called synchronously from the badge's click message: both APIs need the user's gesture.
      // Chrome counts the click in the page; Firefox does not (a click in a web page is not a user
      // action there), so on Firefox this fails and the badge says how to open the sidebar instead.
      let opening: Promise<void> | undefined;
      try {
        opening = sidePanel ? sidePanel.open(windowId !== undefined ? { tabId, windowId } : { tabId }) : browser.sidebarAction?.open();
      } catch (e) {
        opening = Promise.reject(e);
      }
      const notOpened = async (): Promise<OpenPanelResult> => ({ opened: false, hint: await openHint(browser) });
      return opening ? opening.then((): OpenPanelResult => ({ opened: true }), notOpened) : notOpened();
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

  const sidebar = browser.sidebarAction;
  if (!sidePanel && sidebar && browser.action) {
    // Firefox: the toolbar button toggles the sidebar (synchronously: the click is the user action).
    browser.action.onClicked.addListener(() => quiet(sidebar.toggle ? sidebar.toggle() : sidebar.open()));
  }

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
