import { beforeEach, describe, expect, test, vi, type Mock } from 'vitest';
import { createRouter, isFromContentScript, isFromExtensionPage, RELOAD_GRACE_MS, RELOAD_TAB, UNREACHABLE, zendeskAgentOnly, type OpenPanelResult, type RouterPorts } from '@/lib/background';
import { createListener, type MessageName, type MessageSender, type Req } from '@/lib/messaging';
import type { PageState } from '@/lib/messaging/protocol';

const ID = 'defuse-test-id';
const ORIGIN = `chrome-extension://${ID}/`;
const gmailTab: MessageSender = { id: ID, url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg', frameId: 0, tab: { id: 7, url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg', windowId: 1 } };
const panel: MessageSender = { id: ID, url: `${ORIGIN}sidepanel.html` };

const conversation = (text: string, count = 3): PageState => ({
  kind: 'conversation',
  conversation: {
    site: 'gmail',
    conversationId: 'thread-f:1',
    subject: 'Refund',
    latestCustomerText: text,
    customerMessageCount: count,
    hasReplyBox: true,
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg',
  },
});
const nothing: PageState = { kind: 'no-conversation', site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox', reason: 'No email thread is open.' };

type Ports = RouterPorts & {
  sendToTab: Mock<(tabId: number, type: string, data: unknown) => Promise<unknown>>;
  broadcast: Mock<(type: string, data: unknown) => Promise<unknown>>;
  openPanel: Mock<(tabId: number, windowId?: number) => Promise<OpenPanelResult> | void>;
  analyse: Mock<RouterPorts['analyse']>;
};
let ports: Ports;
let send: <K extends MessageName>(type: K, data: Req<K>, sender: MessageSender) => Promise<unknown>;

beforeEach(() => {
  ports = {
    runtimeId: ID,
    extensionOrigin: ORIGIN,
    analyse: vi.fn((text: string) => (text.includes('third time') ? { level: 'frustrated' as const, score: 81, extra: 'ignored' } : { level: 'calm' as const, score: 5 })),
    sendToTab: vi.fn(async (): Promise<unknown> => undefined),
    broadcast: vi.fn(async (): Promise<unknown> => undefined),
    openPanel: vi.fn(),
  } as Ports;
  const router = createRouter(ports);
  const listener = createListener(router.handlers);
  send = async (type, data, sender) => await listener({ type, data }, sender);
});

describe('content:pageState', () => {
  test('analyses the latest customer message with the earlier ones counted, and answers the badge its level and score', async () => {
    await expect(send('content:pageState', conversation('This is the third time I write.', 3), gmailTab)).resolves.toEqual({ level: 'frustrated', score: 81 });
    expect(ports.analyse).toHaveBeenCalledWith('This is the third time I write.', { priorCustomerMessages: 2 });
  });

  test('tells the panel, with the tab id and the analysis', async () => {
    await send('content:pageState', conversation('Do you ship to Ireland?', 1), gmailTab);
    expect(ports.broadcast).toHaveBeenCalledWith('bg:pageStateChanged', { tabId: 7, state: conversation('Do you ship to Ireland?', 1), analysis: { level: 'calm', score: 5 } });
  });

  test('a site switched off in settings gets no badge, and the panel is told why', async () => {
    const router = createRouter({ ...ports, pageSettings: async (site) => ({ enabled: site !== 'gmail', sensitivity: 'normal' }) });
    const listen = createListener(router.handlers);
    await expect(listen({ type: 'content:pageState', data: conversation('This is the third time I write.') }, gmailTab)).resolves.toBeNull();
    expect(ports.analyse).not.toHaveBeenCalled();
    expect(router.stateOf(7)).toEqual({ kind: 'no-conversation', site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg', reason: 'Defuse is switched off for Gmail in its settings.' });
  });

  test('a failing settings read keeps Defuse on', async () => {
    const router = createRouter({ ...ports, pageSettings: () => Promise.reject(new Error('blocked')) });
    const listen = createListener(router.handlers);
    await expect(listen({ type: 'content:pageState', data: conversation('This is the third time I write.') }, gmailTab)).resolves.toEqual({ level: 'frustrated', score: 81 });
  });

  test('analyses at the rep\'s sensitivity, and again when it changes', async () => {
    let sensitivity: 'low' | 'normal' | 'high' = 'high';
    const router = createRouter({ ...ports, pageSettings: async () => ({ enabled: true, sensitivity }) });
    const listen = createListener(router.handlers);
    const state = conversation('Do you ship to Ireland?', 1);
    await listen({ type: 'content:pageState', data: state }, gmailTab);
    expect(ports.analyse).toHaveBeenLastCalledWith('Do you ship to Ireland?', { priorCustomerMessages: 0, sensitivity: 'high' });
    await listen({ type: 'content:pageState', data: state }, gmailTab);
    expect(ports.analyse).toHaveBeenCalledTimes(1);
    sensitivity = 'normal';
    await listen({ type: 'content:pageState', data: state }, gmailTab);
    expect(ports.analyse).toHaveBeenCalledTimes(2);
    expect(ports.analyse).toHaveBeenLastCalledWith('Do you ship to Ireland?', { priorCustomerMessages: 0 });
  });

  test('a page with no conversation: no analysis, the panel is told', async () => {
    await expect(send('content:pageState', nothing, gmailTab)).resolves.toBeNull();
    expect(ports.analyse).not.toHaveBeenCalled();
    expect(ports.broadcast).toHaveBeenCalledWith('bg:pageStateChanged', { tabId: 7, state: nothing });
  });

  test('the same state twice is analysed and broadcast once', async () => {
    await send('content:pageState', conversation('third time'), gmailTab);
    await expect(send('content:pageState', conversation('third time'), gmailTab)).resolves.toEqual({ level: 'frustrated', score: 81 });
    expect(ports.analyse).toHaveBeenCalledTimes(1);
    expect(ports.broadcast).toHaveBeenCalledTimes(1);
  });

  test('a message that could not be scored answers its reason with the calm 0, so the badge can say "Not scored"', async () => {
    ports.analyse.mockImplementation(() => ({ level: 'calm', score: 0, reason: 'not English' }));
    await expect(send('content:pageState', conversation('Hola, el pedido no ha llegado.'), gmailTab)).resolves.toEqual({ level: 'calm', score: 0, reason: 'not English' });
  });

  test('an analysis that throws gives no badge, and the background carries on', async () => {
    ports.analyse.mockImplementation(() => {
      throw new Error('bad input');
    });
    await expect(send('content:pageState', conversation('x'), gmailTab)).resolves.toBeNull();
  });

  test.each<[string, MessageSender]>([
    ['another extension', { ...gmailTab, id: 'someone-else' }],
    ['a tab on another site', { ...gmailTab, url: 'https://evil.example/', tab: { id: 7, url: 'https://evil.example/' } }],
    ['a zendesk look-alike host', { ...gmailTab, url: 'https://zendesk.com.evil.example/', tab: { id: 7, url: 'https://zendesk.com.evil.example/' } }],
    ['a sub-frame', { ...gmailTab, frameId: 3 }],
    ['an extension page (no tab)', panel],
  ])('ignored from %s', async (_name, sender) => {
    await expect(send('content:pageState', conversation('third time'), sender)).resolves.toBeNull();
    expect(ports.analyse).not.toHaveBeenCalled();
    expect(ports.broadcast).not.toHaveBeenCalled();
  });
});

describe('panel requests', () => {
  test('panel:getPageState answers what the tab last reported', async () => {
    await send('content:pageState', conversation('third time'), gmailTab);
    await expect(send('panel:getPageState', { tabId: 7 }, panel)).resolves.toEqual(conversation('third time'));
    expect(ports.sendToTab).not.toHaveBeenCalled();
  });

  test('panel:getPageState asks the page when the background knows nothing (service worker restarted)', async () => {
    ports.sendToTab.mockResolvedValueOnce(conversation('third time'));
    await expect(send('panel:getPageState', { tabId: 9 }, panel)).resolves.toEqual(conversation('third time'));
    expect(ports.sendToTab).toHaveBeenCalledWith(9, 'bg:refresh', {});
    expect(ports.broadcast).toHaveBeenCalledWith('bg:pageStateChanged', expect.objectContaining({ tabId: 9, analysis: { level: 'frustrated', score: 81 } }));
  });

  test('panel:getPageState is null for a tab with no content script', async () => {
    ports.sendToTab.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(send('panel:getPageState', { tabId: 9 }, panel)).resolves.toBeNull();
  });

  describe('a Gmail or Zendesk tab with no content script', () => {
    const noScript = () => ports.sendToTab.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const withTab = (tab: { url?: string; status?: string } | Error) => {
      const tabInfo = vi.fn(async () => {
        if (tab instanceof Error) throw tab;
        return tab;
      });
      const listen = createListener(createRouter({ ...ports, tabInfo, wait: async () => {} }).handlers);
      return { tabInfo, ask: (tabId: number) => listen({ type: 'panel:getPageState', data: { tabId } }, panel) };
    };

    test('open since before Defuse was installed or updated: the panel is told to reload it', async () => {
      noScript();
      const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcg';
      const { ask, tabInfo } = withTab({ url, status: 'complete' });
      await expect(ask(9)).resolves.toEqual({ kind: 'no-conversation', site: 'gmail', url, reason: RELOAD_TAB });
      expect(tabInfo).toHaveBeenCalledWith(9);
    });

    test('a page whose script answers a moment after it loaded: its state, not the reload hint', async () => {
      const url = 'https://mail.google.com/mail/u/0/#inbox/FMfcg';
      const state = { kind: 'no-conversation' as const, site: 'gmail' as const, url, reason: 'Open an email thread to see its analysis.' };
      ports.sendToTab.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.')).mockResolvedValueOnce(state);
      const waits: number[] = [];
      const tabInfo = vi.fn(async () => ({ url, status: 'complete' }));
      const listen = createListener(createRouter({ ...ports, tabInfo, wait: async (ms) => void waits.push(ms) }).handlers);
      await expect(listen({ type: 'panel:getPageState', data: { tabId: 9 } }, panel)).resolves.toEqual(state);
      expect(waits).toEqual([RELOAD_GRACE_MS]);
      expect(ports.sendToTab).toHaveBeenCalledTimes(2);
    });

    test("a Zendesk page outside the agent workspace: the panel says where Defuse works", async () => {
      noScript();
      const url = 'https://acme.zendesk.com/hc/en-us/articles/360001';
      await expect(withTab({ url, status: 'complete' }).ask(9)).resolves.toEqual({ kind: 'no-conversation', site: 'zendesk', url, reason: zendeskAgentOnly('acme.zendesk.com') });
    });

    test('another site, or a tab that is gone: null, as before', async () => {
      noScript();
      await expect(withTab({ url: 'https://example.com/', status: 'complete' }).ask(9)).resolves.toBeNull();
      await expect(withTab({ status: 'complete' }).ask(9)).resolves.toBeNull(); // no host access: no URL
      await expect(withTab(new Error('No tab with id: 9.')).ask(9)).resolves.toBeNull();
    });

    test('the answer is not kept: once the reloaded page reports, the panel gets its state', async () => {
      noScript();
      const tabInfo = vi.fn(async () => ({ url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg', status: 'complete' }));
      const listen = createListener(createRouter({ ...ports, tabInfo, wait: async () => {} }).handlers);
      await expect(listen({ type: 'panel:getPageState', data: { tabId: 7 } }, panel)).resolves.toMatchObject({ reason: RELOAD_TAB });
      expect(ports.broadcast).not.toHaveBeenCalled();
      await listen({ type: 'content:pageState', data: conversation('third time') }, gmailTab);
      await expect(listen({ type: 'panel:getPageState', data: { tabId: 7 } }, panel)).resolves.toEqual(conversation('third time'));
    });

    test('a tab whose content script answers is never looked up', async () => {
      ports.sendToTab.mockResolvedValueOnce(conversation('third time'));
      const { ask, tabInfo } = withTab({ url: 'https://mail.google.com/mail/u/0/', status: 'complete' });
      await expect(ask(9)).resolves.toEqual(conversation('third time'));
      expect(tabInfo).not.toHaveBeenCalled();
    });
  });

  test('draft reads, inserts and replaces carry the conversation id to the page', async () => {
    ports.sendToTab.mockResolvedValue({ ok: true });
    await send('panel:getDraft', { tabId: 7, conversationId: 'thread-f:1' }, panel);
    await send('panel:insert', { tabId: 7, text: 'Sorry.', conversationId: 'thread-f:1' }, panel);
    await send('panel:replace', { tabId: 7, find: 'Calm down', occurrence: 0, text: 'I hear you', conversationId: 'thread-f:1' }, panel);
    expect(ports.sendToTab.mock.calls.map(([, type, data]) => [type, (data as { conversationId?: string }).conversationId])).toEqual([
      ['panel:getDraft', 'thread-f:1'],
      ['panel:insert', 'thread-f:1'],
      ['panel:replace', 'thread-f:1'],
    ]);
  });

  test("the page's refusal for another conversation reaches the panel as it is", async () => {
    const refused = { ok: false, error: 'The open conversation changed.', refused: 'conversation-moved' as const };
    ports.sendToTab.mockResolvedValueOnce(refused);
    await expect(send('panel:insert', { tabId: 7, text: 'Sorry.', conversationId: 'thread-f:1' }, panel)).resolves.toEqual(refused);
  });

  test('panel:getDraft and panel:insert go to the tab content script', async () => {
    ports.sendToTab.mockResolvedValueOnce({ draft: 'Hi Dana' }).mockResolvedValueOnce({ ok: true });
    await expect(send('panel:getDraft', { tabId: 7 }, panel)).resolves.toEqual({ draft: 'Hi Dana' });
    await expect(send('panel:insert', { tabId: 7, text: 'Sorry.' }, panel)).resolves.toEqual({ ok: true });
    expect(ports.sendToTab).toHaveBeenNthCalledWith(1, 7, 'panel:getDraft', { tabId: 7 });
    expect(ports.sendToTab).toHaveBeenNthCalledWith(2, 7, 'panel:insert', { tabId: 7, text: 'Sorry.' });
  });

  test('panel:replace goes to the tab, and only from the panel', async () => {
    ports.sendToTab.mockResolvedValueOnce({ ok: true });
    const req = { tabId: 7, find: 'Calm down', occurrence: 0, text: 'I hear you' };
    await expect(send('panel:replace', req, panel)).resolves.toEqual({ ok: true });
    expect(ports.sendToTab).toHaveBeenCalledWith(7, 'panel:replace', req);
    await expect(send('panel:replace', req, gmailTab)).resolves.toEqual({ ok: false, error: UNREACHABLE });
    expect(ports.sendToTab).toHaveBeenCalledTimes(1);
  });

  test('panel:insert says the page was unreachable when it was', async () => {
    ports.sendToTab.mockRejectedValueOnce(new Error('Receiving end does not exist.'));
    await expect(send('panel:insert', { tabId: 7, text: 'Sorry.' }, panel)).resolves.toEqual({ ok: false, error: UNREACHABLE });
  });

  test('panel requests from a content script or another extension are refused', async () => {
    await expect(send('panel:getDraft', { tabId: 7 }, gmailTab)).resolves.toBeNull();
    await expect(send('panel:insert', { tabId: 7, text: 'x' }, { ...panel, id: 'other' })).resolves.toEqual({ ok: false, error: UNREACHABLE });
    await expect(send('panel:getPageState', { tabId: 7 }, { id: ID, url: 'https://mail.google.com/' })).resolves.toBeNull();
    expect(ports.sendToTab).not.toHaveBeenCalled();
  });
});

describe('content:openPanel', () => {
  test('opens the panel for the tab the badge is in, synchronously (the click gesture must still count)', () => {
    const router = createRouter(ports);
    const listener = createListener(router.handlers);
    void listener({ type: 'content:openPanel', data: {} }, gmailTab, () => undefined);
    expect(ports.openPanel).toHaveBeenCalledWith(7, 1);
  });

  test('answers with what opening achieved (the badge shows the hint when it did not)', async () => {
    ports.openPanel.mockResolvedValueOnce({ opened: false, hint: 'Open Defuse with its toolbar button.' });
    await expect(send('content:openPanel', {}, gmailTab)).resolves.toEqual({ opened: false, hint: 'Open Defuse with its toolbar button.' });
  });

  test('not for anyone else', async () => {
    await send('content:openPanel', {}, { ...gmailTab, id: 'other' });
    expect(ports.openPanel).not.toHaveBeenCalled();
  });
});

describe('sender checks', () => {
  test.each([
    ['https://mail.google.com/mail/u/1/', true],
    ['https://acme.zendesk.com/agent/tickets/123', true],
    ['https://acme.eu.zendesk.com/agent/tickets/123', true],
    ['http://mail.google.com/', false],
    ['https://zendesk.com/', false],
    ['https://evilzendesk.com/', false],
    ['https://calendar.google.com/', false],
  ])('content script on %s → %s', (url, ok) => {
    expect(isFromContentScript({ id: ID, url, tab: { id: 1, url } }, ID)).toBe(ok);
  });

  test('extension pages are recognised by origin', () => {
    expect(isFromExtensionPage(panel, ID, ORIGIN)).toBe(true);
    expect(isFromExtensionPage({ id: ID, url: `${ORIGIN}sidepanel.html?tabId=7`, tab: { id: 3 } }, ID, ORIGIN)).toBe(true); // panel opened as a tab
    expect(isFromExtensionPage({ id: ID, url: 'chrome-extension://other/sidepanel.html' }, ID, ORIGIN)).toBe(false);
  });
});

describe('the listener', () => {
  test('answers through sendResponse and keeps the channel open (Chrome and Firefox)', async () => {
    const router = createRouter(ports);
    const listener = createListener(router.handlers);
    const sendResponse = vi.fn();
    expect(listener({ type: 'content:pageState', data: conversation('third time') }, gmailTab, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ level: 'frustrated', score: 81 }));
  });

  test("stays out of messages it has no handler for (the panel's own, unknown ones)", () => {
    const listener = createListener(createRouter(ports).handlers);
    const sendResponse = vi.fn();
    expect(listener({ type: 'bg:pageStateChanged', data: {} }, panel, sendResponse)).toBeUndefined();
    expect(listener({ type: 'content:draftChanged', data: {} }, gmailTab, sendResponse)).toBeUndefined();
    expect(listener('hello', panel, sendResponse)).toBeUndefined();
    expect(sendResponse).not.toHaveBeenCalled();
  });
});
