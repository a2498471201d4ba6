// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { watchPage } from '@/lib/content/watch';

let controller: AbortController;
let hidden = false;

beforeEach(() => {
  vi.useFakeTimers();
  controller = new AbortController();
  hidden = false;
  Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
  document.body.innerHTML = '<main id="app"><p>one</p></main>';
});
afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  Reflect.deleteProperty(document, 'hidden');
});

const tick = () => Promise.resolve(); // MutationObserver callbacks are microtasks
const setHidden = (value: boolean) => {
  hidden = value;
  document.dispatchEvent(new Event('visibilitychange'));
};

function start(options: Partial<Parameters<typeof watchPage>[0]> = {}) {
  const onChange = vi.fn();
  const watcher = watchPage({ doc: document, win: window, root: () => document.body, delayMs: 250, signal: controller.signal, onChange, ...options });
  return { onChange, watcher };
}

describe('watchPage', () => {
  test('runs once, 250 ms after a burst of changes', async () => {
    const { onChange } = start();
    for (let i = 0; i < 5; i++) {
      document.getElementById('app')!.append(document.createElement('p'));
      await tick();
      vi.advanceTimersByTime(100);
    }
    expect(onChange).not.toHaveBeenCalled();
    vi.advanceTimersByTime(250);
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  test('a steady stream of changes cannot postpone it forever', async () => {
    const { onChange } = start({ maxWaitMs: 1000 });
    for (let i = 0; i < 20; i++) {
      document.getElementById('app')!.append(document.createElement('p'));
      await tick();
      vi.advanceTimersByTime(100);
    }
    expect(onChange.mock.calls.length).toBeGreaterThanOrEqual(1);
  });

  test('does nothing at all while the page is idle', async () => {
    const { onChange, watcher } = start();
    document.getElementById('app')!.append(document.createElement('p'));
    await tick();
    vi.advanceTimersByTime(300);
    const settled = { ...watcher.stats };
    vi.advanceTimersByTime(60_000);
    await tick();
    expect(watcher.stats.callbacks).toBe(settled.callbacks);
    expect(watcher.stats.runs).toBe(settled.runs);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  test('ignores text edits and attributes outside its short list', async () => {
    const { watcher } = start();
    document.querySelector('p')!.firstChild!.nodeValue = 'changed';
    document.querySelector('p')!.setAttribute('class', 'hover');
    document.querySelector('p')!.setAttribute('style', 'color: red');
    await tick();
    expect(watcher.stats.callbacks).toBe(0);
    document.querySelector('p')!.setAttribute('data-entity-is-selected', 'true');
    await tick();
    expect(watcher.stats.callbacks).toBe(1);
  });

  test('skips mutations the caller says are its own', async () => {
    const { onChange } = start({ ignore: (r) => Array.from(r.addedNodes).every((n) => n.nodeName === 'DEFUSE-BADGE') });
    document.getElementById('app')!.append(document.createElement('defuse-badge'));
    await tick();
    vi.advanceTimersByTime(300);
    expect(onChange).not.toHaveBeenCalled();
  });

  test('disconnects while the tab is hidden and catches up when it is shown again', async () => {
    const onVisible = vi.fn();
    const { onChange, watcher } = start({ onVisible });
    setHidden(true);
    expect(watcher.stats.observing).toBe(false);
    document.getElementById('app')!.append(document.createElement('p'));
    await tick();
    vi.advanceTimersByTime(1000);
    expect(watcher.stats.callbacks).toBe(0);
    expect(onChange).not.toHaveBeenCalled();
    setHidden(false);
    expect(watcher.stats.observing).toBe(true);
    expect(onVisible).toHaveBeenCalledTimes(1);
  });

  test('hash changes and history navigation arm it too', () => {
    const { onChange } = start();
    window.dispatchEvent(new Event('hashchange'));
    vi.advanceTimersByTime(250);
    window.dispatchEvent(new Event('popstate'));
    vi.advanceTimersByTime(250);
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  test('stops for good when aborted', async () => {
    const { onChange, watcher } = start();
    controller.abort();
    document.getElementById('app')!.append(document.createElement('p'));
    window.dispatchEvent(new Event('hashchange'));
    await tick();
    vi.advanceTimersByTime(1000);
    expect(onChange).not.toHaveBeenCalled();
    expect(watcher.stats.observing).toBe(false);
  });

  test('an exception in the callback stays inside', async () => {
    const { watcher } = start({ onChange: () => { throw new Error('boom'); } });
    window.dispatchEvent(new Event('hashchange'));
    expect(() => vi.advanceTimersByTime(250)).not.toThrow();
    expect(watcher.stats.runs).toBe(1);
  });
});
