// Loads a saved host page (tests/fixtures/**) into the test's happy-dom document at the URL the
// browser tests serve it from, and can run the page's own inline script (its SPA switcher) with
// every listener it adds tracked, so the next test starts clean.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firstMatch, type SelectorList } from '@/lib/sites/dom';
import type { ConversationRead, SiteRead } from '@/lib/sites/types';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures');

export const GMAIL_THREAD_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbfLxRnWqKsTdVpHjCmZvBnXcT';
export const GMAIL_CALM_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgMtSkPwLqRnHjDfGvBcXzNaY';
export const GMAIL_INBOX_URL = 'https://mail.google.com/mail/u/0/?fixture=inbox#inbox';
export const ZENDESK_URL = 'https://acme.zendesk.com/agent/tickets/123';

type Tracked = [EventTarget, string, EventListenerOrEventListenerObject, boolean | AddEventListenerOptions | undefined];
const tracked: Tracked[] = [];

export function setUrl(url: string): void {
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
}

/** Replaces the document's head and body with the fixture's (scripts are not run). */
export function loadFixture(path: string, url: string): Document {
  unloadFixture();
  const html = readFileSync(resolve(FIXTURES, path), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  setUrl(url);
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
  return document;
}

function tracking<T extends EventTarget>(target: T): T {
  return new Proxy(target, {
    get(t, prop) {
      if (prop === 'addEventListener') {
        return (type: string, fn: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) => {
          tracked.push([t, type, fn, options]);
          t.addEventListener(type, fn, options);
        };
      }
      const value = Reflect.get(t, prop, t) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(t) : value;
    },
    set(t, prop, value) {
      return Reflect.set(t, prop, value, t);
    },
  });
}

/** Runs the fixture's inline scripts (its SPA switcher), as the browser would on load. */
export function runFixtureScripts(): void {
  for (const script of Array.from(document.querySelectorAll('script:not([src])'))) {
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    new Function('document', 'window', script.textContent ?? '')(tracking(document), tracking(window));
  }
}

/** Removes the listeners the fixture's scripts added. */
export function unloadFixture(): void {
  for (const [target, type, fn, options] of tracked.splice(0)) target.removeEventListener(type, fn, options);
}

/** Clicks an element of the fixture (its demo switch buttons). */
export function click(selector: string): void {
  const el = document.querySelector<HTMLElement>(selector);
  if (!el) throw new Error(`no ${selector} in the fixture`);
  el.click();
}

/** The adapter's read, which must be a conversation (the reason is the failure message otherwise). */
export function conversation(read: SiteRead): ConversationRead {
  if (read.kind !== 'conversation') throw new Error(`expected a conversation, got: ${read.reason}`);
  return read;
}

// Surgery on a loaded fixture, for the one-test-per-selector-entry files.
export const all = (sel: string) => Array.from(document.querySelectorAll(sel));
export const unclass = (sel: string, ...names: string[]) => all(sel).forEach((el) => el.classList.remove(...names));
export const unattr = (sel: string, ...names: string[]) => all(sel).forEach((el) => names.forEach((n) => el.removeAttribute(n)));
/** Which entry of a selector list matched first (undefined: none). */
export const entryOf = (list: SelectorList, root: ParentNode = document) => firstMatch(root, list)?.entry;
