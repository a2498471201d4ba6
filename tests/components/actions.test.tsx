// @vitest-environment happy-dom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { MESSAGES } from '@/lib/state/panelStore';
import { pageWith } from '../state/helpers';
import { renderPanel } from './render';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const suggestion = (id: string) => screen.getAllByTestId('suggestion').find((s) => s.dataset.suggestion === id)!;

describe('suggestions', () => {
  test('Insert sends the text to the reply box and says it worked', async () => {
    const { bridge, usage } = renderPanel(pageWith());
    await screen.findByTestId('gauge');
    const item = suggestion('acknowledge');
    fireEvent.click(within(item).getByTestId('suggestion-insert'));
    await vi.waitFor(() => expect(within(item).getByTestId('suggestion-status').textContent).toContain(MESSAGES.inserted));
    expect(bridge.inserted).toEqual([{ tabId: 1, text: 'I can see how frustrating this has been.', conversationId: 'thread-1' }]);
    expect(within(item).getByTestId('suggestion-status').dataset.state).toBe('ok');
    expect(usage.events).toContainEqual({ kind: 'suggestion', tipId: 'acknowledge', action: 'inserted', site: 'gmail' });
  });

  test('Insert with no reply box says to click Reply first', async () => {
    const { bridge } = renderPanel(pageWith({ hasReplyBox: false }));
    bridge.insertAnswer = { ok: false };
    await screen.findByTestId('gauge');
    const item = suggestion('own-it');
    fireEvent.click(within(item).getByTestId('suggestion-insert'));
    await vi.waitFor(() => expect(within(item).getByTestId('suggestion-status').dataset.state).toBe('failed'));
    expect(within(item).getByTestId('suggestion-status').textContent).toContain('No reply box open: click Reply first');
  });

  test('Copy writes to the clipboard', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const { usage } = renderPanel(pageWith(), { copy: undefined });
    await screen.findByTestId('gauge');
    const item = suggestion('next-step');
    fireEvent.click(within(item).getByTestId('suggestion-copy'));
    await vi.waitFor(() => expect(within(item).getByTestId('suggestion-status').textContent).toContain(MESSAGES.copied));
    expect(writeText).toHaveBeenCalledWith("I'll update you by 3pm tomorrow.");
    expect(usage.events).toContainEqual({ kind: 'suggestion', tipId: 'next-step', action: 'copied', site: 'gmail' });
  });
});

describe('draft coach', () => {
  test('findings appear as the rep types in the reply box, with the words marked', async () => {
    const { bridge } = renderPanel(pageWith());
    await screen.findByTestId('gauge');
    expect(screen.getByText('Start typing your reply: Defuse checks it as you type.')).toBeTruthy();
    act(() => bridge.pushDraft({ conversationId: 'thread-1', draft: 'Hi Maria, please calm down.' }));
    await vi.waitFor(() => expect(screen.getAllByTestId('finding')).toHaveLength(2));
    const [dismissive, apology] = screen.getAllByTestId('finding');
    expect(dismissive!.dataset.rule).toBe('dismissive');
    expect(dismissive!.querySelector('mark')!.textContent).toBe('calm down');
    expect(dismissive!.textContent).toContain('Dismissive');
    expect(dismissive!.textContent).toContain('Tells the customer how to feel.');
    expect(dismissive!.textContent).toContain('Try: I understand why you are upset');
    expect(apology!.dataset.rule).toBe('missing-apology');
    expect(apology!.querySelector('mark')).toBeNull();
  });

  test('Use rewrite on a finding in the reply box replaces those words there', async () => {
    const { bridge, usage } = renderPanel(pageWith());
    await screen.findByTestId('gauge');
    act(() => bridge.pushDraft({ conversationId: 'thread-1', draft: 'Hi Maria, please calm down.' }));
    await vi.waitFor(() => expect(screen.getAllByTestId('finding')).toHaveLength(2));
    const dismissive = screen.getAllByTestId('finding').find((f) => f.dataset.rule === 'dismissive')!;
    fireEvent.click(within(dismissive).getByRole('button', { name: 'Use rewrite' }));
    await vi.waitFor(() => expect(screen.getByTestId('coach-status').textContent).toContain(MESSAGES.rewriteApplied));
    expect(bridge.replaced).toEqual([{ tabId: 1, find: 'calm down', occurrence: 0, text: 'I understand why you are upset', conversationId: 'thread-1' }]);
    expect(usage.events).toContainEqual({ kind: 'rule', tipId: 'dismissive', action: 'fixed', site: 'gmail' });
  });

  test('with no reply box, a pasted draft is checked; Use rewrite fixes it and Dismiss hides a finding', async () => {
    const { usage } = renderPanel(pageWith({ hasReplyBox: false }));
    await screen.findByTestId('gauge');
    const input = screen.getByLabelText('Paste your draft here to check it') as HTMLTextAreaElement;
    expect(input.getAttribute('dir')).toBe('auto');
    fireEvent.change(input, { target: { value: 'Sorry. Check your internet and calm down.' } });
    await vi.waitFor(() => expect(screen.getAllByTestId('finding')).toHaveLength(2));

    const blame = screen.getAllByTestId('finding').find((f) => f.dataset.rule === 'blame-shifting')!;
    fireEvent.click(within(blame).getByRole('button', { name: 'Use rewrite' }));
    await vi.waitFor(() => expect(input.value).toBe('Sorry. Check something on our side and calm down.'));
    expect(screen.getByTestId('coach-status').textContent).toContain(MESSAGES.rewriteApplied);

    const dismissive = screen.getByTestId('finding');
    fireEvent.click(within(dismissive).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryAllByTestId('finding')).toEqual([]);
    expect(usage.events.filter((e) => e.kind === 'rule').map((e) => `${e.tipId}:${e.action}`)).toEqual([
      'dismissive:shown',
      'blame-shifting:shown',
      'blame-shifting:fixed',
      'dismissive:dismissed',
    ]);
  });

  test('a good draft says so', async () => {
    renderPanel(pageWith({ hasReplyBox: false }));
    await screen.findByTestId('gauge');
    fireEvent.change(screen.getByLabelText('Paste your draft here to check it'), {
      target: { value: "I'm sorry. I'll update you by 3pm." },
    });
    await screen.findByText('No issues found in your draft.');
  });

  test('the rep can paste a draft even when the page has a reply box', async () => {
    renderPanel(pageWith());
    await screen.findByTestId('gauge');
    fireEvent.click(screen.getByRole('button', { name: 'Paste a draft instead' }));
    const input = screen.getByLabelText('Paste your draft here to check it');
    expect(document.activeElement).toBe(input);
    fireEvent.click(screen.getByRole('button', { name: 'Check the reply box instead' }));
    expect(screen.queryByLabelText('Paste your draft here to check it')).toBeNull();
  });
});

describe('keyboard', () => {
  test('every control is a real, focusable, named button or field', async () => {
    const { bridge } = renderPanel(pageWith());
    await screen.findByTestId('gauge');
    act(() => bridge.pushDraft({ conversationId: 'thread-1', draft: 'calm down' }));
    await screen.findAllByTestId('finding');
    const controls = [...document.querySelectorAll<HTMLElement>('button, textarea, input, summary, [tabindex]')];
    expect(controls.length).toBeGreaterThan(8);
    for (const el of controls) {
      expect(el.getAttribute('tabindex')).not.toBe('-1');
      expect(el.hasAttribute('disabled')).toBe(false);
      if (el.tagName === 'BUTTON') {
        expect(el.getAttribute('type')).toBe('button');
        expect(el.textContent!.trim()).not.toBe('');
      }
      el.focus();
      expect(document.activeElement).toBe(el);
    }
    // Nothing clickable is a bare div or span.
    expect(document.querySelectorAll('div[onclick], span[onclick], [role="button"]:not(button)')).toHaveLength(0);
  });

  test('Insert buttons are described by their suggestion text', async () => {
    renderPanel(pageWith());
    await screen.findByTestId('gauge');
    const item = suggestion('acknowledge');
    const insert = within(item).getByTestId('suggestion-insert');
    const describedBy = document.getElementById(insert.getAttribute('aria-describedby')!);
    expect(describedBy?.textContent).toBe('I can see how frustrating this has been.');
  });
});

describe('an edit the page refused because the rep had switched conversation', () => {
  test('the panel moves to the open conversation and says nothing was written', async () => {
    const { bridge } = renderPanel(pageWith());
    await screen.findByTestId('gauge');
    bridge.insertAnswer = { ok: false, error: 'The open conversation changed.', refused: 'conversation-moved' };
    bridge.pages.set(1, pageWith({ conversationId: 'thread-2', subject: 'Invoice copy', latestCustomerText: 'Could you resend the invoice?' }));
    const [item] = screen.getAllByTestId('suggestion');
    fireEvent.click(within(item!).getByTestId('suggestion-insert'));
    await vi.waitFor(() => expect(screen.getByTestId('conversation').dataset.conversation).toBe('thread-2'));
    const notice = await screen.findByTestId('panel-notice');
    expect(notice.textContent).toBe(MESSAGES.movedNotice);
    expect(notice.getAttribute('role')).toBe('status');
  });
});
