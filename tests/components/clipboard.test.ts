// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest';
import { copyText } from '@/lib/state/clipboard';

afterEach(() => {
  vi.restoreAllMocks();
  Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
});

test('uses the Clipboard API when it works', async () => {
  const writeText = vi.fn(async () => {});
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
  expect(await copyText('hello')).toBe(true);
  expect(writeText).toHaveBeenCalledWith('hello');
});

test('falls back to a hidden textarea and execCommand when the API refuses', async () => {
  Object.defineProperty(navigator, 'clipboard', {
    value: { writeText: () => Promise.reject(new DOMException('Document is not focused.', 'NotAllowedError')) },
    configurable: true,
  });
  let copied = '';
  document.execCommand = vi.fn(() => {
    copied = (document.activeElement as HTMLTextAreaElement | null)?.value ?? document.querySelector('textarea')!.value;
    return true;
  });
  expect(await copyText('fallback text')).toBe(true);
  expect(copied).toBe('fallback text');
  expect(document.querySelector('textarea')).toBeNull();
});

test('reports failure when neither works', async () => {
  document.execCommand = vi.fn(() => false);
  expect(await copyText('x')).toBe(false);
});
