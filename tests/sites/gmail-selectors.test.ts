// @vitest-environment happy-dom
// One test per selector entry (lib/sites/selectors/gmail.ts): the fixture is turned into the
// structure that entry exists for (older Gmail, a changed class) and the adapter must still read the
// conversation, through that entry. A final test fails when a selector is added without a test here.
import { afterEach, describe, expect, test } from 'vitest';
import { ownAddresses, readGmail, REASONS } from '@/lib/sites/gmail';
import * as S from '@/lib/sites/selectors/gmail';
import type { ConversationRead } from '@/lib/sites/types';
import { all, conversation, entryOf, GMAIL_THREAD_URL, loadFixture, unattr, unclass, unloadFixture } from './fixtures';

afterEach(unloadFixture);

const LATEST = '[data-message-id="#msg-f:1826371094512330003"]';
const read = (): ConversationRead => conversation(readGmail(document));

interface Case {
  list: keyof typeof S;
  entry: string;
  /** Turns the fixture into the structure this entry is for (nothing for the first choice). */
  setup?: () => void;
  /** Checks that the adapter still reads the page through this entry. */
  check: () => void;
}

const cases: Case[] = [
  // subject
  { list: 'subject', entry: 'h2.hP', check: () => expect(entryOf(S.subject)).toBe(0) },
  {
    list: 'subject',
    entry: 'h2[data-thread-perm-id]',
    setup: () => unclass('h2.hP', 'hP'),
    check: () => {
      expect(entryOf(S.subject)).toBe(1);
      expect(read().subject).toBe('Still no refund for order #48213');
    },
  },
  {
    list: 'subject',
    entry: 'h2[data-legacy-thread-id]',
    setup: () => {
      unclass('h2.hP', 'hP');
      unattr('h2', 'data-thread-perm-id');
    },
    check: () => {
      expect(entryOf(S.subject)).toBe(2);
      expect(read().conversationId).toBe('195895e1c2a4b3a5');
    },
  },
  {
    list: 'subject',
    entry: '.ha h2',
    setup: () => {
      unclass('h2.hP', 'hP');
      unattr('h2', 'data-thread-perm-id', 'data-legacy-thread-id');
    },
    check: () => {
      expect(entryOf(S.subject)).toBe(3);
      expect(read()).toMatchObject({ subject: 'Still no refund for order #48213', conversationId: 'FMfcgzQbfLxRnWqKsTdVpHjCmZvBnXcT' });
    },
  },
  // threadId (attribute pairs; the URL hash is the last resort, covered above)
  { list: 'threadId', entry: '[data-thread-perm-id]', check: () => expect(read().conversationId).toBe('thread-f:1826371094512334501') },
  {
    list: 'threadId',
    entry: 'h2[data-legacy-thread-id]',
    setup: () => document.querySelector('h2.hP')!.setAttribute('data-thread-perm-id', 'undefined'), // InboxSDK has seen this
    check: () => expect(read().conversationId).toBe('195895e1c2a4b3a5'),
  },
  // message
  { list: 'message', entry: '[data-message-id]', check: () => expect(read().customerMessageCount).toBe(2) },
  {
    list: 'message',
    entry: '[data-legacy-message-id]',
    setup: () => unattr('[data-message-id]', 'data-message-id'),
    check: () => {
      expect(entryOf(S.message)).toBe(1);
      expect(read().customerMessageCount).toBe(2);
    },
  },
  // expandedMessage: tells "collapsed" from "Gmail changed its page" when no body is found
  ...['.h7', '[role="listitem"][aria-expanded="true"]'].map(
    (entry): Case => ({
      list: 'expandedMessage',
      entry,
      setup: () => {
        const item = document.querySelector(LATEST)!.closest('[role="listitem"]')!;
        if (entry === '.h7') item.removeAttribute('aria-expanded');
        else item.classList.remove('h7');
        all('.a3s, .ii.gt').forEach((el) => (el.className = 'x9Qz'));
      },
      check: () => expect(readGmail(document)).toEqual({ kind: 'no-conversation', reason: REASONS.noBody }),
    }),
  ),
  // body
  { list: 'body', entry: 'div.a3s', check: () => expect(read().latest.text).toMatch(/^Hi Sam,/) },
  {
    list: 'body',
    entry: 'div.ii.gt',
    setup: () => unclass('div.a3s', 'a3s'),
    check: () => {
      expect(entryOf(S.body, document.querySelector(LATEST)!)).toBe(1);
      expect(read().latest.text).toMatch(/^Hi Sam,[\s\S]*third time/);
    },
  },
  {
    list: 'body',
    entry: '.adP',
    setup: () => {
      unclass('div.a3s', 'a3s');
      all('div.ii.gt').forEach((el) => (el.className = 'adP'));
    },
    check: () => {
      expect(entryOf(S.body, document.querySelector(LATEST)!)).toBe(2);
      expect(read().latest.text).toMatch(/^Hi Sam,[\s\S]*third time/);
    },
  },
  // sender
  { list: 'sender', entry: 'span.gD[email]', check: () => expect(read().latest.sender.email).toBe('dana.whitfield@example.net') },
  {
    list: 'sender',
    entry: 'td.gF span[email]',
    setup: () => unclass('.gD', 'gD'),
    check: () => {
      expect(entryOf(S.sender, document.querySelector(LATEST)!)).toBe(1);
      expect(read()).toMatchObject({ customerMessageCount: 2, latest: { sender: { email: 'dana.whitfield@example.net', name: 'Dana Whitfield' } } });
    },
  },
  {
    list: 'sender',
    entry: 'h3 span[email]:not(.g2)',
    setup: () => {
      unclass('.gD', 'gD');
      unclass('td.gF', 'gF');
    },
    check: () => {
      expect(entryOf(S.sender, document.querySelector(LATEST)!)).toBe(2);
      expect(read()).toMatchObject({ customerMessageCount: 2, latest: { sender: { email: 'dana.whitfield@example.net' } } });
    },
  },
  // time
  { list: 'time', entry: 'span.g3[title]', check: () => expect(read().latest.sentAt).toBe('Wed, 12 Mar 2025, 08:03') },
  {
    list: 'time',
    entry: 'span.g3',
    setup: () => unattr('span.g3', 'title'),
    check: () => expect(read().latest.sentAt).toBe('08:03 (2 hours ago)'),
  },
  // foldedMessages: every entry is checked
  ...['.adv', '.kQ', '.kx'].map(
    (entry): Case => ({
      list: 'foldedMessages',
      entry,
      setup: () => {
        const folded = document.createElement('div');
        folded.className = entry.slice(1);
        document.querySelector('[role="list"]')!.prepend(folded);
      },
      check: () => expect(read().moreMessagesHidden).toBe(true),
    }),
  ),
  // replyBox
  { list: 'replyBox', entry: 'div.M9 div[g_editable="true"]', check: () => expect(entryOf(S.replyBox)).toBe(0) },
  {
    list: 'replyBox',
    entry: 'div.M9 div[contenteditable="true"][role="textbox"]',
    setup: () => unattr('[g_editable]', 'g_editable'),
    check: () => {
      expect(entryOf(S.replyBox)).toBe(1);
      expect(read().replyBox?.id).toBe(':4r');
    },
  },
  {
    list: 'replyBox',
    entry: 'div[g_editable="true"][contenteditable="true"]',
    setup: () => unclass('.M9', 'M9'),
    check: () => {
      expect(entryOf(S.replyBox)).toBe(2);
      expect(read().replyBox?.id).toBe(':4r');
    },
  },
  // composeFrom: a reply sent from an alias is still the rep's
  {
    list: 'composeFrom',
    entry: 'div.M9 input[name="from"]',
    setup: () => {
      document.querySelector('.gD[email="support@northwind-gear.example"]')!.setAttribute('email', 'help@northwind-gear.example');
      document.querySelector<HTMLInputElement>('input[name="from"]')!.value = 'help@northwind-gear.example';
    },
    check: () => expect(read().customerMessageCount).toBe(2),
  },
  // account
  {
    list: 'account',
    entry: 'a[aria-label^="Google Account:"]',
    setup: () => document.querySelector('input[name="from"]')!.remove(),
    check: () => expect([...ownAddresses(document)]).toEqual(['support@northwind-gear.example']),
  },
  {
    list: 'account',
    entry: 'a[href^="https://accounts.google.com/SignOutOptions"][aria-label*="@"]',
    setup: () => {
      document.querySelector('input[name="from"]')!.remove();
      document.querySelector('a.gb_A')!.setAttribute('aria-label', 'Compte Google : Sam Rivera\n(support@northwind-gear.example)');
      document.title = 'Gmail';
    },
    check: () => {
      expect(entryOf(S.account)).toBe(1);
      expect([...ownAddresses(document)]).toEqual(['support@northwind-gear.example']);
    },
  },
  // quoted: every entry is applied
  {
    list: 'quoted',
    entry: '.gmail_quote',
    check: () => expect(read().latest.text).not.toMatch(/wrote:|passed this to our returns team/),
  },
  {
    list: 'quoted',
    entry: 'blockquote',
    setup: () => {
      // A quote from another mail client: a bare blockquote, no Gmail wrapper.
      const wrapper = document.querySelector(`${LATEST} .gmail_quote_container`)!;
      wrapper.replaceWith(Object.assign(document.createElement('blockquote'), { textContent: 'Earlier: someone will call you back on Monday.' }));
    },
    check: () => expect(read().latest.text).not.toContain('Earlier:'),
  },
  // quotedFrom: Outlook history has no wrapper; everything from its header on is cut
  ...['[id$="divRplyFwdMsg"]', '[id$="appendonsend"]'].map(
    (entry): Case => ({
      list: 'quotedFrom',
      entry,
      setup: () => {
        const id = entry.includes('divRply') ? 'm_-42divRplyFwdMsg' : 'm_-42appendonsend';
        const wrapper = document.querySelector(`${LATEST} .gmail_quote_container`)!;
        const outlook = document.createElement('div');
        outlook.innerHTML = `<hr><div id="${id}"><b>From:</b> Northwind Gear Support<br><b>Sent:</b> 5 March 2025</div><div>Hi Dana, someone will call you back on Monday.</div>`;
        wrapper.replaceWith(outlook);
      },
      check: () => {
        const { text } = read().latest;
        expect(text).toContain('Regards,\nDana');
        expect(text).not.toMatch(/From:|call you back on Monday\.$/);
      },
    }),
  ),
];

describe('Gmail selectors, one test per entry', () => {
  test.each(cases.map((c) => [`${c.list}: ${c.entry}`, c] as const))('%s', (_name, c) => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    c.setup?.();
    c.check();
  });

  test('every selector entry has a test above', () => {
    const tested = new Set(cases.map((c) => `${c.list}: ${c.entry}`));
    const declared: string[] = [];
    for (const [name, value] of Object.entries(S)) {
      if (!Array.isArray(value)) continue;
      for (const entry of value as unknown[]) {
        declared.push(`${name}: ${typeof entry === 'string' ? entry : (entry as { selector: string }).selector}`);
      }
    }
    expect(declared.filter((d) => !tested.has(d))).toEqual([]);
  });
});
