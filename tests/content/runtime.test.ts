// @vitest-environment happy-dom
// The content script's runtime against the saved pages, with a fake background.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { BADGE_TAG, RESTORE_LIMIT, RESTORE_WINDOW_MS } from '@/lib/badge';
import { CONVERSATION_MOVED, startContentRuntime } from '@/lib/content';
import type { Handlers, MessageName, Messenger, Req } from '@/lib/messaging';
import type { PageState } from '@/lib/messaging/protocol';
import { createGmailAdapter } from '@/lib/sites/gmail';
import type { SiteAdapter } from '@/lib/sites/types';
import { createZendeskAdapter } from '@/lib/sites/zendesk';
import { click, GMAIL_INBOX_URL, GMAIL_THREAD_URL, loadFixture, runFixtureScripts, unloadFixture, ZENDESK_URL } from '../sites/fixtures';

interface Sent {
  type: MessageName;
  data: unknown;
}

/** Stands in for the background: scores "third time" as frustrated, anything else as calm. */
function fakeBackground(
  options: {
    delayMs?: number;
    analysis?: (s: PageState) => { level: 'calm' | 'frustrated'; score: number } | null;
    openPanel?: { opened: boolean; hint?: string };
  } = {},
) {
  const sent: Sent[] = [];
  let handlers: Handlers = {};
  const analyse =
    options.analysis ??
    ((s: PageState) =>
      s.kind !== 'conversation' ? null : /third time/.test(s.conversation.latestCustomerText) ? { level: 'frustrated' as const, score: 81 } : { level: 'calm' as const, score: 7 });
  const messenger: Messenger = {
    async send<K extends MessageName>(type: K, data: Req<K>) {
      sent.push({ type, data });
      if (type === 'content:openPanel') return options.openPanel as never;
      if (type !== 'content:pageState') return undefined;
      if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
      return analyse(data as PageState) as never;
    },
    listen(h) {
      handlers = h;
      return () => {
        handlers = {};
      };
    },
  };
  return {
    messenger,
    sent,
    of: (type: MessageName) => sent.filter((s) => s.type === type).map((s) => s.data),
    ask: <K extends MessageName>(type: K, data: Req<K>) => (handlers[type] as (d: Req<K>, s: object) => unknown)(data, {}),
    listening: () => Object.keys(handlers),
  };
}

let controller: AbortController;
const settle = (ms = 0) => vi.advanceTimersByTimeAsync(ms);
const badges = () => Array.from(document.querySelectorAll(BADGE_TAG));
const badgeAttrs = () => {
  const [b] = badges();
  return b && {
    conversation: b.getAttribute('data-conversation'),
    level: b.getAttribute('data-level'),
    score: b.getAttribute('data-score'),
    customerMessages: b.getAttribute('data-customer-messages'),
  };
};

beforeEach(() => {
  vi.useFakeTimers();
  controller = new AbortController();
});
afterEach(() => {
  controller.abort();
  unloadFixture();
  vi.useRealTimers();
});

function start(adapter: SiteAdapter, bg = fakeBackground()) {
  const runtime = startContentRuntime({ adapter, messenger: bg.messenger, signal: controller.signal, debounceMs: 250, draftDebounceMs: 400 });
  return { runtime, bg };
}

describe('Gmail', () => {
  test('sends the page state and puts one badge by the latest customer message', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const { bg } = start(createGmailAdapter(document));
    await settle();
    expect(bg.of('content:pageState')).toHaveLength(1);
    expect(bg.of('content:pageState')[0]).toMatchObject({ kind: 'conversation', conversation: { conversationId: 'thread-f:1826371094512334501', customerMessageCount: 2 } });
    expect(badges()).toHaveLength(1);
    expect(badgeAttrs()).toEqual({ conversation: 'thread-f:1826371094512334501', level: 'frustrated', score: '81', customerMessages: '2' });
    expect(badges()[0]!.closest('[data-message-id]')!.getAttribute('data-message-id')).toBe('#msg-f:1826371094512330003');
  });

  test('is silent once the page settles: no messages, no observer callbacks', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const { runtime, bg } = start(createGmailAdapter(document));
    await settle(1000); // the badge's own insertion is ignored
    const settled = { sent: bg.sent.length, callbacks: runtime.watcher.stats.callbacks, runs: runtime.watcher.stats.runs };
    await settle(60_000);
    expect({ sent: bg.sent.length, callbacks: runtime.watcher.stats.callbacks, runs: runtime.watcher.stats.runs }).toEqual(settled);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('when the rep switches thread, the badge moves and its attributes update', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    runFixtureScripts();
    const { bg } = start(createGmailAdapter(document));
    await settle();
    click('#switch-thread');
    await settle(300);
    expect(bg.of('content:pageState')).toHaveLength(2);
    expect(badges()).toHaveLength(1);
    expect(badgeAttrs()).toEqual({ conversation: 'thread-f:1826455812093348102', level: 'calm', score: '7', customerMessages: '1' });
    expect(badges()[0]!.closest('[data-message-id]')!.getAttribute('data-message-id')).toBe('#msg-f:1826455812093340001');
    click('#switch-thread');
    await settle(300);
    expect(badges()).toHaveLength(1);
    expect(badgeAttrs()?.conversation).toBe('thread-f:1826371094512334501');
  });

  test('back in the inbox there is no badge', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    runFixtureScripts();
    const { bg } = start(createGmailAdapter(document));
    await settle();
    click('[data-demo-switch="inbox"]');
    await settle(300);
    expect(bg.of('content:pageState').at(-1)).toMatchObject({ kind: 'no-conversation', site: 'gmail' });
    expect(badges()).toHaveLength(0);
  });

  test('a page with no conversation never gets a badge', async () => {
    loadFixture('gmail/inbox.html', GMAIL_INBOX_URL);
    const { bg } = start(createGmailAdapter(document));
    await settle(1000);
    expect(bg.of('content:pageState')).toEqual([expect.objectContaining({ kind: 'no-conversation' })]);
    expect(badges()).toHaveLength(0);
  });

  test('puts the badge back when the host re-renders the message, without asking the background again', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const { bg } = start(createGmailAdapter(document));
    await settle();
    const body = document.querySelector('[data-message-id="#msg-f:1826371094512330003"] .ii.gt')!;
    const redrawn = body.cloneNode(true) as Element;
    redrawn.querySelector(BADGE_TAG)?.remove();
    body.replaceWith(redrawn); // Gmail redraws from its own model; the badge is gone with the old node
    expect(badges()).toHaveLength(0);
    await settle(300);
    expect(badges()).toHaveLength(1);
    expect(bg.of('content:pageState')).toHaveLength(1);
  });

  test('no analysis, no badge', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    start(createGmailAdapter(document), fakeBackground({ analysis: () => null }));
    await settle(300);
    expect(badges()).toHaveLength(0);
  });

  test('an answer for a conversation the rep has left is ignored', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    runFixtureScripts();
    start(createGmailAdapter(document), fakeBackground({ delayMs: 500 }));
    click('#switch-thread'); // before the first answer arrives
    await settle(2000);
    expect(badges()).toHaveLength(1);
    expect(badgeAttrs()?.conversation).toBe('thread-f:1826455812093348102');
  });

  test('answers bg:refresh with a fresh read, sent again to the background', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const { bg } = start(createGmailAdapter(document));
    await settle();
    const state = bg.ask('bg:refresh', {}) as PageState;
    expect(state).toMatchObject({ kind: 'conversation', conversation: { conversationId: 'thread-f:1826371094512334501' } });
    expect(bg.of('content:pageState')).toHaveLength(2);
  });

  test('answers panel:getDraft and panel:insert, then reports the new draft once', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const { bg } = start(createGmailAdapter(document));
    await settle();
    expect(bg.ask('panel:getDraft', { tabId: 1 })).toEqual({ draft: '' });
    await expect(bg.ask('panel:insert', { tabId: 1, text: "I'm sorry this has taken so long." })).resolves.toEqual({ ok: true });
    await settle(500);
    expect(bg.of('content:draftChanged')).toEqual([{ conversationId: 'thread-f:1826371094512334501', draft: "I'm sorry this has taken so long." }]);
    await expect(bg.ask('panel:replace', { tabId: 1, find: 'taken so long', occurrence: 0, text: 'dragged on' })).resolves.toEqual({ ok: true });
    await settle(500);
    expect(bg.of('content:draftChanged').at(-1)).toEqual({ conversationId: 'thread-f:1826371094512334501', draft: "I'm sorry this has dragged on." });
  });

  test('an edit naming a conversation is refused when the page shows none', async () => {
    loadFixture('gmail/inbox.html', GMAIL_INBOX_URL);
    const { bg } = start(createGmailAdapter(document));
    await settle();
    await expect(bg.ask('panel:insert', { tabId: 1, text: 'Sorry.', conversationId: 'thread-f:1826371094512334501' })).resolves.toEqual({
      ok: false,
      error: CONVERSATION_MOVED,
      refused: 'conversation-moved',
    });
  });

  test('reports typing in the reply box, debounced', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const { bg } = start(createGmailAdapter(document));
    await settle();
    const box = document.querySelector<HTMLElement>('div[g_editable="true"]')!;
    for (const draft of ['I', 'I am', 'I am sorry']) {
      box.textContent = draft;
      box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
      await settle(100);
    }
    expect(bg.of('content:draftChanged')).toEqual([]);
    await settle(400);
    expect(bg.of('content:draftChanged')).toEqual([{ conversationId: 'thread-f:1826371094512334501', draft: 'I am sorry' }]);
    expect(bg.of('content:pageState')).toHaveLength(1); // typing is not a page change
  });

  test('the badge click asks the background to open the panel', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const { bg } = start(createGmailAdapter(document));
    await settle();
    badges()[0]!.shadowRoot!.querySelector('button')!.click();
    expect(bg.of('content:openPanel')).toEqual([{}]);
    await settle();
    expect(badges()[0]!.shadowRoot!.querySelector<HTMLElement>('.note')!.hidden).toBe(true);
  });

  test('when the browser would not open the panel (Firefox), the badge says how to open it', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const hint = 'Open Defuse with Alt+Shift+D or its toolbar button.';
    const { bg } = start(createGmailAdapter(document), fakeBackground({ openPanel: { opened: false, hint } }));
    await settle();
    badges()[0]!.shadowRoot!.querySelector('button')!.click();
    await settle();
    const note = badges()[0]!.shadowRoot!.querySelector<HTMLElement>('.note')!;
    expect(bg.of('content:openPanel')).toEqual([{}]);
    expect(note.hidden).toBe(false);
    expect(note.textContent).toBe(hint);
  });

  test('stops cleanly: badge gone, listener gone, nothing more sent', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    runFixtureScripts();
    const { bg } = start(createGmailAdapter(document));
    await settle();
    controller.abort();
    expect(badges()).toHaveLength(0);
    expect(bg.listening()).toEqual([]);
    click('#switch-thread');
    await settle(1000);
    expect(bg.of('content:pageState')).toHaveLength(1);
  });

  test('an adapter that throws never reaches the host page', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const broken: SiteAdapter = {
      ...createGmailAdapter(document),
      read: () => {
        throw new Error('boom');
      },
      readDraft: () => {
        throw new Error('boom');
      },
      insert: () => {
        throw new Error('boom'); // even synchronously, though the interface says Promise
      },
      replace: () => {
        throw new Error('boom');
      },
    };
    const { bg } = start(broken);
    await settle();
    expect(bg.of('content:pageState')).toEqual([expect.objectContaining({ kind: 'no-conversation' })]);
    expect(bg.ask('panel:getDraft', { tabId: 1 })).toBeNull();
    await expect(bg.ask('panel:insert', { tabId: 1, text: 'x' })).resolves.toMatchObject({ ok: false });
    await expect(bg.ask('panel:replace', { tabId: 1, find: 'a', occurrence: 0, text: 'x' })).resolves.toMatchObject({ ok: false });
  });
});

describe('when the host takes the badge out while the same conversation stays open', () => {
  const LATEST_GMAIL = '[data-message-id="#msg-f:1826371094512330003"]';
  /** Gmail redraws the message body from its own model: a copy without our badge replaces the node that held it. */
  const redrawGmailBody = () => {
    const body = document.querySelector(`${LATEST_GMAIL} .ii.gt`)!;
    const redrawn = body.cloneNode(true) as Element;
    redrawn.querySelector(BADGE_TAG)?.remove();
    body.replaceWith(redrawn);
  };
  /** A reconciler that drops the nodes it did not render: only the badge goes. */
  const dropBadge = () => badges().forEach((el) => el.remove());
  /** Counts every <defuse-badge> put into the page. */
  function countInsertions() {
    let count = 0;
    const mo = new MutationObserver((records) => {
      for (const r of records) count += Array.from(r.addedNodes).filter((n) => n.nodeName.toLowerCase() === BADGE_TAG).length;
    });
    mo.observe(document.body, { childList: true, subtree: true });
    return { get count() { return count; }, stop: () => mo.disconnect() };
  }

  test('a redrawn message gets the same badge back at the next check, without a new analysis', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const { bg } = start(createGmailAdapter(document));
    await settle();
    const shown = badgeAttrs();
    expect(shown).toMatchObject({ level: 'frustrated', score: '81' });
    for (let i = 0; i < 2; i++) {
      redrawGmailBody();
      expect(badges()).toHaveLength(0);
      await settle(300);
      expect(badges()).toHaveLength(1);
      expect(badgeAttrs()).toEqual(shown);
      expect(badges()[0]!.closest('[data-message-id]')!.getAttribute('data-message-id')).toBe('#msg-f:1826371094512330003');
    }
    expect(bg.of('content:pageState')).toHaveLength(1);
  });

  test('a badge removed on its own (a reconciler dropping foreign nodes) comes back too', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const { bg } = start(createGmailAdapter(document));
    await settle(1000);
    const shown = badgeAttrs();
    for (let i = 0; i < 2; i++) {
      dropBadge();
      expect(badges()).toHaveLength(0);
      await settle(300);
      expect(badges()).toHaveLength(1);
      expect(badgeAttrs()).toEqual(shown);
      expect(badges()[0]!.nextElementSibling?.classList.contains('a3s')).toBe(true); // still before the body
    }
    expect(bg.of('content:pageState')).toHaveLength(1);
  });

  test('Zendesk re-mounting the comment puts the badge back on the same ticket, without a new analysis', async () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    const { bg } = start(createZendeskAdapter(document));
    await settle();
    const shown = badgeAttrs();
    expect(shown).toEqual({ conversation: '123', level: 'frustrated', score: '81', customerMessages: '2' });
    const article = badges()[0]!.closest('article')!;
    const remounted = article.cloneNode(true) as Element;
    remounted.querySelector(BADGE_TAG)?.remove();
    article.replaceWith(remounted);
    expect(badges()).toHaveLength(0);
    await settle(300);
    expect(badges()).toHaveLength(1);
    expect(badgeAttrs()).toEqual(shown);
    expect(badges()[0]!.closest('article')).toBe(remounted);
    expect(bg.of('content:pageState')).toHaveLength(1);
  });

  test(`a host that keeps removing it gets ${RESTORE_LIMIT} restores, then a quiet page`, async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const { runtime, bg } = start(createGmailAdapter(document));
    await settle(1000);
    const inserted = countInsertions();
    const hostile = new MutationObserver(dropBadge); // removes our badge as soon as it appears
    hostile.observe(document.body, { childList: true, subtree: true });
    try {
      dropBadge();
      await settle(5000);
      expect(inserted.count).toBe(RESTORE_LIMIT);
      expect(badges()).toHaveLength(0);
      const settled = { runs: runtime.watcher.stats.runs, callbacks: runtime.watcher.stats.callbacks };
      await settle(RESTORE_WINDOW_MS * 2); // given up: no loop, not even once the minute is over
      expect(inserted.count).toBe(RESTORE_LIMIT);
      expect({ runs: runtime.watcher.stats.runs, callbacks: runtime.watcher.stats.callbacks }).toEqual(settled);
      expect(vi.getTimerCount()).toBe(0);
      expect(bg.of('content:pageState')).toHaveLength(1);
    } finally {
      hostile.disconnect();
      inserted.stop();
    }
    // The host calms down but this conversation stays given up: a later redraw brings nothing back.
    redrawGmailBody();
    await settle(300);
    expect(badges()).toHaveLength(0);
  });

  test('after the cap, another conversation gets its badge and its own restores, and so does the first one again', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    runFixtureScripts();
    const { bg } = start(createGmailAdapter(document));
    await settle(1000);
    for (let i = 0; i <= RESTORE_LIMIT; i++) {
      dropBadge();
      await settle(300);
    }
    expect(badges()).toHaveLength(0); // the cap was hit on the frustrated thread
    click('#switch-thread');
    await settle(300);
    expect(badgeAttrs()).toEqual({ conversation: 'thread-f:1826455812093348102', level: 'calm', score: '7', customerMessages: '1' });
    dropBadge();
    await settle(300);
    expect(badgeAttrs()?.conversation).toBe('thread-f:1826455812093348102');
    click('#switch-thread');
    await settle(300);
    expect(badgeAttrs()).toMatchObject({ conversation: 'thread-f:1826371094512334501', level: 'frustrated', score: '81' });
    dropBadge();
    await settle(300);
    expect(badges()).toHaveLength(1);
    expect(bg.of('content:pageState')).toHaveLength(3); // one analysis per conversation shown, none per restore
  });

  test('after the cap, a new customer message in the same conversation gets its badge back', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const { bg } = start(createGmailAdapter(document));
    await settle(1000);
    for (let i = 0; i <= RESTORE_LIMIT; i++) {
      dropBadge();
      await settle(300);
    }
    expect(badges()).toHaveLength(0); // given up on this conversation
    redrawGmailBody();
    await settle(300);
    expect(badges()).toHaveLength(0); // a plain redraw is still no news
    // The customer writes again: Gmail shows the new message where the latest one was.
    document.querySelector(`${LATEST_GMAIL} .a3s`)!.textContent = 'Still nothing. This is the fourth time I am asking.';
    await settle(300);
    expect(bg.of('content:pageState')).toHaveLength(2);
    expect(badges()).toHaveLength(1);
    expect(badgeAttrs()?.conversation).toBe('thread-f:1826371094512334501');
    dropBadge(); // and it has restores again
    await settle(300);
    expect(badges()).toHaveLength(1);
  });

  test('occasional re-renders through a long shift keep getting the badge back', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const { bg } = start(createGmailAdapter(document));
    await settle(1000);
    for (let i = 0; i < RESTORE_LIMIT * 3; i++) {
      redrawGmailBody();
      await settle(RESTORE_WINDOW_MS / RESTORE_LIMIT);
      expect(badges()).toHaveLength(1);
    }
    expect(bg.of('content:pageState')).toHaveLength(1);
  });

  test('a removal just before the runtime stops puts nothing back and throws nothing', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const { runtime, bg } = start(createGmailAdapter(document));
    await settle(1000);
    const runs = runtime.watcher.stats.runs;
    redrawGmailBody();
    dropBadge();
    await Promise.resolve(); // MutationObserver callbacks are microtasks
    expect(vi.getTimerCount()).toBe(1); // the watcher saw the removal and armed its check
    expect(() => controller.abort()).not.toThrow();
    await settle(1000);
    expect(badges()).toHaveLength(0);
    expect(runtime.watcher.stats.runs).toBe(runs);
    expect(bg.sent).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('after it stopped, host re-renders and late calls re-insert nothing, send nothing and watch nothing', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const { runtime, bg } = start(createGmailAdapter(document));
    await settle();
    controller.abort();
    expect(badges()).toHaveLength(0);
    redrawGmailBody();
    expect(() => runtime.update()).not.toThrow();
    expect(() => runtime.update(true)).not.toThrow();
    expect(runtime.update()).toMatchObject({ kind: 'conversation' }); // still reads, for whoever asks
    await settle(1000);
    expect(badges()).toHaveLength(0);
    expect(bg.sent).toHaveLength(1);
    const box = document.querySelector<HTMLElement>('div[g_editable="true"]')!;
    box.append(document.createTextNode('typed after the stop'));
    await settle(1000);
    expect(bg.of('content:draftChanged')).toEqual([]); // no draft watcher was re-armed
  });

  test('an analysis that arrives after the stop places no badge', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    start(createGmailAdapter(document), fakeBackground({ delayMs: 500 }));
    await settle(100);
    controller.abort();
    await settle(1000);
    expect(badges()).toHaveLength(0);
  });
});

describe('Zendesk', () => {
  test('badges the selected ticket and follows the rep to the other tab', async () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    runFixtureScripts();
    start(createZendeskAdapter(document));
    await settle();
    expect(badgeAttrs()).toEqual({ conversation: '123', level: 'frustrated', score: '81', customerMessages: '2' });
    expect(badges()[0]!.closest('[data-ticket-id]')!.getAttribute('data-ticket-id')).toBe('123');
    click('a[data-entity-id="118"]');
    await settle(300);
    expect(badges()).toHaveLength(1);
    expect(badgeAttrs()).toEqual({ conversation: '118', level: 'calm', score: '7', customerMessages: '1' });
    expect(badges()[0]!.closest('[data-ticket-id]')!.getAttribute('data-ticket-id')).toBe('118');
  });

  test('Insert or Use rewrite right after the rep switched ticket never writes into the other ticket', async () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    runFixtureScripts();
    // Chromium's execCommand('insertText'), which happy-dom lacks: insert at the selection.
    Object.assign(document, {
      execCommand: (_cmd: string, _ui: boolean, text: string) => {
        document.getSelection()!.getRangeAt(0).insertNode(document.createTextNode(text));
        return true;
      },
    });
    const box = (id: string) => document.querySelector(`[data-ticket-id="${id}"] [data-test-id="omnicomposer-rich-text-ckeditor"]`)!;
    try {
      const { bg } = start(createZendeskAdapter(document));
      await settle();
      click('a[data-entity-id="118"]'); // the panel still shows #123: the re-read is 250 ms away
      const text = "Dana, I'm sorry your refund for order #48213 is late.";
      await expect(bg.ask('panel:insert', { tabId: 1, text })).resolves.toEqual({ ok: false, error: CONVERSATION_MOVED, refused: 'conversation-moved' });
      expect(box('118').textContent).toBe('Draft for Priya');
      expect(box('123').textContent).toBe('');
      // the new ticket was read and sent at once, so the panel catches up
      expect(bg.of('content:pageState').at(-1)).toMatchObject({ conversation: { conversationId: '118' } });

      click('a[data-entity-id="123"]'); // and back, then a rewrite meant for #118's draft
      await expect(bg.ask('panel:replace', { tabId: 1, find: 'Draft', occurrence: 0, text: 'Reply' })).resolves.toEqual({
        ok: false,
        error: CONVERSATION_MOVED,
        refused: 'conversation-moved',
      });
      expect(box('123').textContent).toBe('');
      expect(bg.of('content:pageState').at(-1)).toMatchObject({ conversation: { conversationId: '123' } });

      // once the panel shows the ticket, Insert goes into its reply box
      const done = bg.ask('panel:insert', { tabId: 1, text }) as Promise<unknown>;
      await settle(100);
      await expect(done).resolves.toEqual({ ok: true });
      expect(box('123').textContent).toBe(text);
    } finally {
      Reflect.deleteProperty(document, 'execCommand');
    }
  });

  describe('requests that name the conversation they are for', () => {
    const box = (id: string) => document.querySelector(`[data-ticket-id="${id}"] [data-test-id="omnicomposer-rich-text-ckeditor"]`)!;
    beforeEach(() => {
      loadFixture('zendesk/ticket.html', ZENDESK_URL);
      runFixtureScripts();
      // Chromium's execCommand('insertText'), which happy-dom lacks: the text replaces the selection.
      Object.assign(document, {
        execCommand: (_cmd: string, _ui: boolean, text: string) => {
          const range = document.getSelection()!.getRangeAt(0);
          range.deleteContents();
          range.insertNode(document.createTextNode(text));
          return true;
        },
      });
    });
    afterEach(() => {
      Reflect.deleteProperty(document, 'execCommand');
    });

    /** The rep switched to ticket #118 and the page has already told the background; the panel still shows #123. */
    async function onTicket118() {
      const { bg } = start(createZendeskAdapter(document));
      await settle();
      click('a[data-entity-id="118"]');
      await settle(300);
      expect(bg.of('content:pageState').at(-1)).toMatchObject({ conversation: { conversationId: '118' } });
      return bg;
    }

    test('Insert for another conversation than the open one is refused, though the page already reported the switch', async () => {
      const bg = await onTicket118();
      const text = "Dana, I'm sorry your refund for order #48213 is late.";
      await expect(bg.ask('panel:insert', { tabId: 1, text, conversationId: '123' })).resolves.toEqual({
        ok: false,
        error: CONVERSATION_MOVED,
        refused: 'conversation-moved',
      });
      expect(box('118').textContent).toBe('Draft for Priya');
      expect(box('123').textContent).toBe('');
    });

    test('Use rewrite for another conversation leaves the open reply box alone', async () => {
      const bg = await onTicket118();
      await expect(bg.ask('panel:replace', { tabId: 1, find: 'Draft', occurrence: 0, text: 'Reply', conversationId: '123' })).resolves.toEqual({
        ok: false,
        error: CONVERSATION_MOVED,
        refused: 'conversation-moved',
      });
      expect(box('118').textContent).toBe('Draft for Priya');
    });

    test('an edit for the open conversation goes ahead', async () => {
      const bg = await onTicket118();
      const done = bg.ask('panel:replace', { tabId: 1, find: 'Draft', occurrence: 0, text: 'Reply', conversationId: '118' }) as Promise<unknown>;
      await settle(100); // the CKEditor bridge's wait for the page-world script
      await expect(done).resolves.toEqual({ ok: true });
      expect(box('118').textContent).toBe('Reply for Priya');
    });

    test("the draft read for another conversation is null, not the open one's draft", async () => {
      const bg = await onTicket118();
      expect(bg.ask('panel:getDraft', { tabId: 1, conversationId: '123' })).toBeNull();
      expect(bg.ask('panel:getDraft', { tabId: 1, conversationId: '118' })).toEqual({ draft: 'Draft for Priya' });
      expect(bg.ask('panel:getDraft', { tabId: 1 })).toEqual({ draft: 'Draft for Priya' }); // older callers: as before
    });

    test('a switch the page has not re-read yet is caught too, and the new ticket is sent at once', async () => {
      const { bg } = start(createZendeskAdapter(document));
      await settle();
      click('a[data-entity-id="118"]'); // the re-read is 250 ms away
      await expect(bg.ask('panel:insert', { tabId: 1, text: 'Sorry.', conversationId: '123' })).resolves.toMatchObject({ refused: 'conversation-moved' });
      expect(bg.of('content:pageState').at(-1)).toMatchObject({ conversation: { conversationId: '118' } });
      expect(box('118').textContent).toBe('Draft for Priya');
    });
  });

  test('hears CKEditor edits (which fire no input event) as draft changes', async () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    const { bg } = start(createZendeskAdapter(document));
    await settle();
    const p = document.querySelector('[data-ticket-id="123"] [data-test-id="omnicomposer-rich-text-ckeditor"] p')!;
    p.textContent = 'Hi Dana';
    await settle(500);
    expect(bg.of('content:draftChanged')).toEqual([{ conversationId: '123', draft: 'Hi Dana' }]);
  });
});
