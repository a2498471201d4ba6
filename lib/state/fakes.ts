// In-memory PanelBridge and TabSource for tests: set what each tab shows, push changes as the
// background and content script would, and read back what the panel asked for.
import type { PageState } from '@/lib/messaging/protocol';
import type { DraftChange, InsertResult, PanelBridge, PageStateChange } from './bridge';
import type { TabEvent, TabSource } from './tabs';

export interface FakeBridge extends PanelBridge {
  pages: Map<number, PageState | null>;
  drafts: Map<number, string | null>;
  /** What the next insert answers; a function sees the text. */
  insertAnswer: InsertResult | ((text: string) => InsertResult);
  /** Make getPageState reject, as runtime.sendMessage does when nothing answers. */
  failPageState: boolean;
  inserted: { tabId: number; text: string; conversationId: string }[];
  /** What the next replace answers; a function sees the request. */
  replaceAnswer: InsertResult | ((req: { find: string; occurrence: number; text: string }) => InsertResult);
  replaced: { tabId: number; find: string; occurrence: number; text: string; conversationId: string }[];
  /** The conversation each getDraft named, by request. */
  draftRequests: { tabId: number; conversationId: string }[];
  pageStateRequests: number[];
  pushPageState(change: PageStateChange): void;
  pushDraft(change: DraftChange, fromTabId?: number): void;
}

export function createFakeBridge(): FakeBridge {
  const pageListeners = new Set<(c: PageStateChange) => void>();
  const draftListeners = new Set<(c: DraftChange, fromTabId?: number) => void>();
  const fake: FakeBridge = {
    pages: new Map(),
    drafts: new Map(),
    insertAnswer: { ok: true },
    failPageState: false,
    inserted: [],
    replaceAnswer: { ok: true },
    replaced: [],
    pageStateRequests: [],
    draftRequests: [],
    async getPageState(tabId) {
      fake.pageStateRequests.push(tabId);
      if (fake.failPageState) throw new Error('Could not establish connection. Receiving end does not exist.');
      return fake.pages.get(tabId) ?? null;
    },
    async getDraft(tabId, conversationId) {
      fake.draftRequests.push({ tabId, conversationId });
      return fake.drafts.get(tabId) ?? null;
    },
    async insert(tabId, text, conversationId) {
      fake.inserted.push({ tabId, text, conversationId });
      return typeof fake.insertAnswer === 'function' ? fake.insertAnswer(text) : fake.insertAnswer;
    },
    async replace(tabId, find, occurrence, text, conversationId) {
      fake.replaced.push({ tabId, find, occurrence, text, conversationId });
      const answer = fake.replaceAnswer;
      return typeof answer === 'function' ? answer({ find, occurrence, text }) : answer;
    },
    onPageStateChanged(cb) {
      pageListeners.add(cb);
      return () => pageListeners.delete(cb);
    },
    onDraftChanged(cb) {
      draftListeners.add(cb);
      return () => draftListeners.delete(cb);
    },
    pushPageState(change) {
      fake.pages.set(change.tabId, change.state);
      for (const cb of pageListeners) cb(change);
    },
    pushDraft(change, fromTabId) {
      for (const cb of draftListeners) cb(change, fromTabId);
    },
  };
  return fake;
}

export interface FakeTabs extends TabSource {
  active: number | null;
  emit(event: TabEvent): void;
}

export function createFakeTabs(active: number | null = 1): FakeTabs {
  const listeners = new Set<(e: TabEvent) => void>();
  const fake: FakeTabs = {
    active,
    async current() {
      return fake.active;
    },
    subscribe(cb) {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    emit(event) {
      if (event.type === 'activated') fake.active = event.tabId;
      for (const cb of listeners) cb(event);
    },
  };
  return fake;
}
