// @vitest-environment happy-dom
// Customer text is untrusted: it renders as text, whatever it contains.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { MESSAGE_DISPLAY_LIMIT } from '@/components/Evidence';
import { pageWith } from '../state/helpers';
import { renderPanel } from './render';

afterEach(cleanup);

test('HTML and script in a message render as text, not elements', async () => {
  const text = 'This is the third time <img src=x onerror=alert(1)> <script>alert(2)</script> <b>cancel</b>';
  const { container } = renderPanel(
    pageWith({ latestCustomerText: text, subject: '<img src=y onerror=alert(3)>', sender: { name: '<svg onload=alert(4)>' } }),
  );
  await screen.findByTestId('gauge');
  expect(container.querySelector('img, script, svg, b, iframe')).toBeNull();
  expect(document.querySelector('.message-text')!.textContent).toBe(text);
  expect(screen.getByRole('banner').textContent).toContain('<img src=y onerror=alert(3)>');
  expect(screen.getAllByTestId('evidence-item').map((i) => i.dataset.signal)).toEqual(['repeat-contact', 'churn-threat']);
});

test('a 1 MB message renders, says it was cut, and shows only its start', async () => {
  const text = `This is the third time. ${'Lorem ipsum dolor sit amet. '.repeat(40_000)}`.slice(0, 1_048_576);
  renderPanel(pageWith({ latestCustomerText: text }));
  await screen.findByTestId('gauge');
  expect(screen.getByTestId('truncated').textContent).toBe('Very long message: Defuse scored the first 50,000 of 1,048,576 characters.');
  const shown = document.querySelector('.message-text')!.textContent!;
  expect(shown.length).toBe(MESSAGE_DISPLAY_LIMIT);
  expect(text.startsWith(shown)).toBe(true);
});

test('emoji and right-to-left text keep their characters and direction', async () => {
  const text = 'مرحبا 😡😡😡 this is the third time 👩🏽‍💻';
  renderPanel(pageWith({ latestCustomerText: text, subject: 'طلب رقم ٤٨٢١٣' }));
  await screen.findByTestId('gauge');
  const message = document.querySelector('.message-text')!;
  expect(message.textContent).toBe(text);
  expect(message.getAttribute('dir')).toBe('auto');
  expect(message.querySelector('mark')!.textContent).toBe('third time');
  expect(screen.getByText('طلب رقم ٤٨٢١٣').getAttribute('dir')).toBe('auto');
  expect(screen.getAllByTestId('evidence-item')[0]!.querySelector('q')!.getAttribute('dir')).toBe('auto');
});
