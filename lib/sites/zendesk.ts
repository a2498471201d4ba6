// Zendesk Support agent workspace (`SUBDOMAIN.zendesk.com/agent/tickets/ID`). Several tickets stay
// mounted as tabs at once, so every query is scoped to the selected ticket's area. Only `end-user`
// comments are the customer's; agent replies and internal notes are never read as the customer.
import { allMatches, firstMatch, squash, type SelectorList } from './dom';
import { guardedAdapter } from './guarded';
import * as S from './selectors/zendesk';
import { toPlainText } from './text';
import type { ConversationRead, SiteAdapter, SiteRead } from './types';

export const REASONS = {
  noTicket: 'No ticket is open. Open a ticket to see its analysis.',
  notLoaded: (id: string) => `Ticket #${id} isn't showing in the page yet. Wait for it to load, or reopen its tab.`,
  noLog: (id: string) => `Defuse couldn't find the conversation of ticket #${id} (Zendesk may have changed its page).`,
  noAuthors: (id: string) => `Defuse couldn't tell who wrote the comments of ticket #${id} (Zendesk may have changed its page).`,
  noCustomer: (id: string) => `No message from the customer in ticket #${id} yet.`,
  noContent: (id: string) =>
    `Defuse couldn't find the text of the customer's latest message in ticket #${id} (Zendesk may have changed its page).`,
  noText: "The customer's latest message has no text Defuse can read.",
} as const;

type Author = 'customer' | 'agent' | 'internal' | 'unknown';

interface ParsedComment {
  element: Element;
  author: Author;
  content: Element | null;
  sender?: string;
  sentAt?: string;
}

const DROP = ['defuse-badge', ...S.quoted];

function none(reason: string): SiteRead {
  return { kind: 'no-conversation', reason };
}

/** The ticket the workspace shows: from the URL, else the selected tab. */
export function selectedTicketId(doc: Document): string | null {
  const fromUrl = S.ticketPath.exec(doc.location?.pathname ?? '')?.[1];
  if (fromUrl) return fromUrl;
  const tab = firstMatch(doc, S.selectedTab, (el) => /^\d+$/.test(el.getAttribute('data-entity-id') ?? ''));
  return tab?.element.getAttribute('data-entity-id') ?? null;
}

function withId(list: SelectorList, id: string): string[] {
  return list.map((sel) => sel.replaceAll('{id}', id));
}

/**
 * The selected ticket's area: the first candidate that holds a conversation log, widened to its
 * largest ancestor that holds no other ticket (so the composer and subject, which may sit beside the
 * log, are included, and another mounted ticket never is).
 */
export function ticketScope(doc: Document, id: string): Element | null {
  const area = firstMatch(doc, withId(S.ticketArea, id), (el) => firstMatch(el, S.log) !== null);
  if (!area) return null;
  const foreign = (el: Element) =>
    Array.from(el.querySelectorAll(S.anyTicketArea)).some(
      (other) => (other.getAttribute('data-ticket-id') ?? other.getAttribute('data-side-conversations-anchor-id')) !== id,
    );
  let scope = area.element;
  for (let up = scope.parentElement; up && up !== doc.body && up !== doc.documentElement; up = up.parentElement) {
    if (foreign(up)) break;
    scope = up;
  }
  return scope;
}

function parseComment(element: Element): ParsedComment {
  const message = firstMatch(element, S.message)?.element ?? null;
  const type = message?.getAttribute('type');
  const internal = type === 'internal' || S.internalNote.some((sel) => element.querySelector(sel) !== null);
  const author: Author = internal ? 'internal' : type === 'end-user' ? 'customer' : type === 'agent' ? 'agent' : 'unknown';
  const time = firstMatch(element, S.time)?.element;
  const sender = squash(firstMatch(element, S.sender)?.element.textContent);
  return {
    element,
    author,
    content: firstMatch(message ?? element, S.content)?.element ?? null,
    ...(sender ? { sender } : {}),
    ...(time?.getAttribute('datetime') ? { sentAt: time.getAttribute('datetime')! } : {}),
  };
}

/** Latest by timestamp when every comment has one (the log can be sorted either way); else the last in the page. */
function latestOf(comments: ParsedComment[]): ParsedComment {
  const times = comments.map((c) => (c.sentAt ? Date.parse(c.sentAt) : NaN));
  if (times.every((t) => !Number.isNaN(t))) {
    let best = 0;
    times.forEach((t, i) => {
      if (t >= times[best]!) best = i;
    });
    return comments[best]!;
  }
  return comments[comments.length - 1]!;
}

/** An agent's public reply after `latest`: by timestamp when both have one, else by place in the log. */
function answeredAfter(comments: ParsedComment[], latest: ParsedComment): boolean {
  const at = latest.sentAt ? Date.parse(latest.sentAt) : NaN;
  const index = comments.indexOf(latest);
  return comments.some((c, i) => {
    if (c.author !== 'agent') return false;
    const t = c.sentAt ? Date.parse(c.sentAt) : NaN;
    return Number.isNaN(t) || Number.isNaN(at) ? i > index : t > at;
  });
}

function subjectOf(doc: Document, scope: Element): string {
  const field = firstMatch(scope, S.subject)?.element;
  if (field) {
    const isField = /^(INPUT|TEXTAREA)$/i.test(field.tagName);
    return squash(isField ? (field as HTMLInputElement).value : field.textContent);
  }
  return squash(firstMatch(doc, S.selectedTab.map((tab) => `${tab} ${S.tabTitle[0]}`))?.element.textContent);
}

export function readZendesk(doc: Document): SiteRead {
  const id = selectedTicketId(doc);
  if (!id) return none(REASONS.noTicket);
  const scope = ticketScope(doc, id);
  if (!scope) return none(REASONS.notLoaded(id));
  const comments = allMatches(scope, S.comment).map((m) => parseComment(m.element));
  if (comments.length === 0) return none(REASONS.noLog(id));
  // A ticket's first comment is public, from the customer or an agent: when no comment says either,
  // the author anchor changed (internal notes keep their own tag, so they alone prove nothing).
  if (!comments.some((c) => c.author === 'customer' || c.author === 'agent')) return none(REASONS.noAuthors(id));
  const fromCustomer = comments.filter((c) => c.author === 'customer');
  if (fromCustomer.length === 0) return none(REASONS.noCustomer(id));
  const latest = latestOf(fromCustomer);
  if (!latest.content) return none(REASONS.noContent(id));
  const text = toPlainText(latest.content, { drop: DROP });
  if (!text) return none(REASONS.noText);

  const read: ConversationRead = {
    kind: 'conversation',
    conversationId: id,
    subject: subjectOf(doc, scope),
    latest: {
      element: latest.element,
      text,
      sender: latest.sender ? { name: latest.sender } : {},
      ...(latest.sentAt ? { sentAt: latest.sentAt } : {}),
      badgeSlot: { parent: latest.content.parentElement ?? latest.element, before: latest.content.parentElement ? latest.content : null },
    },
    customerMessageCount: fromCustomer.length,
    moreMessagesHidden: firstMatch(scope, S.showMore) !== null,
    answered: answeredAfter(comments, latest),
    replyBox: firstMatch<HTMLElement>(scope, S.replyBox)?.element ?? null,
  };
  return read;
}

export function createZendeskAdapter(doc: Document = document): SiteAdapter {
  return guardedAdapter({
    site: 'zendesk',
    doc,
    read: () => readZendesk(doc),
    unreadable: () => none(REASONS.noTicket),
    replyBox: (): HTMLElement | null => {
      const id = selectedTicketId(doc);
      const scope = id ? ticketScope(doc, id) : null;
      return scope ? (firstMatch<HTMLElement>(scope, S.replyBox)?.element ?? null) : null;
    },
    drop: DROP,
    stopAt: S.quoted,
  });
}
