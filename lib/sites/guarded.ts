// What every adapter shares: each call is wrapped so a host page whose DOM changed gets a clear
// "no conversation" / "no reply box" answer instead of an exception thrown into the page.
import type { SiteId } from '@/lib/messaging/protocol';
import { INSERT_THREW, insertText, NO_REPLY_BOX, REPLACE_THREW, replaceText } from './editable';
import { toPlainText } from './text';
import type { SiteAdapter, SiteRead } from './types';

export interface AdapterParts {
  site: SiteId;
  doc: Document;
  read(): SiteRead;
  /** The state to report when `read` throws. */
  unreadable(): SiteRead;
  replyBox(): HTMLElement | null;
  /** Selectors left out of the draft text (badge, quoted history). */
  drop: readonly string[];
  /** Insertion never goes inside these (signature, quoted history). */
  stopAt: readonly string[];
}

export function guardedAdapter(p: AdapterParts): SiteAdapter {
  const safe = <T>(fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch {
      return fallback;
    }
  };
  return {
    site: p.site,
    read: () => safe(undefined, p.read) ?? p.unreadable(),
    replyBox: () => safe(null, p.replyBox),
    readDraft: () =>
      safe(null, () => {
        const box = p.replyBox();
        return box ? toPlainText(box, { drop: p.drop }) : null;
      }),
    async insert(text, options) {
      try {
        const box = p.replyBox();
        if (!box) return { ok: false, error: NO_REPLY_BOX };
        return await insertText(box, text, { ...options, stopAt: p.stopAt });
      } catch {
        return { ok: false, error: INSERT_THREW };
      }
    },
    async replace(find, replacement, occurrence = 0) {
      try {
        const box = p.replyBox();
        if (!box) return { ok: false, error: NO_REPLY_BOX };
        return await replaceText(box, find, replacement, { occurrence, skip: p.drop, stopAt: p.stopAt });
      } catch {
        return { ok: false, error: REPLACE_THREW };
      }
    },
    observeRoot: () => p.doc.body ?? p.doc.documentElement,
  };
}
