// The side panel's only door to the page: ask what is open, read the draft, insert text, and hear
// about changes. The store talks to this interface, so tests drive the panel with a fake
// (lib/state/fakes.ts) and the browser implementation below stays a thin shell over the typed
// runtime messages of lib/messaging.
import { onMessage, sendMessage } from '@/lib/messaging';
import type { PageState, ProtocolMap } from '@/lib/messaging/protocol';

export type PageStateChange = ProtocolMap['bg:pageStateChanged']['req'];
export type DraftChange = ProtocolMap['content:draftChanged']['req'];
export type InsertResult = ProtocolMap['panel:insert']['res'];

export interface PanelBridge {
  /** What is open in this tab; null when it is not a page Defuse works on. */
  getPageState(tabId: number): Promise<PageState | null>;
  /**
   * The text in the reply box now; null when there is no reply box, or the page no longer shows
   * `conversationId` (the conversation the panel shows, which every request to the page names).
   */
  getDraft(tabId: number, conversationId: string): Promise<string | null>;
  /**
   * Insert text at the caret of the reply box. The page refuses (`refused: 'conversation-moved'`) when
   * it shows another conversation than `conversationId`. Never rejects: failures come back as `{ ok: false }`.
   */
  insert(tabId: number, text: string, conversationId: string): Promise<InsertResult>;
  /** Replace the `occurrence`-th (0-based) `find` in the reply box with `text`; refused as `insert` is. Never rejects. */
  replace(tabId: number, find: string, occurrence: number, text: string, conversationId: string): Promise<InsertResult>;
  onPageStateChanged(cb: (change: PageStateChange) => void): () => void;
  /** `fromTabId` is the tab that sent it, when known (content scripts message the panel directly). */
  onDraftChanged(cb: (change: DraftChange, fromTabId?: number) => void): () => void;
}

/** Shown when the message never reached the page (no content script, tab reloading, extension updated). */
export const UNREACHABLE = "Defuse couldn't reach the page. Reload the tab, then try again.";

export function createBrowserBridge(): PanelBridge {
  return {
    async getPageState(tabId) {
      // An unanswered request (a page the background knows nothing about) means "not supported".
      return (await sendMessage('panel:getPageState', { tabId })) ?? null;
    },
    async getDraft(tabId, conversationId) {
      try {
        return (await sendMessage('panel:getDraft', { tabId, conversationId }))?.draft ?? null;
      } catch {
        return null;
      }
    },
    async insert(tabId, text, conversationId) {
      try {
        return (await sendMessage('panel:insert', { tabId, text, conversationId })) ?? { ok: false, error: UNREACHABLE };
      } catch {
        return { ok: false, error: UNREACHABLE };
      }
    },
    async replace(tabId, find, occurrence, text, conversationId) {
      try {
        return (await sendMessage('panel:replace', { tabId, find, occurrence, text, conversationId })) ?? { ok: false, error: UNREACHABLE };
      } catch {
        return { ok: false, error: UNREACHABLE };
      }
    },
    onPageStateChanged: (cb) => onMessage({ 'bg:pageStateChanged': (data) => cb(data) }),
    onDraftChanged: (cb) => onMessage({ 'content:draftChanged': (data, sender) => cb(data, sender.tab?.id) }),
  };
}
