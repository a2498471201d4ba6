// The content script's whole job, site-independent: read the page through the site adapter when it
// may have changed, tell the background when what it read changed, put the badge where the
// background's analysis says, and answer the panel (draft, insert). No NLP here (bundle size, host
// speed); nothing runs while the page is idle; nothing ever throws into the host page.
import { BADGE_TAG, createBadge, createRestoreBudget, type BadgeController, type BadgeData } from '@/lib/badge';
import type { Messenger } from '@/lib/messaging';
import type { EditResult, PageState } from '@/lib/messaging/protocol';
import { INSERT_THREW, REPLACE_THREW } from '@/lib/sites/editable';
import { toPageState } from '@/lib/sites/page-state';
import type { InsertResult, SiteAdapter, SiteRead } from '@/lib/sites/types';
import { watchPage, type Watcher } from './watch';

export interface ContentRuntimeOptions {
  adapter: SiteAdapter;
  messenger: Messenger;
  signal: AbortSignal;
  doc?: Document;
  win?: Window;
  /** Quiet time after page changes before re-reading (default 250 ms). */
  debounceMs?: number;
  /** Quiet time after typing before the draft is sent (default 400 ms). */
  draftDebounceMs?: number;
}

export interface ContentRuntime {
  /** Reads the page now; sends it when it changed (or always, with `force`). Returns what was read. */
  update(force?: boolean): PageState;
  /** The last state sent to the background. */
  readonly state: PageState | null;
  readonly badge: BadgeController;
  readonly watcher: Watcher;
}

/** When the rep has switched conversation since the panel last heard: nothing is written into the other one. */
export const CONVERSATION_MOVED = 'The open conversation changed, so Defuse left the reply box alone. Check the panel, then try again.';

function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

export function startContentRuntime(options: ContentRuntimeOptions): ContentRuntime {
  const { adapter, messenger, signal } = options;
  const doc = options.doc ?? document;
  const win = options.win ?? window;
  const draftDelay = options.draftDebounceMs ?? 400;

  let lastRead: SiteRead | null = null;
  let lastState: PageState | null = null;
  let lastSignature = '';
  let badgeData: BadgeData | null = null;
  let generation = 0;
  let replyBox: HTMLElement | null = null;
  let caret: Range | null = null;
  let lastDraft: string | null = null;
  let draftTimer: ReturnType<typeof setTimeout> | undefined;

  const badge = createBadge(doc, () => {
    void messenger
      .send('content:openPanel', {})
      .then((res) => {
        if (res && !res.opened && res.hint) badge.hint(res.hint);
      })
      .catch(() => undefined);
  });

  // A previous copy of this script (extension reloaded or updated) may have left its badge behind.
  safe(() => doc.querySelectorAll(BADGE_TAG).forEach((el) => el.remove()), undefined);

  // The host re-renders at will and can take the badge out with the node that held it (or on its
  // own). The next check puts it back from what is already known, without asking the background
  // again; a host that keeps removing it gets a few restores a minute, then none until the rep opens
  // another conversation or the customer writes again.
  const restores = createRestoreBudget();
  const placeBadge = () => {
    if (signal.aborted || !badgeData || lastRead?.kind !== 'conversation') return;
    if (badgeData.conversationId !== lastRead.conversationId) return;
    if (badge.detached && !restores.take()) return;
    badge.place(lastRead.latest.badgeSlot, badgeData); // idempotent: moves or rewrites only what differs
  };
  /** The badge should be in the page and the host has taken it out: worth a check. */
  const badgeTakenOut = () => badge.detached && !restores.exhausted && !signal.aborted;

  // ---- the draft: typing in the reply box, debounced --------------------------------------------
  const draftObserver = new MutationObserver(() => scheduleDraft());
  const watchReplyBox = (box: HTMLElement | null) => {
    if (box === replyBox) return;
    draftObserver.disconnect();
    replyBox = box;
    caret = null;
    // CKEditor cancels beforeinput and renders itself, so no `input` event follows: watch the box's text.
    if (box && !doc.hidden) draftObserver.observe(box, { childList: true, subtree: true, characterData: true });
  };
  const sendDraft = () => {
    draftTimer = undefined;
    if (signal.aborted || lastRead?.kind !== 'conversation') return;
    const draft = safe(() => adapter.readDraft(), null);
    if (draft === null || draft === lastDraft) return;
    lastDraft = draft;
    void messenger.send('content:draftChanged', { conversationId: lastRead.conversationId, draft }).catch(() => undefined);
  };
  function scheduleDraft() {
    if (signal.aborted) return;
    if (draftTimer !== undefined) clearTimeout(draftTimer);
    draftTimer = setTimeout(sendDraft, draftDelay);
  }
  const listen = { signal, capture: true } as AddEventListenerOptions;
  doc.addEventListener(
    'input',
    (event) => {
      if (replyBox && event.target instanceof Node && replyBox.contains(event.target)) scheduleDraft();
    },
    listen,
  );
  // Remember the rep's caret in the reply box, so an insert from the panel lands where they were.
  doc.addEventListener(
    'selectionchange',
    () => {
      if (!replyBox) return;
      const sel = doc.getSelection();
      if (sel && sel.rangeCount && replyBox.contains(sel.getRangeAt(0).startContainer)) caret = sel.getRangeAt(0).cloneRange();
    },
    listen,
  );

  // ---- the page: read, compare, send, badge -----------------------------------------------------
  const update = (force = false): PageState => {
    const read = safe<SiteRead>(() => adapter.read(), { kind: 'no-conversation', reason: 'Defuse could not read this page.' });
    const state = toPageState(adapter.site, read, doc.location?.href ?? '');
    if (signal.aborted) return state; // stopped: nothing sent, nothing observed, no badge
    const signature = JSON.stringify(state);
    const previous = lastRead;
    lastRead = read;
    watchReplyBox(read.kind === 'conversation' ? read.replyBox : null);

    if (signature === lastSignature && !force) {
      safe(placeBadge, undefined); // the host may have re-rendered the message and dropped the badge
      return state;
    }
    lastSignature = signature;
    lastState = state;
    const mine = ++generation;

    if (read.kind !== 'conversation') {
      badgeData = null;
      badge.remove();
      restores.reset();
    } else if (previous?.kind !== 'conversation' || previous.conversationId !== read.conversationId) {
      // Another conversation: the old badge must not linger on it while this one is analysed.
      badgeData = null;
      badge.remove();
      restores.reset();
      lastDraft = null;
    } else if (previous.customerMessageCount !== read.customerMessageCount || previous.latest.text !== read.latest.text) {
      // The customer wrote again (or the latest message changed): that is news worth a badge even
      // where the host had worn out this conversation's restores.
      restores.reset();
    }

    messenger
      .send('content:pageState', state)
      .then((analysis) => {
        if (mine !== generation || signal.aborted || read.kind !== 'conversation') return;
        if (!analysis) {
          badgeData = null;
          badge.remove();
          return;
        }
        badgeData = {
          conversationId: read.conversationId,
          level: analysis.level,
          score: analysis.score,
          customerMessages: read.customerMessageCount,
          ...(analysis.reason ? { unscored: analysis.reason } : {}),
        };
        safe(placeBadge, undefined);
      })
      .catch(() => undefined);
    return state;
  };

  const ownNode = (node: Node) => node.nodeName.toLowerCase() === BADGE_TAG;
  const watcher = watchPage({
    doc,
    win,
    signal,
    root: () => adapter.observeRoot(),
    delayMs: options.debounceMs ?? 250,
    ignore: (record) => {
      if (replyBox && replyBox.contains(record.target)) return true; // typing: handled by the draft watcher
      if (record.type !== 'childList') return false;
      const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
      if (nodes.length === 0 || !nodes.every(ownNode)) return false;
      // Only badges came or went. Our own placing and moving is no news; the host taking ours out is.
      return !badgeTakenOut();
    },
    onChange: () => void update(),
    onVisible: () => {
      if (replyBox) draftObserver.observe(replyBox, { childList: true, subtree: true, characterData: true });
      update();
    },
  });
  doc.addEventListener('visibilitychange', () => doc.hidden && draftObserver.disconnect(), { signal });

  // ---- messages from the background (on behalf of the panel) ------------------------------------
  /**
   * Is the page on another conversation than the one the panel's text is for? The panel names it
   * (`expected`); older callers don't, and then the one last sent stands in for it, since the panel
   * shows what it was last told. Either way the rep can switch ticket or thread and click before the
   * debounced re-read has told the panel, so the page is read now; that also sends the new state, so
   * the panel catches up.
   */
  const conversationMoved = (expected: string | undefined): boolean => {
    const shown = expected ?? (lastState?.kind === 'conversation' ? lastState.conversation.conversationId : null);
    if (shown === null) return false;
    const now = update();
    return now.kind !== 'conversation' || now.conversation.conversationId !== shown;
  };
  /** Runs an edit of the reply box for the conversation `expected`; the panel gets ok/error, never an exception. */
  const editReply = async (expected: string | undefined, run: () => Promise<InsertResult>, failed: string): Promise<EditResult> => {
    if (safe(() => conversationMoved(expected), false)) return { ok: false, error: CONVERSATION_MOVED, refused: 'conversation-moved' };
    let result: InsertResult;
    try {
      result = await run();
    } catch {
      result = { ok: false, error: failed };
    }
    if (result.ok) scheduleDraft();
    return result.error ? { ok: result.ok, error: result.error } : { ok: result.ok };
  };
  const stopListening = messenger.listen({
    'bg:refresh': () => update(true),
    'panel:getDraft': ({ conversationId }) => {
      // Another conversation's draft must not be coached as this one's.
      if (conversationId !== undefined && safe(() => conversationMoved(conversationId), true)) return null;
      const draft = safe(() => adapter.readDraft(), null);
      return draft === null ? null : { draft };
    },
    'panel:insert': ({ text, conversationId }) => editReply(conversationId, () => adapter.insert(text, { caret }), INSERT_THREW),
    'panel:replace': ({ find, occurrence, text, conversationId }) =>
      editReply(conversationId, () => adapter.replace(find, text, occurrence), REPLACE_THREW),
  });

  signal.addEventListener(
    'abort',
    () => {
      safe(stopListening, undefined);
      draftObserver.disconnect();
      if (draftTimer !== undefined) clearTimeout(draftTimer);
      badge.remove();
    },
    { once: true },
  );

  update();

  return {
    update,
    get state() {
      return lastState;
    },
    badge,
    watcher,
  };
}
