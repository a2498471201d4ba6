// The one interface every site adapter implements. An adapter reads and writes the host page and
// nothing else: no messaging, no analysis, no storage. It never throws into the host page: when
// it does not recognise the DOM it says so (`no-conversation` with a reason) instead of guessing.
import type { SiteId } from '@/lib/messaging/protocol';

export interface Sender {
  name?: string;
  email?: string;
}

/** Where the badge goes: `parent.insertBefore(badge, before)`. */
export interface BadgeSlot {
  parent: Element;
  before: Node | null;
}

/** The latest message from the customer (never the rep's own, never an internal note). */
export interface CustomerMessage {
  element: Element;
  /** Plain text, quoted history removed. */
  text: string;
  sender: Sender;
  /** As the page shows it: Gmail's full date title, Zendesk's ISO `datetime`. */
  sentAt?: string;
  badgeSlot: BadgeSlot;
}

export interface ConversationRead {
  kind: 'conversation';
  /** Gmail's thread id, Zendesk's ticket number. */
  conversationId: string;
  subject: string;
  latest: CustomerMessage;
  /** Customer messages of this conversation present in the page, collapsed ones included. */
  customerMessageCount: number;
  /** Some messages are folded away (Gmail "N older messages", Zendesk "Show more"): the count is a floor. */
  moreMessagesHidden: boolean;
  /** The rep's side has answered (publicly) after the customer's latest message, as far as the page shows. */
  answered: boolean;
  replyBox: HTMLElement | null;
}

export interface NoConversationRead {
  kind: 'no-conversation';
  /** For people: what Defuse saw, and what to do about it. */
  reason: string;
}

export type SiteRead = ConversationRead | NoConversationRead;

export interface InsertResult {
  ok: boolean;
  error?: string;
  /** How the text went in, for tests and diagnostics. */
  method?: 'execCommand' | 'ckeditor-bridge' | 'dom-fallback';
}

export interface InsertOptions {
  /** The caret the rep last had inside the reply box, restored when focus has since moved away. */
  caret?: Range | null;
}

export interface SiteAdapter {
  readonly site: SiteId;
  /** Reads the open conversation. Never throws. */
  read(): SiteRead;
  /** The reply box of the open conversation, or null when none is open. */
  replyBox(): HTMLElement | null;
  /** Plain text of the reply box (quoted history left out), or null when there is no reply box. */
  readDraft(): string | null;
  /** Puts `text` at the caret of the reply box the way typing would (undo works, the editor's model sees it). */
  insert(text: string, options?: InsertOptions): Promise<InsertResult>;
  /**
   * Replaces the `occurrence`-th (0-based) appearance of `find` in the draft's text with
   * `replacement`, as typing over a selection would. Fails (never throws) when the words are gone.
   */
  replace(find: string, replacement: string, occurrence?: number): Promise<InsertResult>;
  /** The node whose subtree the content script watches for changes. */
  observeRoot(): Node;
}
