// @vitest-environment happy-dom
// The panel on the real analysis and coach (lib/analysis, lib/coach), end to end through the store.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { analyzeMessage } from '@/lib/analysis';
import { defaultEngine } from '@/lib/state/defaultEngine';
import { pageWith } from '../state/helpers';
import { renderPanel } from './render';

afterEach(cleanup);

const MESSAGE =
  "Hi,\n\nThis is the third time I'm writing about order #48213. As per my last email, I was promised a refund two weeks ago. " +
  "If this isn't fixed by Friday I will dispute the charge. I want to speak to a manager.\n\nMaria";

test('gauge, evidence and marks match what analyzeMessage says', async () => {
  renderPanel(pageWith({ latestCustomerText: MESSAGE, customerMessageCount: 1 }), { engine: defaultEngine });
  const expected = analyzeMessage(MESSAGE, { priorCustomerMessages: 0, sensitivity: 'normal' });
  const gauge = await screen.findByTestId('gauge');
  expect(gauge.dataset.score).toBe(String(expected.score));
  expect(gauge.dataset.level).toBe(expected.level);
  const items = screen.getAllByTestId('evidence-item');
  expect(items.map((i) => i.dataset.signal)).toEqual(expected.signals.map((s) => s.id));
  expect(items.filter((i) => !i.hidden)).toHaveLength(5);
  fireEvent.click(screen.getByRole('button', { name: `Show all ${expected.signals.length} signals` }));
  expect(items.filter((i) => !i.hidden)).toHaveLength(expected.signals.length);
  const marks = [...document.querySelectorAll('.message-text mark')].map((m) => m.textContent);
  expect(marks).toEqual(expected.signals.map((s) => MESSAGE.slice(s.start, s.end)));
  expect(marks).toContain('This is the third time');
  const suggestions = screen.getAllByTestId('suggestion');
  expect(suggestions.length).toBe(5);
  expect(suggestions.filter((i) => !i.hidden)).toHaveLength(3);
  fireEvent.click(screen.getByRole('button', { name: 'Show 2 more' }));
  expect(suggestions.filter((i) => !i.hidden)).toHaveLength(5);
  expect(screen.getAllByTestId('reminder').length).toBeGreaterThanOrEqual(1);
});

test('the coach flags a poor draft and a rewrite clears the finding', async () => {
  renderPanel(pageWith({ latestCustomerText: MESSAGE, hasReplyBox: false }), { engine: defaultEngine });
  await screen.findByTestId('gauge');
  const input = screen.getByLabelText('Paste your draft here to check it') as HTMLTextAreaElement;
  fireEvent.change(input, { target: { value: "I'm sorry. It must be your internet connection." } });
  const blame = await screen.findByText((_, el) => el?.getAttribute('data-rule') === 'blame-shifting');
  expect(blame.querySelector('mark')!.textContent).toBe('It must be your internet connection.');
  fireEvent.click(within(blame).getByRole('button', { name: 'Use rewrite' }));
  expect(input.value).not.toContain('your internet connection');
  expect(screen.queryAllByTestId('finding').filter((f) => f.dataset.rule === 'blame-shifting')).toEqual([]);
});

test('a message in French is not scored, and says why', async () => {
  renderPanel(pageWith({ latestCustomerText: 'Bonjour, ma commande est en retard depuis trois semaines et personne ne me répond.' }), {
    engine: defaultEngine,
  });
  const msg = await screen.findByText("Defuse can't score this message.");
  expect(msg.closest('[data-testid="state-message"]')!.textContent).toContain('Not English.');
});

test('hostile markup in a real analysis still renders as text', async () => {
  const text = 'This is the third time <img src=x onerror=alert(1)> I am asking!!';
  const { container, bridge, tabs } = renderPanel(pageWith({ latestCustomerText: text }), { engine: defaultEngine });
  await screen.findByTestId('gauge');
  expect(container.querySelector('img')).toBeNull();
  expect(document.querySelector('.message-text')!.textContent).toBe(text);
  // The tab navigates away from Gmail: the panel asks again and hears "nothing here".
  bridge.pages.set(1, null);
  act(() => tabs.emit({ type: 'updated', tabId: 1 }));
  await vi.waitFor(() => expect(screen.getByTestId('state-message').dataset.state).toBe('unsupported'));
});

test('a pasted wall of text: the coach says how much it read and lists the first findings, then all on request', async () => {
  renderPanel(pageWith({ latestCustomerText: MESSAGE, hasReplyBox: false }), { engine: defaultEngine });
  await screen.findByTestId('gauge');
  const draft = 'Please calm down. '.repeat(1500); // 27,000 characters, one finding per sentence
  fireEvent.change(screen.getByLabelText('Paste your draft here to check it'), { target: { value: draft } });
  await vi.waitFor(() => expect(screen.getAllByTestId('finding').length).toBe(25));
  expect(screen.getByTestId('coach-cut').textContent).toMatch(/only its first 19,99\d of 27,000 characters/);
  const all = screen.getByRole('button', { name: /^Show all \d+ findings$/ });
  const n = Number(/\d+/.exec(all.textContent!)![0]);
  expect(n).toBeGreaterThan(1000);
  fireEvent.click(all);
  expect(screen.getAllByTestId('finding')).toHaveLength(n);
});
