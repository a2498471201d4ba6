// Tells the content script when the page may have changed, cheaply, and never while the page is
// idle: one MutationObserver (child lists and a few identity attributes, no text changes) whose
// callback only (re)arms a debounce timer; SPA navigation events; nothing at all while the tab is
// hidden (the observer is disconnected and re-armed on visibilitychange). No polling.

/** Attributes whose change means "another conversation is showing" (ticket tab selected, thread swapped). */
export const WATCHED_ATTRIBUTES = [
  'data-entity-is-selected',
  'aria-selected',
  'aria-expanded',
  'hidden',
  'data-thread-perm-id',
  'data-legacy-thread-id',
  'data-message-id',
  'data-ticket-id',
  'data-side-conversations-anchor-id',
  'type',
];

export interface WatchOptions {
  doc: Document;
  win: Window;
  root: () => Node;
  /** Quiet time before `onChange` runs. */
  delayMs: number;
  /** Upper bound on how long a steady stream of mutations can postpone `onChange`. */
  maxWaitMs?: number;
  /** Mutations to ignore (our own badge, typing in the reply box). */
  ignore?: (record: MutationRecord) => boolean;
  onChange: () => void;
  /** Called when the tab becomes visible again (after re-arming). */
  onVisible?: () => void;
  signal: AbortSignal;
}

export interface Watcher {
  /** Arms the debounce as if the page had changed. */
  poke(): void;
  /** Runs a pending change now. */
  flush(): void;
  readonly stats: { callbacks: number; runs: number; observing: boolean };
}

export function watchPage(options: WatchOptions): Watcher {
  const { doc, win, delayMs, signal } = options;
  const maxWait = options.maxWaitMs ?? delayMs * 4;
  const stats = { callbacks: 0, runs: 0, observing: false };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pendingSince = 0;

  const run = () => {
    timer = undefined;
    pendingSince = 0;
    if (signal.aborted) return;
    stats.runs++;
    try {
      options.onChange();
    } catch {
      // Never into the host page.
    }
  };
  const poke = () => {
    if (signal.aborted || doc.hidden) return;
    const now = Date.now();
    if (!pendingSince) pendingSince = now;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, Math.max(0, Math.min(delayMs, pendingSince + maxWait - now)));
  };
  const cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pendingSince = 0;
  };

  const observer = new MutationObserver((records) => {
    stats.callbacks++;
    try {
      if (options.ignore && records.every(options.ignore)) return;
      poke();
    } catch {
      // Never into the host page.
    }
  });
  const connect = () => {
    if (stats.observing || signal.aborted) return;
    observer.observe(options.root(), {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: WATCHED_ATTRIBUTES,
    });
    stats.observing = true;
  };
  const disconnect = () => {
    observer.disconnect();
    stats.observing = false;
    cancel();
  };

  const listen = { signal } as AddEventListenerOptions;
  doc.addEventListener(
    'visibilitychange',
    () => {
      if (doc.hidden) disconnect();
      else {
        connect();
        options.onVisible?.();
      }
    },
    listen,
  );
  win.addEventListener('hashchange', poke, listen);
  win.addEventListener('popstate', poke, listen);
  // pushState by the page fires no event a content script can hear, except through the Navigation
  // API (Chrome); elsewhere the DOM change that comes with it is enough.
  const nav = (win as Window & { navigation?: EventTarget }).navigation;
  nav?.addEventListener?.('navigatesuccess', poke, listen);
  signal.addEventListener('abort', disconnect, { once: true });

  if (!doc.hidden) connect();

  return {
    poke,
    flush() {
      if (timer !== undefined) {
        clearTimeout(timer);
        run();
      }
    },
    stats,
  };
}
