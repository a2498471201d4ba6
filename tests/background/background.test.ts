// The background wired to WXT's fake browser (wxt/testing), with the side panel API stubbed
// (fakeBrowser has none).
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { PANEL_PATH, RELOAD_TAB, startBackground, type BackgroundBrowser } from '@/lib/background';
import type { PageState } from '@/lib/messaging/protocol';

const TICKET_URL = 'https://acme.zendesk.com/agent/tickets/123';
const state: PageState = {
  kind: 'conversation',
  conversation: {
    site: 'zendesk',
    conversationId: '123',
    subject: 'Order #48213 never refunded',
    latestCustomerText: "This is the third time I'm writing about this.",
    customerMessageCount: 2,
    hasReplyBox: true,
    url: TICKET_URL,
  },
};
/** fakeBrowser's events are typed with full Tab objects; these tests pass only what the code reads. */
const tab = (t: { id: number; url?: string }) => t as never;

function setup(options: { firefox?: boolean; shortcut?: string } = {}) {
  fakeBrowser.reset();
  const sidePanel = {
    setOptions: vi.fn(async () => undefined),
    setPanelBehavior: vi.fn(async () => undefined),
    open: vi.fn(async () => undefined),
  };
  // Firefox refuses: a click in a web page is not a user action there.
  const sidebarAction = {
    open: vi.fn(async () => {
      throw new Error('sidebarAction.open may only be called from a user input handler');
    }),
    toggle: vi.fn(async () => undefined),
  };
  let onActionClicked: (() => void) | undefined;
  const action = { onClicked: { addListener: (cb: () => void) => (onActionClicked = cb) } };
  const commands = { getAll: vi.fn(async () => [{ name: '_execute_sidebar_action', shortcut: options.shortcut ?? '' }]) };
  const tabsSendMessage = vi.fn(async (): Promise<unknown> => undefined);
  const runtimeSendMessage = vi.fn(async (): Promise<unknown> => undefined);
  const browser = {
    ...fakeBrowser,
    runtime: Object.assign(fakeBrowser.runtime, { sendMessage: runtimeSendMessage }),
    tabs: Object.assign(fakeBrowser.tabs, { sendMessage: tabsSendMessage }),
    ...(options.firefox ? { sidebarAction, action, commands } : { sidePanel }),
  } as unknown as BackgroundBrowser;
  const analyse = vi.fn(() => ({ level: 'frustrated' as const, score: 81 }));
  const started = startBackground(browser, analyse);
  const fromTab = { id: fakeBrowser.runtime.id, url: TICKET_URL, frameId: 0, tab: { id: 4, url: TICKET_URL, windowId: 2 } };
  const fromPanel = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/sidepanel.html') };
  const deliver = async (message: unknown, sender: object) => (await fakeBrowser.runtime.onMessage.trigger(message, sender)).find((r) => r !== undefined);
  const clickAction = () => onActionClicked?.();
  return { started, sidePanel, sidebarAction, tabsSendMessage, runtimeSendMessage, analyse, fromTab, fromPanel, deliver, clickAction };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('background on a fake browser', () => {
  test('the toolbar button opens the side panel; tabs open at start-up are set up too', async () => {
    const { sidePanel } = setup();
    expect(sidePanel.setPanelBehavior).toHaveBeenCalledWith({ openPanelOnActionClick: true });
    await vi.waitFor(() => expect(sidePanel.setOptions).toHaveBeenCalledWith({ tabId: 0, enabled: false })); // fakeBrowser's blank tab
  });

  test('enables the panel on Gmail and Zendesk tabs, disables it elsewhere', async () => {
    const { sidePanel } = setup();
    await fakeBrowser.tabs.onUpdated.trigger(11, { url: 'https://mail.google.com/mail/u/0/' }, tab({ id: 11, url: 'https://mail.google.com/mail/u/0/' }));
    await fakeBrowser.tabs.onUpdated.trigger(12, { url: 'https://example.com/' }, tab({ id: 12, url: 'https://example.com/' }));
    await fakeBrowser.tabs.onUpdated.trigger(13, { status: 'loading' }, tab({ id: 13 })); // a site we may not see
    await vi.waitFor(() => expect(sidePanel.setOptions).toHaveBeenCalledWith({ tabId: 13, enabled: false }));
    expect(sidePanel.setOptions).toHaveBeenCalledWith({ tabId: 11, path: PANEL_PATH, enabled: true });
    expect(sidePanel.setOptions).toHaveBeenCalledWith({ tabId: 12, enabled: false });
  });

  test('content:pageState → analysis for the badge, bg:pageStateChanged to the panel', async () => {
    const { deliver, fromTab, runtimeSendMessage, analyse } = setup();
    await expect(deliver({ type: 'content:pageState', data: state }, fromTab)).resolves.toEqual({ level: 'frustrated', score: 81 });
    expect(analyse).toHaveBeenCalledWith("This is the third time I'm writing about this.", { priorCustomerMessages: 1 });
    expect(runtimeSendMessage).toHaveBeenCalledWith({ type: 'bg:pageStateChanged', data: { tabId: 4, state, analysis: { level: 'frustrated', score: 81 } } });
  });

  test('panel:getPageState, panel:getDraft and panel:insert reach the tab (top frame)', async () => {
    const { deliver, fromTab, fromPanel, tabsSendMessage } = setup();
    await deliver({ type: 'content:pageState', data: state }, fromTab);
    await expect(deliver({ type: 'panel:getPageState', data: { tabId: 4 } }, fromPanel)).resolves.toEqual(state);
    tabsSendMessage.mockResolvedValueOnce({ draft: 'Hi Dana' });
    await expect(deliver({ type: 'panel:getDraft', data: { tabId: 4 } }, fromPanel)).resolves.toEqual({ draft: 'Hi Dana' });
    expect(tabsSendMessage).toHaveBeenCalledWith(4, { type: 'panel:getDraft', data: { tabId: 4 } }, { frameId: 0 });
    tabsSendMessage.mockResolvedValueOnce({ ok: true });
    await expect(deliver({ type: 'panel:insert', data: { tabId: 4, text: 'Sorry.' } }, fromPanel)).resolves.toEqual({ ok: true });
  });

  test('a Gmail tab open from before the install (no content script) is named, so the panel can say to reload it', async () => {
    const { deliver, fromPanel, tabsSendMessage } = setup();
    tabsSendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const gmail = await fakeBrowser.tabs.create({ url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg' });
    await expect(deliver({ type: 'panel:getPageState', data: { tabId: gmail.id } }, fromPanel)).resolves.toEqual({
      kind: 'no-conversation',
      site: 'gmail',
      url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg',
      reason: RELOAD_TAB,
    });
  });

  test('a closed tab is forgotten', async () => {
    const { deliver, fromTab, fromPanel, started } = setup();
    await deliver({ type: 'content:pageState', data: state }, fromTab);
    await fakeBrowser.tabs.onRemoved.trigger(4, { windowId: 2, isWindowClosing: false });
    expect(started.router.stateOf(4)).toBeNull();
    await expect(deliver({ type: 'panel:getPageState', data: { tabId: 4 } }, fromPanel)).resolves.toBeNull(); // and the tab is gone
  });

  test('a reload forgets the old state until the page reports again', async () => {
    const { deliver, fromTab, started } = setup();
    await deliver({ type: 'content:pageState', data: state }, fromTab);
    await fakeBrowser.tabs.onUpdated.trigger(4, { status: 'loading' }, tab({ id: 4, url: TICKET_URL }));
    expect(started.router.stateOf(4)).toBeNull();
  });

  test('the badge click opens Chrome side panel for its tab', async () => {
    const { deliver, fromTab, sidePanel } = setup();
    await expect(deliver({ type: 'content:openPanel', data: {} }, fromTab)).resolves.toEqual({ opened: true });
    expect(sidePanel.open).toHaveBeenCalledWith({ tabId: 4, windowId: 2 });
  });

  test('on Firefox the badge click tries the sidebar; refused, it answers with the shortcut to use', async () => {
    const { deliver, fromTab, sidebarAction } = setup({ firefox: true, shortcut: 'Alt+Shift+D' });
    await expect(deliver({ type: 'content:openPanel', data: {} }, fromTab)).resolves.toEqual({
      opened: false,
      hint: 'Open Defuse with Alt+Shift+D or its toolbar button.',
    });
    expect(sidebarAction.open).toHaveBeenCalledTimes(1);
  });

  test('with no shortcut set, the hint names the toolbar button alone', async () => {
    const { deliver, fromTab } = setup({ firefox: true });
    await expect(deliver({ type: 'content:openPanel', data: {} }, fromTab)).resolves.toEqual({ opened: false, hint: 'Open Defuse with its toolbar button.' });
  });

  test('on Firefox the toolbar button toggles the sidebar', () => {
    const { clickAction, sidebarAction } = setup({ firefox: true });
    clickAction();
    expect(sidebarAction.toggle).toHaveBeenCalledTimes(1);
  });

  test('no panel open: broadcasting does not fail the content script', async () => {
    const { deliver, fromTab, runtimeSendMessage } = setup();
    runtimeSendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(deliver({ type: 'content:pageState', data: state }, fromTab)).resolves.toEqual({ level: 'frustrated', score: 81 });
  });
});
