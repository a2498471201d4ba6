// @vitest-environment happy-dom
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { ariaLabel, BADGE_TAG, createBadge, HINT_MS, type BadgeData } from '@/lib/badge';

const frustrated: BadgeData = { conversationId: 'thread-f:1', level: 'frustrated', score: 72, customerMessages: 3 };

function slotIn(id: string) {
  const parent = document.getElementById(id)!;
  return { parent, before: parent.querySelector('.body') };
}

beforeEach(() => {
  document.body.innerHTML = `
    <div id="m1"><div class="head">Dana</div><div class="body">first</div></div>
    <div id="m2"><div class="head">Priya</div><div class="body">second</div></div>`;
});

describe('the in-page badge', () => {
  test('is a <defuse-badge> before the message body, with the contract attributes', () => {
    const badge = createBadge(document, () => undefined);
    badge.place(slotIn('m1'), frustrated);
    const el = document.querySelector(BADGE_TAG)!;
    expect(el.nextElementSibling?.className).toBe('body');
    expect(el.getAttribute('data-conversation')).toBe('thread-f:1');
    expect(el.getAttribute('data-level')).toBe('frustrated');
    expect(el.getAttribute('data-score')).toBe('72');
    expect(el.getAttribute('data-customer-messages')).toBe('3');
  });

  test('keeps its button and styles in its own shadow root', () => {
    const badge = createBadge(document, () => undefined);
    badge.place(slotIn('m1'), frustrated);
    const root = document.querySelector(BADGE_TAG)!.shadowRoot!;
    const button = root.querySelector('button')!;
    expect(button.getAttribute('type')).toBe('button');
    expect(button.getAttribute('aria-label')).toBe(ariaLabel(frustrated));
    expect(button.textContent).toBe('Frustrated 72');
    expect(button.getAttribute('aria-label')!.startsWith('Frustrated 72')).toBe(true); // the visible words first (WCAG 2.5.3)
    expect(root.querySelector('style')!.textContent).toContain(':host');
    expect(document.querySelector(`${BADGE_TAG} button`)).toBeNull(); // nothing in the host page's light DOM
  });

  test('says what it shows, for screen readers', () => {
    expect(ariaLabel({ conversationId: '1', level: 'calm', score: 8, customerMessages: 1 })).toBe(
      'Calm 8: Defuse thinks the customer looks calm (score 8 of 100, 1 message from the customer). Open the Defuse panel.',
    );
  });

  test('an unscored message reads "Not scored", not "Calm 0", and keeps the contract attributes', () => {
    const badge = createBadge(document, () => undefined);
    const unscored: BadgeData = { conversationId: 'thread-f:1', level: 'calm', score: 0, customerMessages: 1, unscored: 'not English' };
    badge.place(slotIn('m1'), unscored);
    const el = document.querySelector(BADGE_TAG)!;
    const button = el.shadowRoot!.querySelector('button')!;
    expect(button.textContent!.trim()).toBe('Not scored');
    expect(button.getAttribute('aria-label')).toBe("Not scored: Defuse can't score the customer's latest message (not English). Open the Defuse panel.");
    expect(el.getAttribute('data-level')).toBe('calm');
    expect(el.getAttribute('data-score')).toBe('0');
    expect(el.getAttribute('data-unscored')).toBe('not English');
    // the next message can be scored: the badge shows its level and score again
    badge.place(slotIn('m1'), frustrated);
    expect(button.textContent).toBe('Frustrated 72');
    expect(el.hasAttribute('data-unscored')).toBe(false);
  });

  test('moves and updates when the conversation changes, and stays single', () => {
    const badge = createBadge(document, () => undefined);
    badge.place(slotIn('m1'), frustrated);
    const first = document.querySelector(BADGE_TAG);
    badge.place(slotIn('m2'), { conversationId: 'thread-f:2', level: 'calm', score: 6, customerMessages: 1 });
    const all = document.querySelectorAll(BADGE_TAG);
    expect(all).toHaveLength(1);
    expect(all[0]).toBe(first);
    expect(all[0]!.parentElement!.id).toBe('m2');
    expect(all[0]!.getAttribute('data-level')).toBe('calm');
    expect(all[0]!.shadowRoot!.querySelector('button')!.textContent).toBe('Calm 6');
  });

  test('removes any other <defuse-badge> (left by a previous copy of the script)', () => {
    document.getElementById('m2')!.append(document.createElement(BADGE_TAG));
    createBadge(document, () => undefined).place(slotIn('m1'), frustrated);
    expect(document.querySelectorAll(BADGE_TAG)).toHaveLength(1);
  });

  test('does not touch the page when nothing changed', () => {
    const badge = createBadge(document, () => undefined);
    badge.place(slotIn('m1'), frustrated);
    const records: MutationRecord[] = [];
    const mo = new MutationObserver((r) => records.push(...r));
    mo.observe(document.body, { childList: true, subtree: true, attributes: true });
    const shadow = document.querySelector(BADGE_TAG)!.shadowRoot;
    if (shadow) mo.observe(shadow, { childList: true, subtree: true, attributes: true, characterData: true });
    badge.place(slotIn('m1'), frustrated);
    return Promise.resolve().then(() => {
      mo.disconnect();
      expect(records).toEqual([]);
    });
  });

  test('click, Enter or Space open the panel (a real button) and never reach the host page', () => {
    const open = vi.fn();
    const hostClick = vi.fn();
    const hostKey = vi.fn();
    document.getElementById('m1')!.addEventListener('click', hostClick); // Gmail collapses a message on click
    document.addEventListener('keydown', hostKey); // Gmail's keyboard shortcuts
    const badge = createBadge(document, open);
    badge.place(slotIn('m1'), frustrated);
    const button = document.querySelector(BADGE_TAG)!.shadowRoot!.querySelector('button')!;
    button.click();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(open).toHaveBeenCalledTimes(1);
    expect(hostClick).not.toHaveBeenCalled();
    expect(hostKey).not.toHaveBeenCalled();
    expect(button.tagName).toBe('BUTTON'); // Enter/Space activation comes with the element
  });

  test('remove() leaves no badge', () => {
    const badge = createBadge(document, () => undefined);
    badge.place(slotIn('m1'), frustrated);
    badge.remove();
    expect(document.querySelector(BADGE_TAG)).toBeNull();
  });

  test('knows when the host took it out, as opposed to being removed or moved by us', () => {
    const badge = createBadge(document, () => undefined);
    expect(badge.detached).toBe(false); // never placed
    badge.place(slotIn('m1'), frustrated);
    badge.place(slotIn('m2'), frustrated); // our own move
    expect(badge.detached).toBe(false);
    document.getElementById('m2')!.remove(); // the host drops the node that held it
    expect(badge.detached).toBe(true);
    badge.place(slotIn('m1'), frustrated);
    expect(badge.detached).toBe(false);
    badge.remove(); // ours
    expect(badge.detached).toBe(false);
  });
});

describe('the hint under the badge', () => {
  test('shows a note for a few seconds, as a status a screen reader announces', () => {
    vi.useFakeTimers();
    try {
      const badge = createBadge(document, () => undefined);
      badge.place(slotIn('m1'), frustrated);
      const note = document.querySelector(BADGE_TAG)!.shadowRoot!.querySelector<HTMLElement>('.note')!;
      expect(note.hidden).toBe(true);
      badge.hint('Open Defuse with Alt+Shift+D or its toolbar button.');
      expect(note.hidden).toBe(false);
      expect(note.getAttribute('role')).toBe('status');
      expect(note.textContent).toBe('Open Defuse with Alt+Shift+D or its toolbar button.');
      vi.advanceTimersByTime(HINT_MS - 1);
      expect(note.hidden).toBe(false);
      vi.advanceTimersByTime(1);
      expect(note.hidden).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
