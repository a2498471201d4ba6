// @vitest-environment happy-dom
// "What the score listens for": the signal records themselves, loaded when the section opens.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { SignalDocs } from '@/components/options/SignalDocs';
import { SIGNALS } from '@/lib/analysis/signals';

afterEach(cleanup);

function openSection() {
  const details = screen.getByText('Show the signals').closest('details')!;
  details.open = true;
  fireEvent(details, new Event('toggle'));
}

test('lists every signal record once, grouped, with why it matters and an example, after opening', async () => {
  let loads = 0;
  render(<SignalDocs load={async () => (loads++, SIGNALS)} />);
  expect(loads).toBe(0); // nothing loaded until the rep asks
  openSection();
  const items = await screen.findAllByTestId('signal-doc');
  expect(items.map((i) => i.dataset.signal).sort()).toEqual(SIGNALS.map((s) => s.id).sort());
  const nth = items.find((i) => i.dataset.signal === 'nth-time')!;
  expect(nth.textContent).toContain('Says they have written before');
  expect(nth.textContent).toContain('For example: “This is the third time I am writing about this.”');
  expect(screen.getByRole('heading', { name: 'Writing again' })).toBeTruthy();
  expect(loads).toBe(1);
});

test('the real lazy import loads the same list', async () => {
  render(<SignalDocs />);
  openSection();
  expect((await screen.findAllByTestId('signal-doc')).length).toBe(SIGNALS.length);
});

test('a failed load says so, and opening the section again retries', async () => {
  let fail = true;
  render(<SignalDocs load={async () => (fail ? Promise.reject(new Error('chunk missing')) : SIGNALS)} />);
  openSection();
  expect((await screen.findByRole('alert')).textContent).toContain('could not be loaded');
  fail = false;
  openSection();
  expect((await screen.findAllByTestId('signal-doc')).length).toBe(SIGNALS.length);
});
