// @vitest-environment happy-dom
// Usability fixes found by running the demo: rewrites that change nothing, repeated evidence, one
// notes status at a time, the level said once, and a live region that follows the state.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { groupSignals } from '@/components/Evidence';
import { fakeEngine, pageWith } from '../state/helpers';
import { renderPanel } from './render';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('draft coach', () => {
  test('a finding whose rewrite repeats the flagged words keeps its explanation but offers no rewrite', async () => {
    const draft = 'Sehr geehrte Frau Weber, es tut mir leid. Please calm down.';
    const sentence = 'Sehr geehrte Frau Weber, es tut mir leid.';
    const engine = fakeEngine();
    engine.checkDraft = () => [
      { rule: 'english-only', severity: 'info', text: sentence, start: 0, end: sentence.length, message: 'Coaching is English-only, so this draft was not checked.', suggestion: ` ${sentence}` },
      { rule: 'dismissive', severity: 'warn', text: 'calm down', start: draft.indexOf('calm down'), end: draft.indexOf('calm down') + 9, message: 'Tells the customer how to feel.', suggestion: 'I understand why you are upset' },
    ];
    renderPanel(pageWith({ hasReplyBox: false }), { engine });
    await screen.findByTestId('gauge');
    fireEvent.change(screen.getByLabelText('Paste your draft here to check it'), { target: { value: draft } });
    const [englishOnly, dismissive] = await screen.findAllByTestId('finding');
    expect(englishOnly!.textContent).toContain('Coaching is English-only, so this draft was not checked.');
    expect(englishOnly!.textContent).not.toContain('Try:');
    expect(within(englishOnly!).queryByRole('button', { name: 'Use rewrite' })).toBeNull();
    expect(within(englishOnly!).getByRole('button', { name: 'Dismiss' })).toBeTruthy();
    expect(dismissive!.textContent).toContain('Try: I understand why you are upset');
    expect(within(dismissive!).getByRole('button', { name: 'Use rewrite' })).toBeTruthy();
  });
});

describe('evidence', () => {
  test('the same signal with the same words is one row with a count, and the message still marks each', async () => {
    const text = `${'This is the third time. '.repeat(147)}THIRD TIME! I will cancel.`;
    renderPanel(pageWith({ latestCustomerText: text }));
    await screen.findByTestId('gauge');
    const items = screen.getAllByTestId('evidence-item');
    expect(items.map((i) => i.dataset.signal)).toEqual(['repeat-contact', 'churn-threat']);
    const [repeat, cancel] = items;
    expect(repeat!.dataset.count).toBe('148');
    // the first occurrence's words and offsets stand for the row
    expect(repeat!.querySelector('q')!.textContent).toBe('third time');
    expect(repeat!.dataset.start).toBe(String(text.indexOf('third time')));
    expect(repeat!.dataset.end).toBe(String(text.indexOf('third time') + 'third time'.length));
    expect(repeat!.querySelector('[aria-hidden="true"]')!.textContent).toBe('×148');
    expect(repeat!.querySelector('.visually-hidden')!.textContent).toBe('148 times');
    expect(cancel!.dataset.count).toBe('1');
    expect(cancel!.textContent).toBe('Threatens to cancel cancel');
    expect(screen.queryByRole('button', { name: /Show all/ })).toBeNull();
    expect(document.querySelectorAll('.message-text mark')).toHaveLength(149);
  });

  test('groups by signal id and words, ignoring case and spacing, in order of first occurrence', () => {
    const sig = (id: string, text: string, start: number) => ({ id, label: id, category: 'disappointment' as const, text, start, end: start + text.length });
    const groups = groupSignals([sig('a', 'fed up', 0), sig('b', 'fed up', 10), sig('a', 'Fed  Up', 20), sig('a', 'fed', 30)]);
    expect(groups.map((g) => [g.signal.id, g.signal.text, g.signal.start, g.count])).toEqual([
      ['a', 'fed up', 0, 2],
      ['b', 'fed up', 10, 1],
      ['a', 'fed', 30, 1],
    ]);
  });

  test('"Show all" counts rows, not repeats', async () => {
    const text = 'Third time. Cancel. Manager. As per my last email. third time. cancel. manager. Cancel? Manager!'.repeat(3);
    const engine = fakeEngine();
    const analyze = engine.analyze;
    // six distinct rows: the fake scorer's four phrases, two of them also in other words
    engine.analyze = (t, o) => {
      const a = analyze(t, o);
      const extra = [
        { id: 'churn-threat', label: 'Threatens to cancel', category: 'churn-threat' as const, text: 'leave you', start: 0, end: 5 },
        { id: 'escalation-demand', label: 'Asks for a manager', category: 'escalation-demand' as const, text: 'your boss', start: 6, end: 10 },
      ];
      return { ...a, signals: [...a.signals, ...extra] };
    };
    renderPanel(pageWith({ latestCustomerText: text }), { engine });
    await screen.findByTestId('gauge');
    expect(screen.getAllByTestId('evidence-item')).toHaveLength(6);
    expect(screen.getByRole('button', { name: 'Show all 6 signals' })).toBeTruthy();
  });
});

describe('gauge', () => {
  test('says the level once: the hint below it does not repeat it', async () => {
    renderPanel(pageWith());
    const gauge = (await screen.findByTestId('gauge')).closest('section')!;
    expect(gauge.querySelector('.gauge-text')!.textContent).toBe('Frustrated 60/100');
    expect(gauge.querySelector('.gauge-hint')!.textContent).toBe('Acknowledge and own it before explaining.');
    expect(gauge.textContent!.match(/Frustrated/g)).toHaveLength(1);
    expect(screen.getByRole('meter', { name: 'Frustration score' }).getAttribute('aria-valuetext')).toBe('60 of 100, Frustrated');
  });

  test('a hint that does not start with the level is shown as it is', async () => {
    renderPanel(pageWith({ latestCustomerText: 'Could you check my order?' }));
    const gauge = (await screen.findByTestId('gauge')).closest('section')!;
    expect(gauge.querySelector('.gauge-hint')!.textContent).toBe('No sign of frustration.');
  });
});

describe('live region', () => {
  test('a message that becomes unscorable replaces the announced level with the reason', async () => {
    const { bridge } = renderPanel(pageWith());
    await screen.findByTestId('gauge');
    const live = screen.getByTestId('announcer');
    expect(live.textContent).toContain('Frustrated, 60 of 100');
    act(() => bridge.pushPageState({ tabId: 1, state: pageWith({ latestCustomerText: 'Hola, es la tercera vez.' }) }));
    await screen.findByText("Defuse can't score this message.");
    expect(live.textContent).toBe("Defuse can't score this message: not English.");
  });
});
