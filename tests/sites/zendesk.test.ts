// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { toPageState } from '@/lib/sites';
import { createZendeskAdapter, readZendesk, REASONS, selectedTicketId } from '@/lib/sites/zendesk';
import { click, conversation, loadFixture, runFixtureScripts, setUrl, unloadFixture, ZENDESK_URL } from './fixtures';

afterEach(unloadFixture);

describe('Zendesk workspace with two tickets mounted (ticket.html)', () => {
  test('reads the selected ticket: number, subject from the input value, latest end-user comment', () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    const read = conversation(readZendesk(document));
    expect(read.conversationId).toBe('123');
    expect(read.subject).toBe('Order #48213 never refunded');
    expect(read.latest.sender).toEqual({ name: 'Dana Whitfield' });
    expect(read.latest.sentAt).toBe('2025-03-12T08:03:00Z');
    expect(read.latest.text).toBe(
      [
        'Hi Sam,',
        'As per my last email, I sent the boots back on 14 February and I still haven\'t received my refund of £149 for order #48213.',
        "This is the third time I'm writing about this. I was promised a call back on Monday and nobody called. I've been a customer for six years and I'd hate to take my business elsewhere, but I'm running out of options.",
        'Kindly advise when I can expect the money back.',
        'Regards,\nDana',
      ].join('\n\n'),
    );
  });

  test('never reads agent replies or internal notes as the customer', () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    const read = conversation(readZendesk(document));
    expect(read.customerMessageCount).toBe(2);
    expect(read.latest.text).not.toContain('furious'); // the internal note
    expect(read.latest.text).not.toContain('returns team'); // the agent reply, also quoted
  });

  test('says the count is a floor when older comments are folded behind "Show more"', () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    expect(conversation(readZendesk(document)).moreMessagesHidden).toBe(true);
  });

  test("scopes the reply box and draft to the selected ticket, not the other tab's", () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    const read = conversation(readZendesk(document));
    expect(read.replyBox?.closest('[data-ticket-id]')?.getAttribute('data-ticket-id')).toBe('123');
    expect(createZendeskAdapter(document).readDraft()).toBe('');
  });

  test('puts the badge slot just before the message content', () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    const { badgeSlot, element } = conversation(readZendesk(document)).latest;
    expect((badgeSlot.before as Element).getAttribute('data-test-id')).toBe('omni-log-message-content');
    expect(element.contains(badgeSlot.parent)).toBe(true);
  });

  test('the other mounted ticket (#118): calm question, latest customer comment is not the last comment', () => {
    loadFixture('zendesk/ticket.html', 'https://acme.zendesk.com/agent/tickets/118');
    const read = conversation(readZendesk(document));
    expect(read.conversationId).toBe('118');
    expect(read.subject).toBe('Fellside jacket sizes');
    expect(read.latest.text).toBe("Hi, does the Fellside rain jacket come in size XS? I'd like to order one before the weekend if so.\n\nThanks, Priya");
    expect(read.customerMessageCount).toBe(1);
    expect(read.moreMessagesHidden).toBe(false);
    expect(read.answered).toBe(true); // Sam replied at 11:45
    expect(createZendeskAdapter(document).readDraft()).toBe('Draft for Priya');
  });

  test('an internal note after the customer is not an answer; an agent reply is (by timestamp)', () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    expect(conversation(readZendesk(document)).answered).toBe(false); // #123: only a note, before her latest
    const pane = document.querySelector('[data-ticket-id="123"]')!;
    const reply = pane.querySelector('[type="agent"] [data-test-id="timestamp-relative"]')!;
    reply.setAttribute('datetime', '2025-03-12T09:00:00Z');
    expect(conversation(readZendesk(document)).answered).toBe(true);
  });

  test('picks the latest customer comment by its time when the log is sorted newest first', () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    const log = document.querySelector('[data-ticket-id="123"] [data-test-id="omni-log-container"]')!;
    Array.from(log.querySelectorAll('article')).reverse().forEach((a) => log.append(a));
    expect(conversation(readZendesk(document)).latest.sentAt).toBe('2025-03-12T08:03:00Z');
  });

  test('becomes a plain-data PageState', () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    expect(toPageState('zendesk', readZendesk(document), location.href)).toMatchObject({
      kind: 'conversation',
      conversation: { site: 'zendesk', conversationId: '123', customerMessageCount: 2, moreMessagesHidden: true, hasReplyBox: true, url: ZENDESK_URL },
    });
  });
});

describe('no conversation found', () => {
  test('outside a ticket with no ticket tab selected', () => {
    loadFixture('zendesk/ticket.html', 'https://acme.zendesk.com/agent/dashboard');
    document.querySelectorAll('[data-entity-is-selected="true"]').forEach((t) => t.setAttribute('data-entity-is-selected', 'false'));
    expect(readZendesk(document)).toEqual({ kind: 'no-conversation', reason: REASONS.noTicket });
  });

  test('when the ticket in the URL is not mounted in the page', () => {
    loadFixture('zendesk/ticket.html', 'https://acme.zendesk.com/agent/tickets/999');
    expect(readZendesk(document)).toEqual({ kind: 'no-conversation', reason: REASONS.notLoaded('999') });
  });

  test('when the ticket has no customer comment', () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    document.querySelectorAll('[data-ticket-id="123"] [type="end-user"]').forEach((m) => m.setAttribute('type', 'agent'));
    expect(readZendesk(document)).toEqual({ kind: 'no-conversation', reason: REASONS.noCustomer('123') });
  });

  test('when a comment has no author type, it is not guessed to be the customer', () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    document.querySelectorAll('[data-ticket-id="123"] [type="end-user"]').forEach((m) => m.removeAttribute('type'));
    expect(readZendesk(document)).toEqual({ kind: 'no-conversation', reason: REASONS.noCustomer('123') });
  });

  test('when no comment says who wrote it, it says the page changed, not that the customer has not written', () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    document.querySelectorAll('[data-ticket-id="123"] [type]').forEach((m) => m.removeAttribute('type'));
    expect(readZendesk(document)).toEqual({ kind: 'no-conversation', reason: REASONS.noAuthors('123') });
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    document.querySelectorAll('[data-test-id="omni-log-item-message"]').forEach((m) => m.removeAttribute('data-test-id'));
    expect(readZendesk(document)).toEqual({ kind: 'no-conversation', reason: REASONS.noAuthors('123') });
  });

  test("when the latest customer comment's text is not found, it says the page changed", () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    document.querySelectorAll('[data-test-id="omni-log-message-content"]').forEach((m) => m.removeAttribute('data-test-id'));
    document.querySelectorAll('.zd-comment').forEach((m) => m.classList.remove('zd-comment'));
    expect(readZendesk(document)).toEqual({ kind: 'no-conversation', reason: REASONS.noContent('123') });
  });

  test('a customer comment with no words (only an image, only spaces) says so', () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    const latest = document.querySelectorAll('[data-ticket-id="123"] [type="end-user"] .zd-comment')[1]!;
    latest.innerHTML = '<p>&nbsp;</p><p><img alt="" src="data:,"></p>';
    expect(readZendesk(document)).toEqual({ kind: 'no-conversation', reason: REASONS.noText });
  });

  test('when Zendesk changes its page beyond every fallback', () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    document.querySelectorAll('[data-test-id="omni-log-container"], [data-test-id="omni-log-comment-item"]').forEach((el) => el.removeAttribute('data-test-id'));
    expect(readZendesk(document)).toEqual({ kind: 'no-conversation', reason: REASONS.notLoaded('123') });
  });
});

describe('switching tickets without a reload (the fixture page as Zendesk would)', () => {
  test('clicking the other tab selects it and pushes its URL', () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    runFixtureScripts();
    click('a[data-entity-id="118"]');
    expect(location.pathname).toBe('/agent/tickets/118');
    expect(document.querySelector('a[data-entity-id="118"]')!.getAttribute('data-entity-is-selected')).toBe('true');
    expect(conversation(readZendesk(document)).conversationId).toBe('118');
    click('[data-demo-switch="123"]');
    expect(conversation(readZendesk(document)).conversationId).toBe('123');
  });

  test('on load, the ticket named in the URL is selected', () => {
    loadFixture('zendesk/ticket.html', 'https://acme.zendesk.com/agent/tickets/118');
    runFixtureScripts();
    expect(document.querySelector('[data-ticket-id="123"]')!.hasAttribute('hidden')).toBe(true);
    expect(document.querySelector('a[data-entity-id="118"]')!.getAttribute('aria-current')).toBe('page');
  });
});

describe('selectedTicketId', () => {
  test.each([
    ['https://acme.zendesk.com/agent/tickets/123', '123'],
    ['https://acme.zendesk.com/agent/tickets/123/events', '123'],
    ['https://acme.zendesk.com/agent/tickets/new/1', '123'], // not a ticket path: the selected tab
  ])('%s → %s', (url, id) => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    setUrl(url);
    expect(selectedTicketId(document)).toBe(id);
  });
});
