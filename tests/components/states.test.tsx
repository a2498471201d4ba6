// @vitest-environment happy-dom
import { act, cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { RELOAD_TAB, zendeskAgentOnly } from '@/lib/background/noContentScript';
import { MESSAGES } from '@/lib/state/panelStore';
import { fakeEngine, pageWith } from '../state/helpers';
import { renderPanel } from './render';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const stateMessage = () => screen.findByTestId('state-message');

describe('states', () => {
  test('the header says how long an unanswered customer has waited, and nothing once answered', async () => {
    // the fake clock: 2025-01-01 10:00 UTC
    renderPanel(pageWith({ sentAt: '2024-12-31T08:00:00Z', answered: false }));
    expect((await screen.findByTestId('waiting')).textContent).toBe('Waiting 26 hours for an answer');
    cleanup();
    renderPanel(pageWith({ sentAt: '2024-12-31T08:00:00Z', answered: true }));
    await screen.findByTestId('gauge');
    expect(screen.queryByTestId('waiting')).toBeNull();
  });

  test('not a supported page', async () => {
    renderPanel(null);
    const msg = await stateMessage();
    await vi.waitFor(() => expect(msg.dataset.state).toBe('unsupported'));
    expect(msg.textContent).toContain('Open a Gmail thread or a Zendesk ticket to see its analysis');
  });

  test('no conversation open: the site adapter says why', async () => {
    const reason = "Ticket #4821 isn't showing in the page yet. Wait for it to load, or reopen its tab.";
    renderPanel({ kind: 'no-conversation', site: 'zendesk', url: 'https://acme.zendesk.com/agent/tickets/4821', reason });
    await vi.waitFor(() => expect(screen.getByTestId('state-message').dataset.state).toBe('no-conversation'));
    expect(screen.getByTestId('state-message').textContent).toBe(reason);
  });

  test('no conversation open and no reason: what to open on this site', async () => {
    renderPanel({ kind: 'no-conversation', site: 'zendesk', url: 'https://acme.zendesk.com/agent/filters/1', reason: '' });
    await vi.waitFor(() => expect(screen.getByTestId('state-message').dataset.state).toBe('no-conversation'));
    expect(screen.getByTestId('state-message').textContent).toBe('No conversation is open.Open a ticket to see its analysis.');
  });

  test('looking for the tab, then analysing', async () => {
    const { bridge, store } = renderPanel(pageWith(), { analysisDelayMs: 60_000 });
    expect(screen.getByTestId('state-message').dataset.state).toBe('starting');
    await vi.waitFor(() => expect(screen.getByTestId('state-message').dataset.state).toBe('analysing'));
    expect(screen.getByTestId('state-message').textContent).toContain('Analysing');
    expect(screen.getByTestId('state-message').getAttribute('aria-busy')).toBe('true');
    expect(bridge.pageStateRequests).toEqual([1]);
    act(() => store.getState().applyPageState(null));
  });

  test('a message that is not English shows the reason and no gauge', async () => {
    renderPanel(pageWith({ latestCustomerText: 'Bonjour, ma commande est en retard.' }));
    await vi.waitFor(() => expect(screen.getByTestId('state-message').dataset.state).toBe('unscored'));
    expect(screen.getByTestId('state-message').textContent).toContain('Not English.');
    expect(screen.queryByTestId('gauge')).toBeNull();
    expect(screen.queryAllByTestId('suggestion')).toEqual([]);
  });

  test('an error is plain words, never a stack trace', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const engine = fakeEngine();
    engine.analyze = () => {
      throw new Error('Cannot read properties of undefined (reading "x")\n    at analyse (panelStore.ts:1:1)');
    };
    renderPanel(pageWith(), { engine });
    await vi.waitFor(() => expect(screen.getByTestId('state-message').dataset.state).toBe('error'));
    const text = screen.getByTestId('state-message').textContent ?? '';
    expect(text).toBe(MESSAGES.analysisFailed);
    expect(text).not.toMatch(/undefined|at analyse|\.ts:/);
  });

  test('a page that cannot be reached', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const { bridge } = renderPanel(pageWith());
    bridge.failPageState = true; // the first request is still on its way
    await vi.waitFor(() => expect(screen.getByTestId('state-message').dataset.state).toBe('error'));
    expect(screen.getByTestId('state-message').textContent).toBe(MESSAGES.readFailed);
  });
});

describe('a scored conversation', () => {
  test('the gauge is a meter with the score and the level in words', async () => {
    renderPanel(pageWith());
    const gauge = await screen.findByTestId('gauge');
    expect(gauge.getAttribute('role')).toBe('meter');
    expect(gauge.getAttribute('aria-valuenow')).toBe('60');
    expect(gauge.getAttribute('aria-valuemin')).toBe('0');
    expect(gauge.getAttribute('aria-valuemax')).toBe('100');
    expect(gauge.getAttribute('aria-valuetext')).toBe('60 of 100, Frustrated');
    expect(gauge.dataset.level).toBe('frustrated');
    expect(gauge.dataset.score).toBe('60');
    expect(screen.getByRole('meter', { name: 'Frustration score' })).toBe(gauge);
    expect(gauge.closest('section')?.textContent).toContain('Frustrated 60/100');
    expect(screen.getByTestId('frustrated-alert')).toBeTruthy();
  });

  test('evidence, reasons, reminders and ranked suggestions', async () => {
    renderPanel(pageWith());
    await screen.findByTestId('gauge');
    const items = screen.getAllByTestId('evidence-item');
    expect(items.map((i) => i.textContent)).toEqual(['Repeat contact third time', 'Threatens to cancel cancel']);
    expect(screen.getAllByTestId('contribution').map((c) => c.textContent)).toEqual([
      expect.stringContaining('Repeat contact'),
      expect.stringContaining('Threatens to cancel'),
    ]);
    expect(screen.getAllByTestId('reminder').map((r) => r.textContent)).toEqual([
      'Own the problem before explaining it.',
      'Offer escalation before they ask again.',
    ]);
    expect(screen.getAllByTestId('suggestion').map((s) => s.dataset.suggestion)).toEqual(['acknowledge', 'own-it', 'next-step']);
  });

  test('each signal’s words, exactly, are marked in the message', async () => {
    const text = 'As per my last email, this is the THIRD TIME. Cancel it or get me a manager.';
    const { store } = renderPanel(pageWith({ latestCustomerText: text }));
    await screen.findByTestId('gauge');
    const signals = store.getState().analysis!.signals;
    const message = document.querySelector('.message-text')!;
    const marks = [...message.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).toEqual(signals.map((s) => text.slice(s.start, s.end)));
    expect(marks.map((m) => m.textContent)).toEqual(['As per my last email', 'THIRD TIME', 'Cancel', 'manager']);
    expect(message.textContent).toBe(text);
    expect(message.getAttribute('dir')).toBe('auto');
  });

  test('the level change is announced in a polite live region', async () => {
    const { bridge } = renderPanel(pageWith());
    await screen.findByTestId('gauge');
    const live = screen.getByTestId('announcer');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toBe('Frustration level: Frustrated, 60 of 100. This customer is frustrated.');
    act(() => bridge.pushPageState({ tabId: 1, state: pageWith({ conversationId: 'thread-2', latestCustomerText: 'Thanks!' }) }));
    await vi.waitFor(() => expect(screen.getByTestId('gauge').dataset.level).toBe('calm'));
    expect(live.textContent).toBe('Frustration level: Calm, 10 of 100.');
  });

  test('switching conversation updates the whole panel', async () => {
    const { bridge } = renderPanel(pageWith());
    await screen.findByTestId('gauge');
    act(() =>
      bridge.pushPageState({ tabId: 1, state: pageWith({ conversationId: 't2', subject: 'Refund', latestCustomerText: 'I want a manager.' }) }),
    );
    await vi.waitFor(() => expect(screen.getByTestId('gauge').dataset.score).toBe('35'));
    expect(screen.getAllByTestId('evidence-item').map((i) => i.dataset.signal)).toEqual(['escalation-demand']);
    expect(within(screen.getByRole('banner')).getByText('Refund')).toBeTruthy();
  });
});

describe('a Gmail or Zendesk tab Defuse cannot read', () => {
  test.each([
    ['no content script (open since before the install)', 'gmail', 'https://mail.google.com/mail/u/0/#inbox/FMfcg', RELOAD_TAB],
    ['a Help Center page', 'zendesk', 'https://acme.zendesk.com/hc/en-us', zendeskAgentOnly('acme.zendesk.com')],
  ] as const)('%s: the panel says what to do, not "open a thread"', async (_name, site, url, reason) => {
    renderPanel({ kind: 'no-conversation', site, url, reason });
    await vi.waitFor(() => expect(screen.getByTestId('state-message').dataset.state).toBe('no-conversation'));
    expect(screen.getByTestId('state-message').textContent).toBe(reason);
  });
});
