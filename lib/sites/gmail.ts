// Gmail (mail.google.com): the open thread, its latest message from the customer, the reply box.
// "Customer" means any sender that is not the signed-in account (or one of its send-as addresses).
import { allMatches, emailIn, firstMatch, isRendered, squash } from './dom';
import { guardedAdapter } from './guarded';
import * as S from './selectors/gmail';
import { toPlainText } from './text';
import type { BadgeSlot, ConversationRead, SiteAdapter, SiteRead } from './types';

export const REASONS = {
  noThread: 'No email thread is open. Open a thread to see its analysis.',
  noMessages: "Defuse couldn't find the messages of this thread (Gmail may have changed its page).",
  noThreadId: "Defuse couldn't find this thread's id (Gmail may have changed its page).",
  noAccount: "Defuse couldn't tell which Gmail account is signed in, so it can't tell the customer's messages from yours.",
  noSenders: "Defuse couldn't tell who wrote the messages of this thread (Gmail may have changed its page).",
  noCustomer: 'No message from the customer in this thread yet.',
  collapsed: "The customer's latest message is collapsed. Expand it in Gmail to see its analysis.",
  noBody: "Defuse couldn't find the text of the customer's latest message (Gmail may have changed its page).",
  noText: "The customer's latest message has no text Defuse can read.",
} as const;

/** Drops our own badge and quoted history from a body before reading it. */
const DROP = ['defuse-badge', ...S.quoted];
/** In a reply box, the default caret goes before these. */
const DRAFT_STOP = ['.gmail_signature', '.gmail_signature_prefix', '.gmail_quote', 'blockquote'];

interface ParsedMessage {
  element: Element;
  email: string | null;
  name?: string;
  body: Element | null;
  sentAt?: string;
}

function none(reason: string): SiteRead {
  return { kind: 'no-conversation', reason };
}

/**
 * The open thread's container: the nearest ancestor of the subject that holds messages. Gmail keeps
 * the views it is not showing (threads opened before) in the page, hidden: an ancestor that also holds
 * another thread's subject is past this thread's view, so when this thread's messages are not found
 * below that point (Gmail renamed their anchor) there is no root, rather than another thread's messages.
 */
function threadRoot(subject: Element, subjectSelector: string): Element | null {
  for (let el = subject.parentElement; el; el = el.parentElement) {
    if (Array.from(el.querySelectorAll(subjectSelector)).some((other) => other !== subject)) return null;
    if (allMatches(el, S.message).length) return el;
  }
  return null;
}

/** The last path segment of the URL hash when it looks like a thread token (`#inbox/FMfcg…`). */
export function threadIdFromHash(hash: string): string | null {
  const last = hash.replace(/^#/, '').split(/[/?]/).filter(Boolean).slice(1).pop();
  return last && /^[A-Za-z0-9_-]{16,}$/.test(last) ? last : null;
}

function threadId(root: Element, subject: Element, hash: string): string | null {
  for (const { selector, attribute } of S.threadId) {
    const el = subject.matches(selector) ? subject : root.querySelector(selector);
    const value = el?.getAttribute(attribute)?.trim();
    if (value && value !== 'undefined') return value;
  }
  return threadIdFromHash(hash);
}

/** The signed-in address and any send-as address of an open reply, lower-cased. */
export function ownAddresses(doc: Document, root: ParentNode = doc): Set<string> {
  const own = new Set<string>();
  const button = firstMatch(doc, S.account, (el) => emailIn(el.getAttribute('aria-label')) !== null);
  const signedIn = button ? emailIn(button.element.getAttribute('aria-label')) : emailIn(S.titleAccount.exec(doc.title)?.[1]);
  if (signedIn) own.add(signedIn);
  for (const sel of S.composeFrom) {
    root.querySelectorAll<HTMLInputElement>(sel).forEach((input) => {
      const address = emailIn(input.value || input.getAttribute('value'));
      if (address) own.add(address);
    });
  }
  return own;
}

function parseMessage(element: Element): ParsedMessage {
  const from = firstMatch(element, S.sender, (el) => !!el.getAttribute('email'));
  const time = firstMatch(element, S.time);
  return {
    element,
    email: emailIn(from?.element.getAttribute('email')),
    name: from ? squash(from.element.getAttribute('name') || from.element.textContent) || undefined : undefined,
    body: firstMatch(element, S.body)?.element ?? null,
    sentAt: time ? squash(time.element.getAttribute('title') || time.element.textContent) || undefined : undefined,
  };
}

/** The reply box of this thread: inside the thread if there is one there, else a lone inline one. */
function findReplyBox(doc: Document, root: Element | null): HTMLElement | null {
  if (root) {
    const inside = firstMatch<HTMLElement>(root, S.replyBox, isRendered);
    if (inside) return inside.element;
  }
  // A reply opened below the thread may sit just outside its container; a pop-out compose window
  // (role=dialog) may belong to another email, so it is never taken.
  const candidates: HTMLElement[] = [];
  for (const sel of S.replyBox) {
    doc.querySelectorAll<HTMLElement>(sel).forEach((el) => {
      if (isRendered(el) && !el.closest('[role="dialog"]') && !candidates.includes(el)) candidates.push(el);
    });
    if (candidates.length) break;
  }
  return root && candidates.length === 1 ? candidates[0]! : null;
}

function openThread(doc: Document): { subject: Element; root: Element | null } | null {
  const match = firstMatch(doc, S.subject, isRendered);
  if (!match) return null;
  return { subject: match.element, root: threadRoot(match.element, S.subject[match.entry]!) };
}

export function readGmail(doc: Document): SiteRead {
  const open = openThread(doc);
  if (!open) return none(REASONS.noThread);
  const { subject, root } = open;
  if (!root) return none(REASONS.noMessages);
  const id = threadId(root, subject, doc.location?.hash ?? '');
  if (!id) return none(REASONS.noThreadId);
  const own = ownAddresses(doc);
  if (own.size === 0) return none(REASONS.noAccount);

  const messages = allMatches(root, S.message).map((m) => parseMessage(m.element));
  // Gmail always shows the sender of the latest message: when no message has one, the anchor changed.
  if (messages.every((m) => m.email === null)) return none(REASONS.noSenders);
  const fromCustomer = messages.filter((m) => m.email !== null && !own.has(m.email));
  if (fromCustomer.length === 0) return none(REASONS.noCustomer);
  const latest = fromCustomer[fromCustomer.length - 1]!;
  if (!latest.body) {
    const expanded = S.expandedMessage.some((sel) => latest.element.closest(sel) !== null);
    return none(expanded ? REASONS.noBody : REASONS.collapsed);
  }
  const text = toPlainText(latest.body, { drop: DROP, cutFrom: S.quotedFrom });
  if (!text) return none(REASONS.noText);

  const folded = messages.some((m) => m.email === null) || S.foldedMessages.some((sel) => root.querySelector(sel) !== null);
  const badgeSlot: BadgeSlot = { parent: latest.body.parentElement ?? latest.element, before: latest.body.parentElement ? latest.body : null };
  const read: ConversationRead = {
    kind: 'conversation',
    conversationId: id,
    subject: squash(subject.textContent),
    latest: {
      element: latest.element,
      text,
      sender: { ...(latest.name ? { name: latest.name } : {}), email: latest.email! },
      ...(latest.sentAt ? { sentAt: latest.sentAt } : {}),
      badgeSlot,
    },
    customerMessageCount: fromCustomer.length,
    moreMessagesHidden: folded,
    // a message of ours after the customer's latest (Gmail lists a thread oldest first)
    answered: messages.slice(messages.indexOf(latest) + 1).some((m) => m.email !== null && own.has(m.email)),
    replyBox: findReplyBox(doc, root),
  };
  return read;
}

export function createGmailAdapter(doc: Document = document): SiteAdapter {
  return guardedAdapter({
    site: 'gmail',
    doc,
    read: () => readGmail(doc),
    unreadable: () => none(REASONS.noMessages),
    replyBox: () => findReplyBox(doc, openThread(doc)?.root ?? null),
    drop: DROP,
    stopAt: DRAFT_STOP,
  });
}
