// Every message between extension contexts, in one typed map. Names say the direction.
import type { Analysis, Level } from '@/lib/analysis/types';

export type SiteId = 'gmail' | 'zendesk';

/** What a content script knows about the open conversation. Customer text only, never rep text. */
export interface ConversationSnapshot {
  site: SiteId;
  conversationId: string;
  subject: string;
  /** Plain text of the latest customer message (quoted history already dropped by the adapter where it can). */
  latestCustomerText: string;
  sender?: { name?: string; email?: string };
  sentAt?: string;
  /** Customer messages of this conversation present in the page, the latest included. */
  customerMessageCount: number;
  /** Some messages are folded away in the page (Gmail "N older messages", Zendesk "Show more"): the count is a floor. */
  moreMessagesHidden?: boolean;
  /** The rep's side has already answered the latest customer message (so the customer is not waiting). */
  answered?: boolean;
  hasReplyBox: boolean;
  url: string;
}

export type PageState =
  | { kind: 'conversation'; conversation: ConversationSnapshot }
  | { kind: 'no-conversation'; site: SiteId; url: string; reason: string };

/**
 * What an edit of the reply box (Insert, Use rewrite) achieved. `refused` says why the page would not
 * try, when the panel should act on it and not only show `error`.
 */
export interface EditResult {
  ok: boolean;
  error?: string;
  /** `conversation-moved`: the page shows another conversation than the one the text is for. */
  refused?: 'conversation-moved';
}

export interface ProtocolMap {
  /**
   * content → background: the page's conversation changed (or vanished). Answer: the badge's analysis.
   * Extension pages receive it too (runtime messages reach every extension page); the panel should
   * listen for `bg:pageStateChanged` instead, which carries the tab id and the analysis.
   */
  'content:pageState': { req: PageState; res: { level: Level; score: number; reason?: string } | null };
  /**
   * panel → background: what is open in this tab now? Null when it is not a page Defuse works on. A
   * Gmail or Zendesk tab with no content script answering gets a `no-conversation` state whose reason
   * says what to do (reload a tab open from before an install or update; use Zendesk's agent workspace).
   */
  'panel:getPageState': { req: { tabId: number }; res: PageState | null };
  /** background → content: re-read the page now and answer with its state. */
  'bg:refresh': { req: Record<string, never>; res: PageState };
  /**
   * panel → content (via background): read the current draft in the reply box. With `conversationId`
   * (the conversation the panel shows), null when the page shows another one: its draft is not this one's.
   */
  'panel:getDraft': { req: { tabId: number; conversationId?: string }; res: { draft: string } | null };
  /**
   * panel → content (via background): insert text at the caret of the reply box. `conversationId` is the
   * conversation the text is for (the one the panel shows): the page refuses when another is open.
   * Without it (older callers) the conversation last sent to the background stands in for it.
   */
  'panel:insert': { req: { tabId: number; text: string; conversationId?: string }; res: EditResult };
  /** panel → content (via background): replace the `occurrence`-th (0-based) `find` in the reply box with `text`; `conversationId` as for `panel:insert`. */
  'panel:replace': { req: { tabId: number; find: string; occurrence: number; text: string; conversationId?: string }; res: EditResult };
  /**
   * content → panel: the rep typed in the reply box (debounced). Runtime messages from a content script
   * reach every extension page directly, so the background does not relay it: the panel reads the tab
   * from `sender.tab.id`.
   */
  'content:draftChanged': { req: { conversationId: string; draft: string }; res: void };
  /** badge click → background: open the side panel for this tab. */
  'content:openPanel': { req: Record<string, never>; res: { opened: boolean; hint?: string } | void };
  /** background → panel (broadcast): the page state of a tab changed. */
  'bg:pageStateChanged': { req: { tabId: number; state: PageState; analysis?: Pick<Analysis, 'level' | 'score'> }; res: void };
}

export type MessageName = keyof ProtocolMap;
export interface Envelope<K extends MessageName = MessageName> {
  type: K;
  data: ProtocolMap[K]['req'];
}
