// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { toPageState } from '@/lib/sites';
import { createGmailAdapter, ownAddresses, readGmail, REASONS, threadIdFromHash } from '@/lib/sites/gmail';
import { all, click, conversation, GMAIL_CALM_URL, GMAIL_INBOX_URL, GMAIL_THREAD_URL, loadFixture, runFixtureScripts, unattr, unloadFixture } from './fixtures';

afterEach(unloadFixture);

describe('Gmail thread with the customer, the rep and a collapsed message (thread.html)', () => {
  test('reads the thread id, subject and the customer latest message', () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const read = conversation(readGmail(document));
    expect(read.conversationId).toBe('thread-f:1826371094512334501');
    expect(read.subject).toBe('Still no refund for order #48213');
    expect(read.latest.sender).toEqual({ name: 'Dana Whitfield', email: 'dana.whitfield@example.net' });
    expect(read.latest.sentAt).toBe('Wed, 12 Mar 2025, 08:03');
    expect(read.latest.element.getAttribute('data-message-id')).toBe('#msg-f:1826371094512330003');
  });

  test("keeps the customer's words and signature, drops the quoted history below 'On … wrote:'", () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const { text } = conversation(readGmail(document)).latest;
    expect(text.startsWith('Hi Sam,\n\nAs per my last email, I sent the boots back on 14 February')).toBe(true);
    expect(text).toContain("This is the third time I'm writing about this. I was promised a call back on Monday");
    expect(text).toContain("I'd hate to take my business elsewhere");
    expect(text).toContain('Regards,\nDana');
    expect(text).toContain('--\nDana Whitfield\nWhitfield Walking Club');
    expect(text).not.toContain('wrote:');
    expect(text).not.toContain("I've passed this to our returns team");
  });

  test("counts the customer's messages, collapsed ones included, and never the rep's", () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const read = conversation(readGmail(document));
    expect(read.customerMessageCount).toBe(2);
    expect(read.moreMessagesHidden).toBe(false);
  });

  test("knows whether the rep has answered the customer's latest message", () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    expect(conversation(readGmail(document)).answered).toBe(false); // the rep's reply came before it
    // the rep's message moved after the customer's latest: answered
    const rep = document.querySelector('[data-message-id="#msg-f:1826371094512330002"]')!;
    const latest = document.querySelector('[data-message-id="#msg-f:1826371094512330003"]')!;
    latest.after(rep);
    expect(conversation(readGmail(document)).answered).toBe(true);
  });

  test('finds the open reply box', () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const read = conversation(readGmail(document));
    expect(read.replyBox?.getAttribute('g_editable')).toBe('true');
    expect(createGmailAdapter(document).readDraft()).toBe('');
  });

  test('puts the badge slot just before the body of the latest customer message', () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const { badgeSlot, element } = conversation(readGmail(document)).latest;
    expect((badgeSlot.before as Element).classList.contains('a3s')).toBe(true);
    expect(element.contains(badgeSlot.parent)).toBe(true);
  });

  test('becomes a plain-data PageState', () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const state = toPageState('gmail', readGmail(document), location.href);
    expect(state).toMatchObject({
      kind: 'conversation',
      conversation: {
        site: 'gmail',
        conversationId: 'thread-f:1826371094512334501',
        subject: 'Still no refund for order #48213',
        customerMessageCount: 2,
        moreMessagesHidden: false,
        hasReplyBox: true,
        sender: { email: 'dana.whitfield@example.net', name: 'Dana Whitfield' },
        url: GMAIL_THREAD_URL,
      },
    });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
  });
});

describe('Gmail calm thread (thread-calm.html)', () => {
  test('reads the question, one customer message, no reply box', () => {
    loadFixture('gmail/thread-calm.html', GMAIL_CALM_URL);
    const read = conversation(readGmail(document));
    expect(read.conversationId).toBe('thread-f:1826455812093348102');
    expect(read.subject).toBe('Do you deliver to Ireland?');
    expect(read.latest.text).toBe(
      "Hi there,\n\nI'm thinking of ordering the Fellside rain jacket. Do you deliver to Ireland, and roughly how long does delivery take?\n\nThanks,\nPriya",
    );
    expect(read.customerMessageCount).toBe(1);
    expect(read.replyBox).toBeNull();
    expect(createGmailAdapter(document).readDraft()).toBeNull();
  });
});

describe('no conversation found', () => {
  test('on the inbox, even with a previously opened thread hidden in the page', () => {
    loadFixture('gmail/inbox.html', GMAIL_INBOX_URL);
    expect(document.querySelector('h2.hP')).not.toBeNull(); // the hidden old view
    expect(readGmail(document)).toEqual({ kind: 'no-conversation', reason: REASONS.noThread });
  });

  test('when the signed-in account cannot be found', () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    document.querySelector('a[aria-label^="Google Account:"]')!.remove();
    document.querySelector('input[name="from"]')!.remove();
    document.title = 'Gmail';
    expect(readGmail(document)).toEqual({ kind: 'no-conversation', reason: REASONS.noAccount });
  });

  test("when the customer's latest message is collapsed (no body in the page)", () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const item = document.querySelector('[data-message-id="#msg-f:1826371094512330003"]')!.closest('[role="listitem"]')!;
    item.className = 'kv'; // as Gmail collapses it: class kv, aria-expanded false, no body
    item.setAttribute('aria-expanded', 'false');
    item.querySelector('.ii.gt')!.remove();
    expect(readGmail(document)).toEqual({ kind: 'no-conversation', reason: REASONS.collapsed });
  });

  test("when the latest message is expanded but its body is not found, it does not tell the rep to expand it", () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    all('.a3s, .ii.gt').forEach((el) => (el.className = 'x9Qz')); // Gmail renamed the body's classes
    expect(readGmail(document)).toEqual({ kind: 'no-conversation', reason: REASONS.noBody });
  });

  test('when no message says who sent it, it does not claim the customer has not written', () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    unattr('[email]', 'email'); // Gmail moved the address to another attribute
    expect(readGmail(document)).toEqual({ kind: 'no-conversation', reason: REASONS.noSenders });
  });

  test("never reads a hidden thread view's messages as the open thread's when the open one's are not found", () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    // Gmail keeps the thread opened before in the page, hidden (as in inbox.html), beside the open one.
    const hidden = document.createElement('div');
    hidden.setAttribute('role', 'main');
    hidden.style.display = 'none';
    hidden.append(document.querySelector<HTMLTemplateElement>('template[data-demo-name="calm"]')!.content.cloneNode(true));
    document.querySelector('.bkK')!.append(hidden);
    expect(conversation(readGmail(document)).latest.text).toMatch(/^Hi Sam,/);
    // The open thread's message anchor is renamed; the hidden view still has the old one.
    all('[role="main"]:not([style]) [data-message-id]').forEach((el) => el.removeAttribute('data-message-id'));
    all('[role="main"]:not([style]) [data-legacy-message-id]').forEach((el) => el.removeAttribute('data-legacy-message-id'));
    expect(readGmail(document)).toEqual({ kind: 'no-conversation', reason: REASONS.noMessages });
  });

  test('when only the rep has written', () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    document.querySelectorAll('[email="dana.whitfield@example.net"].gD').forEach((el) => el.setAttribute('email', 'support@northwind-gear.example'));
    expect(readGmail(document)).toEqual({ kind: 'no-conversation', reason: REASONS.noCustomer });
  });

  test('when Gmail changes its page beyond every fallback', () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    document.querySelectorAll('[data-message-id]').forEach((el) => {
      el.removeAttribute('data-message-id');
      el.removeAttribute('data-legacy-message-id');
    });
    expect(readGmail(document)).toEqual({ kind: 'no-conversation', reason: REASONS.noMessages });
  });

  test('the adapter never throws, whatever the page does', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const adapter = createGmailAdapter(document);
    const broken = document.querySelector('h2.hP')!;
    Object.defineProperty(broken, 'parentElement', { get: () => { throw new Error('host page weirdness'); } });
    expect(adapter.read()).toMatchObject({ kind: 'no-conversation' });
    expect(() => adapter.replyBox()).not.toThrow();
    expect(() => adapter.readDraft()).not.toThrow();
    await expect(adapter.insert('x')).resolves.toMatchObject({ ok: false });
  });
});

describe('switching threads without a reload (the fixture page as Gmail would)', () => {
  test('#switch-thread swaps to the calm thread and updates the hash and title', () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    runFixtureScripts();
    click('#switch-thread');
    const read = conversation(readGmail(document));
    expect(read.conversationId).toBe('thread-f:1826455812093348102');
    expect(read.customerMessageCount).toBe(1);
    expect(location.hash).toBe('#inbox/FMfcgzQbgMtSkPwLqRnHjDfGvBcXzNaY');
    expect(document.title).toBe('Do you deliver to Ireland? - support@northwind-gear.example - Gmail');
    click('#switch-thread');
    expect(conversation(readGmail(document)).conversationId).toBe('thread-f:1826371094512334501');
  });

  test('[data-demo-switch="inbox"] leaves no thread open', () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    runFixtureScripts();
    click('[data-demo-switch="inbox"]');
    expect(readGmail(document)).toMatchObject({ kind: 'no-conversation', reason: REASONS.noThread });
    expect(location.hash).toBe('#inbox');
  });
});

describe('helpers', () => {
  test.each([
    ['#inbox/FMfcgzQbfLxRnWqKsTdVpHjCmZvBnXcT', 'FMfcgzQbfLxRnWqKsTdVpHjCmZvBnXcT'],
    ['#label/Support/FMfcgzQbfLxRnWqKsTdVpHjCmZvBnXcT', 'FMfcgzQbfLxRnWqKsTdVpHjCmZvBnXcT'],
    ['#search/refund/195895e1c2a4b3a5', '195895e1c2a4b3a5'],
    ['#inbox', null],
    ['#inbox/p2', null],
    ['#settings/general', null],
    ['', null],
  ])('thread id from the hash %j', (hash, expected) => {
    expect(threadIdFromHash(hash)).toBe(expected);
  });

  test('own addresses: the signed-in account plus the send-as address of the open reply', () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    document.querySelector<HTMLInputElement>('input[name="from"]')!.value = 'Northwind Help <help@northwind-gear.example>';
    expect([...ownAddresses(document)].sort()).toEqual(['help@northwind-gear.example', 'support@northwind-gear.example']);
  });
});
