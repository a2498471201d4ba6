// @vitest-environment happy-dom
// One test per selector entry (lib/sites/selectors/zendesk.ts): the fixture is turned into the
// structure that entry exists for and the adapter must still read the selected ticket through it.
// A final test fails when a selector is added without a test here.
import { afterEach, describe, expect, test } from 'vitest';
import * as S from '@/lib/sites/selectors/zendesk';
import type { ConversationRead } from '@/lib/sites/types';
import { readZendesk, selectedTicketId, ticketScope } from '@/lib/sites/zendesk';
import { all, conversation, entryOf, loadFixture, setUrl, unattr, unloadFixture, ZENDESK_URL } from './fixtures';

afterEach(unloadFixture);

const PANE = '[data-ticket-id="123"]';
const LATEST = `${PANE} article:last-of-type`;
const read = (): ConversationRead => conversation(readZendesk(document));

/** Moves an element's children into a new element with another tag, keeping its attributes. */
function retag(el: Element, tag: string): Element {
  const next = document.createElement(tag);
  for (const a of Array.from(el.attributes)) next.setAttribute(a.name, a.value);
  next.append(...Array.from(el.childNodes));
  el.replaceWith(next);
  return next;
}

interface Case {
  list: keyof typeof S;
  entry: string;
  setup?: () => void;
  check: () => void;
}

const cases: Case[] = [
  // selectedTab: used when the URL names no ticket
  ...S.selectedTab.map(
    (entry, i): Case => ({
      list: 'selectedTab',
      entry,
      setup: () => {
        setUrl('https://acme.zendesk.com/agent/filters/360001');
        if (i === 1) unattr('[data-entity-type]', 'data-entity-type');
      },
      check: () => {
        expect(entryOf(S.selectedTab)).toBe(i);
        expect(selectedTicketId(document)).toBe('123');
        expect(read().conversationId).toBe('123');
      },
    }),
  ),
  {
    list: 'tabTitle',
    entry: '[data-test-id="header-tab-title"]',
    setup: () => document.querySelector(`${PANE} [data-test-id="omni-header-subject"]`)!.remove(),
    check: () => expect(read().subject).toBe('Order #48213 never refunded'),
  },
  // ticketArea
  {
    list: 'ticketArea',
    entry: '[data-ticket-id="{id}"]',
    setup: () => {
      // A views-table row with the same id comes first in the page; it holds no log and is skipped.
      const row = document.createElement('tr');
      row.setAttribute('data-ticket-id', '123');
      document.body.prepend(row);
    },
    check: () => {
      expect(ticketScope(document, '123')).toBe(document.querySelector(`div${PANE}`));
      expect(read().replyBox?.closest(PANE)).not.toBeNull();
    },
  },
  {
    list: 'ticketArea',
    entry: '[data-side-conversations-anchor-id="{id}"]',
    setup: () => unattr('[data-ticket-id]', 'data-ticket-id'),
    check: () => {
      // Widened from the log's anchor to the pane, which holds the composer and subject but no other ticket.
      expect(ticketScope(document, '123')).toBe(document.querySelector('[data-demo-ticket="123"]'));
      const r = read();
      expect(r.subject).toBe('Order #48213 never refunded');
      expect(r.replyBox?.closest('[data-demo-ticket]')?.getAttribute('data-demo-ticket')).toBe('123');
    },
  },
  // log
  { list: 'log', entry: '[data-test-id="omni-log-container"]', check: () => expect(entryOf(S.log, document.querySelector(PANE)!)).toBe(0) },
  {
    list: 'log',
    entry: 'article[data-test-id="omni-log-comment-item"]',
    setup: () => unattr('[data-test-id="omni-log-container"]', 'data-test-id'),
    check: () => {
      expect(entryOf(S.log, document.querySelector(PANE)!)).toBe(1);
      expect(read().customerMessageCount).toBe(2);
    },
  },
  // comment
  { list: 'comment', entry: 'article[data-test-id="omni-log-comment-item"]', check: () => expect(read().customerMessageCount).toBe(2) },
  {
    list: 'comment',
    entry: '[data-test-id="omni-log-comment-item"]',
    setup: () => all(`${PANE} article`).forEach((a) => retag(a, 'div')),
    check: () => {
      expect(entryOf(S.comment, document.querySelector(PANE)!)).toBe(1);
      expect(read().customerMessageCount).toBe(2);
    },
  },
  // message
  { list: 'message', entry: '[data-test-id="omni-log-item-message"]', check: () => expect(read().latest.sender.name).toBe('Dana Whitfield') },
  // content
  { list: 'content', entry: '[data-test-id="omni-log-message-content"]', check: () => expect(read().latest.text).toMatch(/^Hi Sam,/) },
  {
    list: 'content',
    entry: '.zd-comment',
    setup: () => unattr('[data-test-id="omni-log-message-content"]', 'data-test-id'),
    check: () => {
      expect(entryOf(S.content, document.querySelector(LATEST)!)).toBe(1);
      expect(read().latest.text).toMatch(/^Hi Sam,[\s\S]*third time/);
    },
  },
  // internalNote: an internal note is never the customer, whatever its type says
  {
    list: 'internalNote',
    entry: '[data-test-id="omni-log-internal-note-tag"]',
    setup: () => document.querySelector(`${PANE} [type="internal"]`)!.setAttribute('type', 'end-user'),
    check: () => {
      expect(read().customerMessageCount).toBe(2);
      expect(read().latest.text).not.toContain('furious');
    },
  },
  // sender
  { list: 'sender', entry: '[data-test-id="omni-log-item-sender"]', check: () => expect(read().latest.sender).toEqual({ name: 'Dana Whitfield' }) },
  // time
  { list: 'time', entry: 'time[data-test-id="timestamp-relative"][datetime]', check: () => expect(read().latest.sentAt).toBe('2025-03-12T08:03:00Z') },
  {
    list: 'time',
    entry: 'time[datetime]',
    setup: () => unattr('time', 'data-test-id'),
    check: () => {
      expect(entryOf(S.time, document.querySelector(LATEST)!)).toBe(1);
      expect(read().latest.sentAt).toBe('2025-03-12T08:03:00Z');
    },
  },
  // subject
  { list: 'subject', entry: 'input[data-test-id="omni-header-subject"]', check: () => expect(read().subject).toBe('Order #48213 never refunded') },
  {
    list: 'subject',
    entry: '[data-test-id="omni-header-subject"]',
    setup: () => {
      const input = document.querySelector(`${PANE} input[data-test-id="omni-header-subject"]`)!;
      const span = document.createElement('span');
      span.setAttribute('data-test-id', 'omni-header-subject');
      span.textContent = 'Order #48213 never refunded';
      input.replaceWith(span);
    },
    check: () => {
      expect(entryOf(S.subject, document.querySelector(PANE)!)).toBe(1);
      expect(read().subject).toBe('Order #48213 never refunded');
    },
  },
  // showMore
  {
    list: 'showMore',
    entry: '[data-test-id="convolog-show-more-button"]',
    check: () => {
      expect(read().moreMessagesHidden).toBe(true);
      document.querySelector('[data-test-id="convolog-show-more-button"]')!.remove();
      expect(read().moreMessagesHidden).toBe(false);
    },
  },
  // replyBox
  {
    list: 'replyBox',
    entry: '[data-test-id="omnicomposer-rich-text-ckeditor"][contenteditable="true"]',
    check: () => expect(entryOf(S.replyBox, document.querySelector(PANE)!)).toBe(0),
  },
  {
    list: 'replyBox',
    entry: '[data-test-id="omnicomposer-plain-text-ckeditor"][contenteditable="true"]',
    setup: () => all('[data-test-id="omnicomposer-rich-text-ckeditor"]').forEach((el) => el.setAttribute('data-test-id', 'omnicomposer-plain-text-ckeditor')),
    check: () => {
      expect(entryOf(S.replyBox, document.querySelector(PANE)!)).toBe(1);
      expect(read().replyBox?.closest(PANE)).not.toBeNull();
    },
  },
  {
    list: 'replyBox',
    entry: '[data-test-id="ticket-rich-text-editor"] [contenteditable="true"]',
    setup: () =>
      all('[data-test-id="omnicomposer-rich-text-ckeditor"]').forEach((el) => {
        el.removeAttribute('data-test-id');
        el.classList.remove('ck-editor__editable');
        el.parentElement!.setAttribute('data-test-id', 'ticket-rich-text-editor');
      }),
    check: () => {
      expect(entryOf(S.replyBox, document.querySelector(PANE)!)).toBe(2);
      expect(read().replyBox?.closest(PANE)).not.toBeNull();
    },
  },
  {
    list: 'replyBox',
    entry: '.ck-editor__editable[contenteditable="true"][role="textbox"]',
    setup: () => unattr('[data-test-id="omnicomposer-rich-text-ckeditor"]', 'data-test-id'),
    check: () => {
      expect(entryOf(S.replyBox, document.querySelector(PANE)!)).toBe(3);
      expect(read().replyBox?.closest(PANE)).not.toBeNull();
    },
  },
  // quoted: every entry is applied
  { list: 'quoted', entry: '.gmail_quote', check: () => expect(read().latest.text).not.toContain('wrote:') },
  {
    list: 'quoted',
    entry: 'blockquote',
    setup: () => {
      const quote = document.querySelector(`${LATEST} .gmail_quote`)!;
      quote.replaceWith(...Array.from(quote.querySelectorAll('blockquote')));
    },
    check: () => expect(read().latest.text).not.toContain('returns team'),
  },
];

describe('Zendesk selectors, one test per entry', () => {
  test.each(cases.map((c) => [`${c.list}: ${c.entry}`, c] as const))('%s', (_name, c) => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    c.setup?.();
    c.check();
  });

  test('every selector entry has a test above', () => {
    const tested = new Set(cases.map((c) => `${c.list}: ${c.entry}`));
    const declared: string[] = [];
    for (const [name, value] of Object.entries(S)) {
      if (Array.isArray(value)) for (const entry of value as string[]) declared.push(`${name}: ${entry}`);
    }
    expect(declared.filter((d) => !tested.has(d))).toEqual([]);
  });
});
