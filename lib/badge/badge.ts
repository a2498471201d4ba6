// The in-page badge (design.md, contract 5): exactly one `<defuse-badge>` next to the latest
// customer message of the open conversation, with `data-conversation`, `data-level`, `data-score`
// and `data-customer-messages`; clicking it (or Enter/Space: it hosts a real button) opens the panel.
//
// Content scripts cannot define custom elements in Chrome (`window.customElements` is null in the
// isolated world), so the element stays undefined: a valid custom-element name is still an
// HTMLElement that accepts a shadow root, and the shadow root holds the button and its styles.
import type { Level } from '@/lib/analysis/types';
import type { BadgeSlot } from '@/lib/sites/types';
import { BADGE_CSS, LEVEL_LABEL } from './style';

export const BADGE_TAG = 'defuse-badge';

export interface BadgeData {
  conversationId: string;
  level: Level;
  score: number;
  customerMessages: number;
  /** Why the message could not be scored ("not English"): the badge then says "Not scored", not "Calm 0"
   * (its data-level and data-score keep the CLI's calm and 0). */
  unscored?: string;
}

export interface BadgeController {
  /** Puts the one badge at `slot` (moving it if needed) with these attributes. */
  place(slot: BadgeSlot, data: BadgeData): void;
  /** Is the badge in the page, exactly at `slot`? */
  isAt(slot: BadgeSlot): boolean;
  remove(): void;
  /** Placed by us and not removed by us, yet no longer in the page: the host took it out (a re-render). */
  readonly detached: boolean;
  /** Shows a short note under the badge for a few seconds (how to open the panel when a click can't). */
  hint(text: string): void;
  /** The badge element, when one exists (placed or not). */
  readonly element: HTMLElement | null;
}

/** Starts with the words the badge shows ("Frustrated 72"), so speech input can name it (WCAG 2.5.3). */
export function ariaLabel(data: BadgeData): string {
  if (data.unscored) return `Not scored: Defuse can't score the customer's latest message (${data.unscored}). Open the Defuse panel.`;
  const messages = data.customerMessages === 1 ? '1 message' : `${data.customerMessages} messages`;
  return `${LEVEL_LABEL[data.level]} ${data.score}: Defuse thinks the customer looks ${LEVEL_LABEL[data.level].toLowerCase()} (score ${data.score} of 100, ${messages} from the customer). Open the Defuse panel.`;
}

/** How long a hint stays under the badge. */
export const HINT_MS = 8000;

/** Events that must not reach the host page's handlers (Gmail collapses a message on a header click). */
const CONTAINED = ['click', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress', 'dblclick'];

export function createBadge(doc: Document, onOpen: () => void): BadgeController {
  let host: HTMLElement | null = null;
  let text: HTMLElement | null = null;
  let score: HTMLElement | null = null;
  let button: HTMLElement | null = null;
  let note: HTMLElement | null = null;
  let noteTimer: ReturnType<typeof setTimeout> | undefined;
  let placed = false;

  const build = (): HTMLElement => {
    const el = doc.createElement(BADGE_TAG);
    // Inline, so host rules like `div *` cannot make the host itself disappear or reflow.
    el.setAttribute('style', 'all: initial; display: inline-block; vertical-align: middle;');
    let root: ShadowRoot | HTMLElement;
    try {
      root = el.attachShadow({ mode: 'open' });
    } catch {
      root = el; // Never seen: a browser refusing shadow roots on undefined custom elements.
    }
    const style = doc.createElement('style');
    style.textContent = BADGE_CSS;
    button = doc.createElement('button');
    button.setAttribute('type', 'button');
    button.setAttribute('part', 'button');
    const dot = doc.createElement('span');
    dot.className = 'dot';
    dot.setAttribute('aria-hidden', 'true');
    text = doc.createElement('span');
    text.className = 'level';
    score = doc.createElement('span');
    score.className = 'score';
    button.append(dot, text, doc.createTextNode(' '), score);
    note = doc.createElement('span');
    note.className = 'note';
    note.setAttribute('role', 'status');
    note.hidden = true;
    root.append(style, button, note);

    button.addEventListener('click', (event) => {
      event.preventDefault();
      try {
        onOpen();
      } catch {
        // Opening the panel is best effort; never let it reach the host page.
      }
    });
    for (const type of CONTAINED) el.addEventListener(type, (event) => event.stopPropagation());
    return el;
  };

  const removeStrays = () => {
    doc.querySelectorAll(BADGE_TAG).forEach((el) => {
      if (el !== host) el.remove();
    });
  };

  return {
    get element() {
      return host;
    },
    get detached() {
      return placed && !!host && !host.isConnected;
    },
    place(slot, data) {
      host ??= build();
      placed = true;
      if (!this.isAt(slot)) slot.parent.insertBefore(host, slot.before);
      const attrs: Record<string, string> = {
        'data-conversation': data.conversationId,
        'data-level': data.level,
        'data-score': String(data.score),
        'data-customer-messages': String(data.customerMessages),
      };
      if (data.unscored) attrs['data-unscored'] = data.unscored;
      else host.removeAttribute('data-unscored');
      for (const [name, value] of Object.entries(attrs)) {
        if (host.getAttribute(name) !== value) host.setAttribute(name, value);
      }
      const label = ariaLabel(data);
      if (button && button.getAttribute('aria-label') !== label) button.setAttribute('aria-label', label);
      // Only touch what changed: a re-read of an unchanged page must cause no DOM mutation.
      const shown = data.unscored ? { level: 'Not scored', score: '' } : { level: LEVEL_LABEL[data.level], score: String(data.score) };
      if (text && text.textContent !== shown.level) text.textContent = shown.level;
      if (score && score.textContent !== shown.score) score.textContent = shown.score;
      removeStrays();
    },
    isAt(slot) {
      return !!host && host.isConnected && host.parentNode === slot.parent && host.nextSibling === slot.before;
    },
    remove() {
      if (noteTimer !== undefined) clearTimeout(noteTimer);
      placed = false;
      host?.remove();
      removeStrays();
    },
    hint(message) {
      if (!note) return;
      note.textContent = message;
      note.hidden = false;
      if (noteTimer !== undefined) clearTimeout(noteTimer);
      noteTimer = setTimeout(() => {
        if (note) note.hidden = true;
        noteTimer = undefined;
      }, HINT_MS);
    },
  };
}
