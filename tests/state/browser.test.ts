// The browser implementations, against WXT's fake browser.
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing';
import { UNREACHABLE, createBrowserBridge } from '@/lib/state/bridge';
import { createBrowserTabSource, tabIdFromQuery } from '@/lib/state/tabs';
import { pageWith } from './helpers';

afterEach(() => fakeBrowser.reset());

describe('tabIdFromQuery', () => {
  test.each([
    ['?tabId=42', 42],
    ['?x=1&tabId=7', 7],
    ['', null],
    ['?tabId=', null],
    ['?tabId=abc', null],
    ['?tabId=-3', null],
  ])('%s → %s', (search, expected) => expect(tabIdFromQuery(search)).toBe(expected));
});

describe('browser bridge', () => {
  test('asks for the page state with a typed envelope', async () => {
    const seen: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      seen.push(message);
      return Promise.resolve(pageWith());
    });
    const state = await createBrowserBridge().getPageState(5);
    expect(seen).toEqual([{ type: 'panel:getPageState', data: { tabId: 5 } }]);
    expect(state).toEqual(pageWith());
  });

  test('an unanswered page-state request means "not supported"', async () => {
    fakeBrowser.runtime.onMessage.addListener(() => undefined);
    expect(await createBrowserBridge().getPageState(5)).toBeNull();
  });

  test('insert never rejects: an unreachable page is a plain-words failure', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValueOnce(new Error('Could not establish connection.'));
    expect(await createBrowserBridge().insert(5, 'hi', 'thread-1')).toEqual({ ok: false, error: UNREACHABLE });
  });

  test('draft reads, inserts and replaces name the conversation they are for', async () => {
    const seen: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
      seen.push(message);
      return Promise.resolve({ ok: true });
    });
    const bridge = createBrowserBridge();
    await bridge.getDraft(5, 'thread-1');
    await bridge.insert(5, 'Sorry.', 'thread-1');
    await bridge.replace(5, 'calm down', 1, 'I hear you', 'thread-1');
    expect(seen).toEqual([
      { type: 'panel:getDraft', data: { tabId: 5, conversationId: 'thread-1' } },
      { type: 'panel:insert', data: { tabId: 5, text: 'Sorry.', conversationId: 'thread-1' } },
      { type: 'panel:replace', data: { tabId: 5, find: 'calm down', occurrence: 1, text: 'I hear you', conversationId: 'thread-1' } },
    ]);
  });

  test('hears page-state and draft broadcasts, and stops when unsubscribed', async () => {
    const bridge = createBrowserBridge();
    const pages: unknown[] = [];
    const drafts: unknown[] = [];
    const offPage = bridge.onPageStateChanged((c) => pages.push(c));
    const offDraft = bridge.onDraftChanged((c, tabId) => drafts.push([c, tabId]));
    const change = { tabId: 3, state: pageWith() };
    await fakeBrowser.runtime.onMessage.trigger({ type: 'bg:pageStateChanged', data: change }, {});
    await fakeBrowser.runtime.onMessage.trigger({ type: 'content:draftChanged', data: { conversationId: 't', draft: 'x' } }, { tab: { id: 3 } as Browser.tabs.Tab });
    await fakeBrowser.runtime.onMessage.trigger({ type: 'content:pageState', data: null }, {});
    await fakeBrowser.runtime.onMessage.trigger('junk', {});
    expect(pages).toEqual([change]);
    expect(drafts).toEqual([[{ conversationId: 't', draft: 'x' }, 3]]);
    offPage();
    offDraft();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'bg:pageStateChanged', data: change }, {});
    expect(pages).toHaveLength(1);
  });
});

describe('browser tab source', () => {
  test('a ?tabId in the URL pins the panel to that tab', async () => {
    const tabs = createBrowserTabSource('?tabId=9');
    expect(await tabs.current()).toBe(9);
    const events: unknown[] = [];
    tabs.subscribe((e) => events.push(e));
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 2, windowId: 1 });
    expect(events).toEqual([]);
  });

  test('otherwise follows the active tab of its window', async () => {
    const tab = { id: 4, windowId: 1, index: 0, highlighted: true, active: true, pinned: false, incognito: false };
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([tab]);
    const tabs = createBrowserTabSource('');
    expect(await tabs.current()).toBe(4);
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    const events: unknown[] = [];
    tabs.subscribe((e) => events.push(e));
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 77, windowId: tab.windowId });
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 78, windowId: 999 });
    await fakeBrowser.tabs.onUpdated.trigger(77, { url: 'https://mail.google.com/#inbox/x' }, tab);
    await fakeBrowser.tabs.onUpdated.trigger(77, { title: 'x' }, tab);
    expect(events).toEqual([
      { type: 'activated', tabId: 77 },
      { type: 'updated', tabId: 77 },
    ]);
  });
});
