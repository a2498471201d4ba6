// The side panel's state: which tab, what is open in it, the analysis of the latest customer message,
// the suggestions and reminders for it, and the live draft coach. Views read this store and call its
// actions; everything that touches the page goes through the PanelBridge, everything that thinks goes
// through the PanelEngine, and tip usage goes to the UsageSink.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Analysis } from '@/lib/analysis/types';
import { nextUpdate, promisedUpdate } from '@/lib/coach/slots';
import type { Finding, PromisedUpdate, Reminder, Suggestion } from '@/lib/coach/types';
import type { ConversationSnapshot, PageState, SiteId } from '@/lib/messaging/protocol';
import type { PanelBridge } from './bridge';
import { copyText } from './clipboard';
import type { PanelEngine } from './engine';
import { LEVEL_LABEL } from './labels';
import type { TabSource } from './tabs';
import { noUsage, type UsageEvent, type UsageSink } from './usage';
import { waitingHours } from './waiting';

export type PanelStatus =
  | 'starting' // looking for the tab and asking what is open in it
  | 'unsupported' // not a Gmail or Zendesk page (or Defuse is not running there)
  | 'no-conversation' // a supported site, but no thread or ticket open
  | 'analysing'
  | 'unscored' // analysed, but the message could not be scored (empty, not English): see analysis.reason
  | 'ready'
  | 'error';

export interface ActionResult {
  state: 'pending' | 'ok' | 'failed';
  message: string;
}

export interface PanelSettings {
  sensitivity: 'low' | 'normal' | 'high';
  disabledRules: string[];
}

export interface ShownFinding extends Finding {
  /** Unique among the current findings (React key, action target). */
  id: string;
  /** What a dismissal remembers (dismissKeyOf), so it survives edits elsewhere in the draft. */
  dismissKey: string;
  /** The rewrite adds an update time ("…, and I'll update you by 3pm today"): that moment, read from
   * the same clock as the check, so a click after the hour turns still offers the right reminder. */
  update?: PromisedUpdate;
}

export type DraftMode = 'page' | 'manual';

export interface PanelData {
  status: PanelStatus;
  tabId: number | null;
  site: SiteId | null;
  conversation: ConversationSnapshot | null;
  noConversationReason: string | null;
  analysis: Analysis | null;
  suggestions: Suggestion[];
  reminders: Reminder[];
  /** Hours the customer has waited for an answer (their latest message, unanswered in the page); null when unknown or answered. */
  waitingHours: number | null;
  /** The update time the rep just promised (a suggestion with a time, inserted or copied): the notes
   * section offers a reminder for it. */
  promise: (PromisedUpdate & { suggestionId: string }) | null;
  /** Plain words for the rep; never a stack trace. */
  error: string | null;
  /** Why the last Insert or Use rewrite changed nothing, said on the view that replaced its conversation
   * (the page had moved to another one); null otherwise. */
  notice: string | null;
  /** The reply box's text as the content script last reported it; null until one arrives. */
  pageDraft: string | null;
  /** The "paste your draft here" textarea. */
  manualDraft: string;
  /** 'manual' when the rep chose to paste a draft even though the page has a reply box. */
  draftChoice: 'auto' | 'manual';
  /** A draft change is waiting for the debounce. */
  checking: boolean;
  findings: ShownFinding[];
  dismissed: string[];
  /** Outcome of Insert / Copy / Use rewrite, keyed `suggestion:<id>` or `coach`. */
  results: Record<string, ActionResult>;
  /** Text for the polite live region: level changes, and a message that can't be scored. */
  announcement: string;
  settings: PanelSettings;
}

export interface PanelActions {
  /** Subscribe to the bridge and tabs and load the current tab. Returns the stop function. */
  start(): () => void;
  showTab(tabId: number | null): Promise<void>;
  refresh(): Promise<void>;
  applyPageState(state: PageState | null): void;
  receivePageDraft(draft: string): void;
  setManualDraft(text: string): void;
  setDraftChoice(choice: 'auto' | 'manual'): void;
  insertSuggestion(id: string): Promise<void>;
  copySuggestion(id: string): Promise<void>;
  applyRewrite(findingId: string): Promise<void>;
  dismissFinding(findingId: string): void;
  setSettings(settings: Partial<PanelSettings>): void;
}

export type PanelState = PanelData & PanelActions;
export type PanelStore = StoreApi<PanelState>;

export interface PanelDeps {
  bridge: PanelBridge;
  tabs: TabSource;
  engine: PanelEngine;
  usage?: UsageSink;
  copy?: (text: string) => Promise<boolean>;
  now?: () => Date;
  /** Quiet time after the last keystroke before the draft is re-checked. */
  debounceMs?: number;
  /** Delay before analysing, so "Analysing…" paints before a long message is scored. */
  analysisDelayMs?: number;
  suggestionLimit?: number;
  settings?: Partial<PanelSettings>;
}

export const MESSAGES = {
  inserted: 'Inserted into your reply.',
  noReplyBox: 'No reply box open: click Reply first, then try again.',
  addedToPasted: 'Added to the end of your pasted draft.',
  noTab: 'No conversation to insert into. Open a Gmail thread or a Zendesk ticket first.',
  copied: 'Copied. Paste it into your reply.',
  copyFailed: "Couldn't copy. Select the text and press Ctrl+C (⌘C on a Mac).",
  readFailed: "Defuse couldn't read this tab. Reload the tab, then open Defuse again.",
  analysisFailed: "Defuse couldn't analyse this message. Reload the tab, then open Defuse again.",
  rewriteApplied: 'Rewrite applied to your draft.',
  rewriteAdded: 'Added to your reply.',
  draftChanged: 'Your draft changed; the finding was checked again.',
  conversationMoved: 'Nothing was written: the tab now shows another conversation. Check the panel, then try again.',
  movedNotice: 'Nothing was written into the reply box: the text was for the conversation you had open before. The panel now shows what is open in the tab.',
} as const;

const DEFAULT_SETTINGS: PanelSettings = { sensitivity: 'normal', disabledRules: [] };

const EMPTY_CONVERSATION = {
  conversation: null,
  analysis: null,
  suggestions: [],
  reminders: [],
  waitingHours: null,
  promise: null,
  pageDraft: null,
  manualDraft: '',
  checking: false,
  findings: [],
  dismissed: [],
  results: {},
} satisfies Partial<PanelData>;

/** The draft the coach reads: the reply box's, or the pasted one. */
export function draftModeOf(s: PanelData): DraftMode {
  if (s.draftChoice === 'manual') return 'manual';
  return s.conversation?.hasReplyBox || s.pageDraft !== null ? 'page' : 'manual';
}

export function currentDraft(s: PanelData): string {
  return draftModeOf(s) === 'page' ? (s.pageDraft ?? '') : s.manualDraft;
}

function conversationKey(c: ConversationSnapshot): string {
  return `${c.site}:${c.conversationId}`;
}

/** A result that could not be scored normally carries a reason (empty message, not English). */
export function isUnscored(a: Analysis): boolean {
  return Boolean(a.reason);
}

/** analyzeMessage never throws: an internal failure comes back as a reason naming the error, which
 * is for developers, so the panel shows its own plain sentence instead. */
export function analysisFailed(a: Analysis): boolean {
  return /^could not analy[sz]e/i.test(a.reason ?? '');
}

/** A score change within a level this large is announced again. */
const ANNOUNCE_STEP = 10;

export function createPanelStore(deps: PanelDeps): PanelStore {
  const { bridge, tabs, engine } = deps;
  const usage = deps.usage ?? noUsage;
  const copy = deps.copy ?? copyText;
  const now = deps.now ?? (() => new Date());
  const debounceMs = deps.debounceMs ?? 300;
  const analysisDelayMs = deps.analysisDelayMs ?? 16;
  const suggestionLimit = deps.suggestionLimit ?? 5;

  let loadSeq = 0;
  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  let analysisTimer: ReturnType<typeof setTimeout> | undefined;
  let lastAnnounced: { key: string; level: string; score: number } | null = null;
  /** `kind|tipId` already recorded as shown for the open conversation (suggestions: for its latest
   * customer message). Each is one showing. */
  let shown = new Set<string>();
  /** `suggestion|tipId` inserted or copied in its current showing: a showing is used once at most,
   * so Insert then Copy (or Insert twice) keeps the use rate at or below 100%. */
  let used = new Set<string>();
  /** The promised update's words were seen in the draft: once they leave it, so does the offer. */
  let promiseInDraft = false;
  /** The page refused an edit for the conversation on screen: the next view says why (MESSAGES.movedNotice). */
  let movedNotice = false;
  const cache = new Map<string, Analysis>();

  function record(event: Omit<UsageEvent, 'site'>): void {
    const site = store.getState().conversation?.site;
    if (!site) return;
    try {
      const pending = usage.record({ ...event, site });
      if (pending && typeof pending.catch === 'function') pending.catch(() => {});
    } catch {
      // Usage statistics must never break the panel.
    }
  }

  function recordShown(kind: UsageEvent['kind'], tipId: string): void {
    const key = `${kind}|${tipId}`;
    if (shown.has(key)) return;
    shown.add(key);
    used.delete(key); // a new showing may be used again
    record({ kind, tipId, action: 'shown' });
  }

  /** A new customer message rebuilds the suggestions: they are shown, and may be used, anew. */
  function forgetShownSuggestions(): void {
    for (const key of shown) if (key.startsWith('suggestion|')) shown.delete(key);
    used = new Set();
  }

  function recordUsed(tipId: string, action: 'inserted' | 'copied'): void {
    const key = `suggestion|${tipId}`;
    if (used.has(key)) return;
    used.add(key);
    record({ kind: 'suggestion', tipId, action });
  }

  /** Drops the reminder offer for a promised update once the draft no longer says it (the rep deleted
   * or rewrote it). Until the words first reach a draft (a copied suggestion not yet pasted), it stays. */
  function followPromise(): void {
    const { promise, pageDraft, manualDraft } = store.getState();
    if (!promise) return;
    const label = promise.label.toLowerCase();
    const inDraft = [pageDraft ?? '', manualDraft].some((d) => d.toLowerCase().includes(label));
    if (inDraft) promiseInDraft = true;
    else if (promiseInDraft) {
      promiseInDraft = false;
      store.setState({ promise: null });
    }
  }

  function clearTimers(): void {
    clearTimeout(draftTimer);
    clearTimeout(analysisTimer);
    draftTimer = analysisTimer = undefined;
  }

  function resetConversation(): void {
    clearTimers();
    shown = new Set();
    used = new Set();
    promiseInDraft = false;
    // What is on screen changes: nothing stale stays in the live region, and the next level is read out.
    lastAnnounced = null;
    // An edit the page refused because it had moved on is explained on the view that replaces it.
    const notice = movedNotice ? MESSAGES.movedNotice : null;
    movedNotice = false;
    store.setState({ ...EMPTY_CONVERSATION, error: null, noConversationReason: null, announcement: '', notice });
  }

  /** A new action in the panel: an older notice no longer explains anything. */
  function clearNotice(): void {
    movedNotice = false;
    if (store.getState().notice !== null) store.setState({ notice: null });
  }

  /**
   * The page refused an edit: it shows another conversation than the one the text was for (`key`).
   * The panel asks what is open now (a missed broadcast must not keep it on the old one) and, once it
   * has moved on, says there why nothing was written.
   */
  function refusedMoved(key: string, tabId: number): ActionResult {
    if (tabId !== store.getState().tabId) return { state: 'failed', message: MESSAGES.conversationMoved };
    if (stillOn(key)) {
      movedNotice = true;
      void store.getState().refresh();
    } else {
      store.setState({ notice: MESSAGES.movedNotice });
    }
    return { state: 'failed', message: MESSAGES.conversationMoved };
  }

  function analyse(c: ConversationSnapshot): Analysis {
    const { sensitivity } = store.getState().settings;
    const priorCustomerMessages = Math.max(0, c.customerMessageCount - 1);
    const key = `${sensitivity}|${priorCustomerMessages}|${c.latestCustomerText}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const analysis = engine.analyze(c.latestCustomerText, { priorCustomerMessages, sensitivity });
    cache.set(key, analysis);
    // A few recent conversations are enough to make switching back instant.
    if (cache.size > 8) cache.delete(cache.keys().next().value as string);
    return analysis;
  }

  function announcementFor(c: ConversationSnapshot, a: Analysis): string | null {
    const key = conversationKey(c);
    const level = isUnscored(a) ? `unscored:${a.reason}` : a.level;
    // Read out again when the level changes, or the score moves by ANNOUNCE_STEP or more within it: the
    // live region must not keep saying 51 while the gauge shows 75.
    if (lastAnnounced && lastAnnounced.key === key && lastAnnounced.level === level && Math.abs(lastAnnounced.score - a.score) < ANNOUNCE_STEP) return null;
    lastAnnounced = { key, level, score: a.score };
    if (isUnscored(a)) return `Defuse can't score this message: ${a.reason}.`;
    const alert = a.frustrated ? ' This customer is frustrated.' : '';
    return `Frustration level: ${LEVEL_LABEL[a.level]}, ${a.score} of 100.${alert}`;
  }

  function runAnalysis(): void {
    analysisTimer = undefined;
    const c = store.getState().conversation;
    if (!c) return;
    try {
      const analysis = analyse(c);
      if (analysisFailed(analysis)) {
        console.error('Defuse:', analysis.reason);
        failAnalysis();
        return;
      }
      if (isUnscored(analysis)) {
        const announcement = announcementFor(c, analysis);
        store.setState({ status: 'unscored', analysis, suggestions: [], reminders: [], ...(announcement ? { announcement } : {}) });
      } else {
        const text = c.latestCustomerText;
        const suggestions = [...engine.suggest(analysis, { now: now(), limit: suggestionLimit, text, answered: c.answered === true })]
          .sort((a, b) => b.rank - a.rank)
          .slice(0, suggestionLimit);
        const waited = waitingHours(c, now());
        const reminders = engine.remind(analysis, { text, ...(waited !== undefined ? { waitingHours: waited } : {}) });
        const announcement = announcementFor(c, analysis);
        store.setState({
          status: 'ready',
          analysis,
          suggestions,
          reminders,
          waitingHours: waited ?? null,
          ...(announcement ? { announcement } : {}),
        });
        for (const s of suggestions) recordShown('suggestion', s.id);
        for (const r of reminders) recordShown('reminder', r.id);
      }
    } catch (err) {
      console.error('Defuse: analysis failed', err);
      failAnalysis();
      return;
    }
    if (currentDraft(store.getState()).trim()) checkNow();
  }

  /** The error message (a status region) replaces the level, so the live region drops it too. */
  function failAnalysis(): void {
    lastAnnounced = null;
    store.setState({ status: 'error', error: MESSAGES.analysisFailed, analysis: null, suggestions: [], reminders: [], announcement: '' });
  }

  function scheduleAnalysis(): void {
    clearTimeout(analysisTimer);
    analysisTimer = setTimeout(runAnalysis, analysisDelayMs);
  }

  function checkNow(): void {
    clearTimeout(draftTimer);
    draftTimer = undefined;
    const s = store.getState();
    const draft = currentDraft(s);
    let raw: Finding[] = [];
    const checkedAt = now();
    try {
      raw = draft.trim()
        ? engine.checkDraft(draft, {
            analysis: s.analysis && !isUnscored(s.analysis) ? s.analysis : undefined,
            disabledRules: s.settings.disabledRules,
            now: checkedAt,
          })
        : [];
    } catch (err) {
      console.error('Defuse: draft check failed', err);
    }
    const next = nextUpdate(checkedAt);
    const findings: ShownFinding[] = raw
      .map((f, i) => {
        const update = promisedUpdate(f.suggestion, next, f.text);
        return { ...f, id: `${f.rule}:${f.start}:${f.end}:${i}`, dismissKey: dismissKeyOf(f), ...(update ? { update } : {}) };
      })
      .filter((f) => !s.dismissed.includes(f.dismissKey));
    store.setState({ findings, checking: false });
    for (const f of findings) recordShown('rule', f.rule);
  }

  function scheduleCheck(): void {
    clearTimeout(draftTimer);
    store.setState({ checking: true });
    draftTimer = setTimeout(checkNow, debounceMs);
  }

  function setResult(key: string, result: ActionResult): void {
    store.setState((s) => ({ results: { ...s.results, [key]: result } }));
  }

  /** True while the conversation an async action started on is still the one shown. */
  function stillOn(key: string | null): boolean {
    const c = store.getState().conversation;
    return key !== null && c !== null && conversationKey(c) === key;
  }

  /** A suggestion that promises an update at a time: remember it, so a reminder can be set for it. */
  function notePromise(s: Pick<Suggestion, 'id' | 'update'>): void {
    if (!s.update) return;
    promiseInDraft = false;
    store.setState({ promise: { suggestionId: s.id, ...s.update } });
    followPromise();
  }

  /** A coach rewrite that adds the update time ("…, and I'll update you by 3pm today") promises it too. */
  function notePromisedRewrite(f: ShownFinding): void {
    if (f.update) notePromise({ id: `rule:${f.rule}`, update: f.update });
  }

  /** Inserts text into the reply box of conversation `c`, which the page must still show. */
  async function insertText(text: string, c: ConversationSnapshot): Promise<ActionResult> {
    const tabId = store.getState().tabId;
    if (tabId === null) return { state: 'failed', message: MESSAGES.noTab };
    const res = await bridge.insert(tabId, text, c.conversationId);
    if (res.ok) return { state: 'ok', message: MESSAGES.inserted };
    if (res.refused === 'conversation-moved') return refusedMoved(conversationKey(c), tabId);
    return { state: 'failed', message: res.error?.trim() || MESSAGES.noReplyBox };
  }

  const store = createStore<PanelState>()((set, get) => ({
    status: 'starting',
    tabId: null,
    site: null,
    noConversationReason: null,
    error: null,
    notice: null,
    draftChoice: 'auto',
    announcement: '',
    settings: { ...DEFAULT_SETTINGS, ...deps.settings },
    ...EMPTY_CONVERSATION,

    start() {
      const offPage = bridge.onPageStateChanged((change) => {
        if (change.tabId !== get().tabId) return;
        loadSeq++; // a push is newer than any answer still on its way
        get().applyPageState(change.state);
      });
      const offDraft = bridge.onDraftChanged((change, fromTabId) => {
        const c = get().conversation;
        if (fromTabId !== undefined && fromTabId !== get().tabId) return;
        if (c && change.conversationId === c.conversationId) get().receivePageDraft(change.draft);
      });
      const offTabs = tabs.subscribe((event) => {
        if (event.type === 'activated') void get().showTab(event.tabId);
        else if (event.tabId === get().tabId) void get().refresh();
      });
      tabs.current().then(
        (tabId) => get().showTab(tabId),
        () => set({ status: 'error', error: MESSAGES.readFailed }),
      );
      return () => {
        offPage();
        offDraft();
        offTabs();
        clearTimers();
      };
    },

    async showTab(tabId) {
      if (tabId !== get().tabId) {
        movedNotice = false; // about the other tab
        resetConversation();
        set({ tabId, status: tabId === null ? 'unsupported' : 'starting', site: null });
      }
      if (tabId !== null) await get().refresh();
    },

    async refresh() {
      const tabId = get().tabId;
      if (tabId === null) return;
      const seq = ++loadSeq;
      let state: PageState | null;
      try {
        state = await bridge.getPageState(tabId);
      } catch (err) {
        if (seq !== loadSeq || tabId !== get().tabId) return;
        console.error('Defuse: page state unavailable', err);
        resetConversation();
        set({ status: 'error', error: MESSAGES.readFailed });
        return;
      }
      if (seq !== loadSeq || tabId !== get().tabId) return;
      get().applyPageState(state);
    },

    applyPageState(state) {
      if (!state) {
        resetConversation();
        set({ status: 'unsupported', site: null });
        return;
      }
      if (state.kind === 'no-conversation') {
        resetConversation();
        set({ status: 'no-conversation', site: state.site, noConversationReason: state.reason });
        return;
      }
      const c = state.conversation;
      const prev = get().conversation;
      const same = prev !== null && conversationKey(prev) === conversationKey(c);
      if (
        same &&
        prev.latestCustomerText === c.latestCustomerText &&
        prev.customerMessageCount === c.customerMessageCount &&
        prev.answered === c.answered && // the rep replied: no longer waiting (reminders change)
        get().status !== 'error'
      ) {
        const before = draftModeOf(get());
        set({ conversation: c }); // e.g. the reply box opened
        if (draftModeOf(get()) !== before) checkNow();
        return;
      }
      // A new customer message in the open conversation: its suggestions are a new showing.
      if (same && (prev.latestCustomerText !== c.latestCustomerText || prev.customerMessageCount !== c.customerMessageCount)) {
        forgetShownSuggestions();
      }
      if (!same) {
        resetConversation();
        const tabId = get().tabId;
        if (c.hasReplyBox && tabId !== null) {
          const key = conversationKey(c);
          bridge.getDraft(tabId, c.conversationId).then(
            (draft) => {
              if (draft !== null && stillOn(key) && get().pageDraft === null) get().receivePageDraft(draft);
            },
            () => {},
          );
        }
      }
      // A new message in the conversation on screen is re-analysed behind the current view, so the
      // rep's focus and typing are not interrupted by an "Analysing…" flash.
      const keepView = same && get().analysis !== null && get().status !== 'error';
      set({ conversation: c, site: c.site, error: null, ...(keepView ? {} : { status: 'analysing' as const }) });
      scheduleAnalysis();
    },

    receivePageDraft(draft) {
      const before = draftModeOf(get());
      set({ pageDraft: draft });
      followPromise();
      if (draftModeOf(get()) !== 'page') return;
      // Typing is debounced; the first draft from a newly opened reply box replaces the pasted one at once.
      if (before === 'page') scheduleCheck();
      else checkNow();
    },

    setManualDraft(text) {
      set({ manualDraft: text });
      followPromise();
      if (draftModeOf(get()) === 'manual') scheduleCheck();
    },

    setDraftChoice(choice) {
      const { coach: _old, ...results } = get().results;
      set({ draftChoice: choice, results });
      checkNow();
    },

    async insertSuggestion(id) {
      const suggestion = get().suggestions.find((s) => s.id === id);
      const c = get().conversation;
      if (!suggestion || !c) return;
      const key = conversationKey(c);
      clearNotice();
      // No reply box in the page, but a pasted draft being coached: the suggestion goes at its end.
      const pasted = get().manualDraft;
      if (draftModeOf(get()) === 'manual' && pasted.trim()) {
        set({ manualDraft: /\s$/.test(pasted) ? pasted + suggestion.text : `${pasted} ${suggestion.text}` });
        followPromise();
        checkNow();
        setResult(`suggestion:${id}`, { state: 'ok', message: MESSAGES.addedToPasted });
        recordUsed(id, 'inserted');
        notePromise(suggestion);
        return;
      }
      setResult(`suggestion:${id}`, { state: 'pending', message: 'Inserting…' });
      const result = await insertText(suggestion.text, c);
      if (!stillOn(key)) return;
      setResult(`suggestion:${id}`, result);
      if (result.state === 'ok') {
        recordUsed(id, 'inserted');
        notePromise(suggestion);
      }
    },

    async copySuggestion(id) {
      const suggestion = get().suggestions.find((s) => s.id === id);
      const c = get().conversation;
      if (!suggestion || !c) return;
      const key = conversationKey(c);
      clearNotice();
      const ok = await copy(suggestion.text);
      if (!stillOn(key)) return;
      setResult(`suggestion:${id}`, ok ? { state: 'ok', message: MESSAGES.copied } : { state: 'failed', message: MESSAGES.copyFailed });
      if (ok) {
        recordUsed(id, 'copied');
        notePromise(suggestion);
      }
    },

    async applyRewrite(findingId) {
      const finding = get().findings.find((f) => f.id === findingId);
      const c = get().conversation;
      if (!finding || !c) return;
      const key = conversationKey(c);
      clearNotice();

      if (draftModeOf(get()) === 'manual') {
        const next = rewriteDraft(get().manualDraft, finding);
        if (next === null) {
          setResult('coach', { state: 'failed', message: MESSAGES.draftChanged });
          checkNow();
          return;
        }
        set({ manualDraft: next });
        followPromise();
        checkNow();
        setResult('coach', { state: 'ok', message: MESSAGES.rewriteApplied });
        record({ kind: 'rule', tipId: finding.rule, action: 'fixed' });
        notePromisedRewrite(finding);
        return;
      }

      // The reply box lives in the page. A rewrite with nothing to replace (a missing apology or next
      // step) is inserted at the caret; a rewrite of existing words replaces them there (the n-th time
      // those words appear in the draft, as the coach saw it). When the page cannot do it (the words
      // moved, the editor refused), the rewrite is copied so the rep can paste it over them; not when
      // the page shows another conversation, whose reply it is not for.
      let result: ActionResult;
      if (finding.start === finding.end || !finding.text) {
        result = await insertText(finding.suggestion, c);
        if (result.state === 'ok') result = { state: 'ok', message: MESSAGES.rewriteAdded };
      } else {
        const draft = currentDraft(get());
        const tabId = get().tabId;
        const inPlace = draft.slice(finding.start, finding.end) === finding.text;
        const replaced =
          inPlace && tabId !== null
            ? await bridge.replace(tabId, finding.text, occurrencesBefore(draft, finding.text, finding.start), finding.suggestion, c.conversationId)
            : { ok: false };
        if (replaced.ok) result = { state: 'ok', message: MESSAGES.rewriteApplied };
        else if (replaced.refused === 'conversation-moved' && tabId !== null) result = refusedMoved(key, tabId);
        else {
          const ok = await copy(finding.suggestion);
          result = ok
            ? { state: 'ok', message: `Rewrite copied. Select “${clip(finding.text)}” in your reply and paste over it.` }
            : { state: 'failed', message: MESSAGES.copyFailed };
        }
      }
      if (!stillOn(key)) return;
      setResult('coach', result);
      if (result.state === 'ok') {
        record({ kind: 'rule', tipId: finding.rule, action: 'fixed' });
        notePromisedRewrite(finding);
      }
    },

    dismissFinding(findingId) {
      const finding = get().findings.find((f) => f.id === findingId);
      if (!finding) return;
      set((s) => ({
        dismissed: [...s.dismissed, finding.dismissKey],
        findings: s.findings.filter((f) => f.dismissKey !== finding.dismissKey),
      }));
      record({ kind: 'rule', tipId: finding.rule, action: 'dismissed' });
    },

    setSettings(settings) {
      set((s) => ({ settings: { ...s.settings, ...settings } }));
      if (get().conversation) scheduleAnalysis();
    },
  }));

  return store;
}

/**
 * What a dismissal remembers. A `missing-*` finding is about the whole draft (its span is only where
 * the rewrite would go, and moves as the rep types), so dismissing it dismisses the rule; any other
 * finding is dismissed for those words only.
 */
export function dismissKeyOf(f: Finding): string {
  return f.rule.startsWith('missing-') ? f.rule : `${f.rule}|${f.text.trim().toLowerCase()}`;
}

/** The draft with the finding's words replaced by its rewrite; null when the words are gone. */
export function rewriteDraft(draft: string, f: Finding): string | null {
  if (f.start === f.end || !f.text) {
    // Nothing to replace: add the sentence where the coach points (the start, or the end).
    const at = Math.min(Math.max(0, f.start), draft.length);
    if (at === 0) return `${f.suggestion}${draft ? ' ' : ''}${draft}`;
    const before = draft.slice(0, at).replace(/\s+$/, '');
    return `${before}${before ? ' ' : ''}${f.suggestion}${draft.slice(at)}`;
  }
  if (draft.slice(f.start, f.end) === f.text) return draft.slice(0, f.start) + f.suggestion + draft.slice(f.end);
  const at = draft.indexOf(f.text);
  if (at < 0) return null;
  return draft.slice(0, at) + f.suggestion + draft.slice(at + f.text.length);
}

/** How many times `needle` starts before `end` in `text` (non-overlapping, as a search finds them). */
export function occurrencesBefore(text: string, needle: string, end: number): number {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1 && at < end; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

function clip(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
