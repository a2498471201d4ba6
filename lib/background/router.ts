// The background's message routing, free of browser globals so tests drive it with fakes. It keeps
// the latest PageState per tab, analyses the customer's latest message for the badge, tells the
// panel when a tab's state changed, and carries the panel's requests to the tab's content script.
// It acts only on messages from this extension: content messages from tabs on the allowed hosts,
// panel messages from the extension's own pages.
import type { Level } from '@/lib/analysis/types';
import type { Handlers, MessageName, MessageSender, Req, Res } from '@/lib/messaging';
import type { PageState, SiteId } from '@/lib/messaging/protocol';
import { siteOf } from '@/lib/sites/hosts';
import { RELOAD_TAB, withoutContentScript, type TabInfo } from './noContentScript';

/** How long a tab that just loaded gets to answer before the panel suggests reloading it. */
export const RELOAD_GRACE_MS = 750;

export interface BadgeAnalysis {
  level: Level;
  score: number;
  /** Why the message was not scored (not English, nothing new in it…); level and score are then calm, 0. */
  reason?: string;
}

/** `analyzeMessage` from lib/analysis, or anything shaped like it. */
export type Sensitivity = 'low' | 'normal' | 'high';
export type Analyse = (text: string, options: { priorCustomerMessages: number; sensitivity?: Sensitivity }) => BadgeAnalysis;

/** What the rep's settings say for a site's page. */
export interface PageSettings {
  enabled: boolean;
  sensitivity: Sensitivity;
}

/** What a badge click achieved: the panel opened, or a sentence for the rep saying how to open it. */
export type OpenPanelResult = { opened: true } | { opened: false; hint: string };

export interface RouterPorts {
  /** This extension's id (`runtime.id`). */
  runtimeId: string;
  /** `runtime.getURL('/')`: extension pages' URLs start with it. */
  extensionOrigin: string;
  analyse: Analyse;
  /** The rep's settings for this site (on/off, sensitivity); on and normal when absent or unreadable. */
  pageSettings?(site: SiteId): Promise<PageSettings>;
  sendToTab<K extends MessageName>(tabId: number, type: K, data: Req<K>): Promise<Res<K> | undefined>;
  /** The tab's URL (readable on the sites Defuse has host access to) and loading status; undefined when it is gone. */
  tabInfo?(tabId: number): Promise<TabInfo | undefined>;
  /** Resolves after `ms` (tests pass one that does not wait); setTimeout when absent. */
  wait?(ms: number): Promise<void>;
  /** To the extension's pages (the side panel). */
  broadcast<K extends MessageName>(type: K, data: Req<K>): Promise<unknown>;
  /**
   * Opens the panel; called synchronously inside the message listener (needs the user's gesture).
   * Answers whether it opened, and if not, what the rep can do instead (Firefox does not count a
   * click in a web page as a user action, so its sidebar cannot be opened from the badge).
   */
  openPanel(tabId: number, windowId?: number): Promise<OpenPanelResult> | void;
  onError?(error: unknown): void;
}

interface TabEntry {
  state: PageState;
  signature: string;
  sensitivity: Sensitivity;
  analysis: BadgeAnalysis | null;
  analysedKey: string | null;
}

const SITE_NAMES: Record<SiteId, string> = { gmail: 'Gmail', zendesk: 'Zendesk' };

export const UNREACHABLE = "Defuse couldn't reach the page. Reload the tab, then try again.";

export function isFromContentScript(sender: MessageSender, runtimeId: string): boolean {
  if (sender.id !== runtimeId) return false;
  if (typeof sender.tab?.id !== 'number') return false;
  if (sender.frameId !== undefined && sender.frameId !== 0) return false;
  return siteOf(sender.url ?? sender.tab.url) !== null;
}

export function isFromExtensionPage(sender: MessageSender, runtimeId: string, extensionOrigin: string): boolean {
  return sender.id === runtimeId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

export interface BackgroundRouter {
  handlers: Handlers;
  /** What the background knows about a tab. */
  stateOf(tabId: number): PageState | null;
  /** Forget a tab (closed, navigated away, reloading). */
  forget(tabId: number): void;
}

export function createRouter(ports: RouterPorts): BackgroundRouter {
  const tabs = new Map<number, TabEntry>();
  const fromContent = (s: MessageSender) => isFromContentScript(s, ports.runtimeId);
  const fromPage = (s: MessageSender) => isFromExtensionPage(s, ports.runtimeId, ports.extensionOrigin);

  const analyse = (state: PageState, previous: TabEntry | undefined, sensitivity: Sensitivity): { analysis: BadgeAnalysis | null; key: string | null } => {
    if (state.kind !== 'conversation') return { analysis: null, key: null };
    const c = state.conversation;
    const key = `${sensitivity}\u0000${c.customerMessageCount}\u0000${c.latestCustomerText}`;
    if (previous?.analysedKey === key) return { analysis: previous.analysis, key };
    try {
      const prior = { priorCustomerMessages: Math.max(0, c.customerMessageCount - 1) };
      // The default sensitivity is left implicit, so the call is exactly the CLI's for the same text.
      const { level, score, reason } = ports.analyse(c.latestCustomerText, sensitivity === 'normal' ? prior : { ...prior, sensitivity });
      return { analysis: reason ? { level, score, reason } : { level, score }, key };
    } catch (error) {
      ports.onError?.(error);
      return { analysis: null, key: null };
    }
  };

  /** Stores a tab's new state, analyses it, tells the panel when something changed. */
  const accept = (tabId: number, state: PageState, sensitivity: Sensitivity = 'normal'): BadgeAnalysis | null => {
    const previous = tabs.get(tabId);
    const signature = JSON.stringify(state);
    if (previous && previous.signature === signature && previous.sensitivity === sensitivity) return previous.analysis;
    const { analysis, key } = analyse(state, previous, sensitivity);
    tabs.set(tabId, { state, signature, sensitivity, analysis, analysedKey: key });
    const change: Req<'bg:pageStateChanged'> = analysis ? { tabId, state, analysis } : { tabId, state };
    void ports.broadcast('bg:pageStateChanged', change).catch(() => undefined);
    return analysis;
  };

  const toTab = async <K extends MessageName>(tabId: number, type: K, data: Req<K>): Promise<Res<K> | undefined> => {
    try {
      return await ports.sendToTab(tabId, type, data);
    } catch {
      return undefined; // no content script there (not a matching page, still loading, extension reloaded)
    }
  };

  const handlers: Handlers = {
    'content:pageState': async (state, sender) => {
      if (!fromContent(sender)) return null;
      const site = state.kind === 'conversation' ? state.conversation.site : state.site;
      const settings = (await ports.pageSettings?.(site).catch(() => undefined)) ?? { enabled: true, sensitivity: 'normal' };
      if (!settings.enabled) {
        // Switched off in settings: no badge, and the panel says why instead of analysing.
        const url = state.kind === 'conversation' ? state.conversation.url : state.url;
        return accept(sender.tab!.id!, { kind: 'no-conversation', site, url, reason: `Defuse is switched off for ${SITE_NAMES[site]} in its settings.` });
      }
      return accept(sender.tab!.id!, state, settings.sensitivity);
    },
    'content:openPanel': (_data, sender) => {
      if (!fromContent(sender)) return;
      // No await before this call: Chrome needs it while the click's gesture still counts.
      return ports.openPanel(sender.tab!.id!, sender.tab!.windowId) ?? undefined;
    },
    'panel:getPageState': async ({ tabId }, sender) => {
      if (!fromPage(sender)) return null;
      const known = tabs.get(tabId);
      if (known) return known.state;
      // The service worker was restarted (or the panel asked first): ask the page.
      const fresh = await toTab(tabId, 'bg:refresh', {});
      if (fresh) {
        accept(tabId, fresh);
        return fresh;
      }
      // No content script there. On Gmail or Zendesk, say why instead of "open a thread"; not kept,
      // so the page is asked again next time (it reports by itself once its script runs).
      const tab = await ports.tabInfo?.(tabId).catch(() => undefined);
      const state = withoutContentScript(tab);
      if (state?.kind !== 'no-conversation' || state.reason !== RELOAD_TAB) return state;
      // A page that has just finished loading starts its content script a moment later: ask once
      // more before telling the rep to reload a tab that is about to report by itself.
      await (ports.wait ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms))))(RELOAD_GRACE_MS);
      const late = await toTab(tabId, 'bg:refresh', {});
      if (late) {
        accept(tabId, late);
        return late;
      }
      return state;
    },
    'panel:getDraft': async (data, sender) => {
      if (!fromPage(sender)) return null;
      return (await toTab(data.tabId, 'panel:getDraft', data)) ?? null;
    },
    'panel:insert': async (data, sender) => {
      if (!fromPage(sender)) return { ok: false, error: UNREACHABLE };
      return (await toTab(data.tabId, 'panel:insert', data)) ?? { ok: false, error: UNREACHABLE };
    },
    'panel:replace': async (data, sender) => {
      if (!fromPage(sender)) return { ok: false, error: UNREACHABLE };
      return (await toTab(data.tabId, 'panel:replace', data)) ?? { ok: false, error: UNREACHABLE };
    },
  };

  return {
    handlers,
    stateOf: (tabId) => tabs.get(tabId)?.state ?? null,
    forget: (tabId) => {
      tabs.delete(tabId);
    },
  };
}
