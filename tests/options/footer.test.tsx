// @vitest-environment happy-dom
// The page's footer: which version this is, its licence, and where the third-party notices are.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { renderOptions } from './helpers';

afterEach(cleanup);

test('names the version and the licence, and links the notices shipped in the extension', async () => {
  await renderOptions({ version: '1.4.2' });
  const footer = screen.getByRole('contentinfo');
  expect(footer.textContent).toContain('Defuse 1.4.2 is open source under the MIT licence.');
  const link = screen.getByRole('link', { name: 'Third-party software and data' });
  expect(link.getAttribute('href')).toBe('/NOTICES.txt');
  expect(link.getAttribute('target')).toBe('_blank');
});

test('without a version it still reads as a sentence', async () => {
  await renderOptions();
  expect(screen.getByRole('contentinfo').textContent).toContain('Defuse is open source under the MIT licence.');
});
