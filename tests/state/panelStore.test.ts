import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { nextUpdate } from '@/lib/coach/slots';
import { MESSAGES, currentDraft, dismissKeyOf, draftModeOf, occurrencesBefore, rewriteDraft } from '@/lib/state/panelStore';
import { pageWith, setup } from './helpers';

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Let promises settle and timers up to `ms` run. */
const tick = (ms = 20) => vi.advanceTimersByTimeAsync(ms);

describe('page state → analysis → suggestions', () => {
  test('a conversation is analysed, with ranked suggestions and reminders', async () => {
    const { store, engine } = setup();
    store.getState().start();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().status).toBe('analysing');
    await tick();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.analysis?.signals.map((x) => x.id)).toEqual(['repeat-contact', 'churn-threat']);
    expect(s.analysis?.level).toBe('frustrated');
    expect(s.suggestions.map((x) => x.id)).toEqual(['acknowledge', 'own-it', 'next-step']);
    expect(s.reminders.map((r) => r.id)).toEqual(['own-first', 'offer-escalation']);
    expect(engine.calls.analyze).toBe(1);
  });

  test('passes earlier customer messages and the sensitivity to the analysis', async () => {
    const { store, engine } = setup(pageWith({ customerMessageCount: 4 }), { settings: { sensitivity: 'high' } });
    const analyze = vi.spyOn(engine, 'analyze');
    store.getState().start();
    await tick();
    expect(analyze).toHaveBeenCalledWith(expect.any(String), { priorCustomerMessages: 3, sensitivity: 'high' });
  });

  test('an unanswered customer message: how long they have waited goes to the reminders and the state', async () => {
    // setup's clock: 2025-01-01 10:00 UTC
    const { store, engine } = setup(pageWith({ sentAt: '2024-12-31T08:00:00Z', answered: false }));
    const remind = vi.spyOn(engine, 'remind');
    store.getState().start();
    await tick();
    expect(remind).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ waitingHours: 26 }));
    expect(store.getState().waitingHours).toBe(26);
  });

  test('once the rep has answered in the page, the wait and its reminder go', async () => {
    const { store, bridge } = setup(pageWith({ sentAt: '2024-12-31T08:00:00Z', answered: false }));
    store.getState().start();
    await tick();
    expect(store.getState().waitingHours).toBe(26);
    bridge.pushPageState({ tabId: 1, state: pageWith({ sentAt: '2024-12-31T08:00:00Z', answered: true }) });
    await tick();
    expect(store.getState().waitingHours).toBeNull();
    expect(store.getState().status).toBe('ready');
  });

  test('suggestions are asked for as a follow-up once the rep has answered in the page', async () => {
    const { store, engine } = setup(pageWith({ answered: true }));
    const suggest = vi.spyOn(engine, 'suggest');
    store.getState().start();
    await tick();
    expect(suggest).toHaveBeenLastCalledWith(expect.anything(), expect.objectContaining({ answered: true }));
  });

  test.each([
    ['answered', { sentAt: '2024-12-31T08:00:00Z', answered: true }],
    ['not known to be unanswered', { sentAt: '2024-12-31T08:00:00Z' }],
    ['an unreadable time', { sentAt: 'yesterday-ish', answered: false }],
  ])('no wait when the message is %s', async (_what, over) => {
    const { store, engine } = setup(pageWith(over));
    const remind = vi.spyOn(engine, 'remind');
    store.getState().start();
    await tick();
    expect(remind.mock.calls[0]![1]).not.toHaveProperty('waitingHours');
    expect(store.getState().waitingHours).toBeNull();
  });

  test('a tab that is not Gmail or Zendesk is "unsupported"', async () => {
    const { store } = setup(null);
    store.getState().start();
    await tick();
    expect(store.getState().status).toBe('unsupported');
  });

  test('no open conversation keeps the site and the reason', async () => {
    const { store } = setup({ kind: 'no-conversation', site: 'zendesk', url: 'https://x.zendesk.com/agent', reason: 'ticket list' });
    store.getState().start();
    await tick();
    expect(store.getState()).toMatchObject({ status: 'no-conversation', site: 'zendesk', noConversationReason: 'ticket list' });
  });

  test('a page that cannot be reached is an error in plain words', async () => {
    const { store, bridge } = setup();
    bridge.failPageState = true;
    store.getState().start();
    await tick();
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toBe(MESSAGES.readFailed);
    expect(store.getState().error).not.toMatch(/receiving end|Error:/i);
  });

  test('a message that is not English is "unscored" with its reason and no suggestions', async () => {
    const { store } = setup(pageWith({ latestCustomerText: 'Bonjour, ma commande est en retard.' }));
    store.getState().start();
    await tick();
    expect(store.getState()).toMatchObject({ status: 'unscored', suggestions: [], reminders: [] });
    expect(store.getState().analysis?.reason).toBe('not English');
  });

  test('an analysis that throws becomes an error state, not a crash', async () => {
    const { store, engine } = setup();
    engine.analyze = () => {
      throw new TypeError('boom');
    };
    store.getState().start();
    await tick();
    expect(store.getState()).toMatchObject({ status: 'error', error: MESSAGES.analysisFailed });
  });
});

describe('following the page', () => {
  test('switching conversation re-analyses and clears the old draft and findings', async () => {
    const { store, bridge } = setup();
    store.getState().start();
    await tick();
    bridge.pushDraft({ conversationId: 'thread-1', draft: 'Please calm down.' });
    await tick(400);
    expect(store.getState().findings).toHaveLength(2);

    bridge.pushPageState({ tabId: 1, state: pageWith({ conversationId: 'thread-2', latestCustomerText: 'Thanks, all good now.' }) });
    expect(store.getState().status).toBe('analysing');
    expect(store.getState().pageDraft).toBeNull();
    expect(store.getState().findings).toEqual([]);
    await tick();
    expect(store.getState().conversation?.conversationId).toBe('thread-2');
    expect(store.getState().analysis?.level).toBe('calm');
  });

  test('a new customer message in the same conversation re-analyses but keeps the draft', async () => {
    const { store, bridge, engine } = setup();
    store.getState().start();
    await tick();
    bridge.pushDraft({ conversationId: 'thread-1', draft: 'Hello' });
    await tick(400);
    bridge.pushPageState({ tabId: 1, state: pageWith({ latestCustomerText: 'I want a manager. Third time!', customerMessageCount: 4 }) });
    await tick();
    expect(engine.calls.analyze).toBe(2);
    expect(store.getState().pageDraft).toBe('Hello');
  });

  test('re-analysing the conversation on screen keeps the view instead of flashing "Analysing…"', async () => {
    const { store, bridge } = setup();
    store.getState().start();
    await tick();
    bridge.pushPageState({ tabId: 1, state: pageWith({ latestCustomerText: 'A manager, now.', customerMessageCount: 4 }) });
    expect(store.getState().status).toBe('ready');
    await tick();
    expect(store.getState().analysis?.signals.map((x) => x.id)).toEqual(['escalation-demand']);
  });

  test('the same page state again does not re-analyse', async () => {
    const { store, bridge, engine } = setup();
    store.getState().start();
    await tick();
    bridge.pushPageState({ tabId: 1, state: pageWith({ hasReplyBox: false }) });
    await tick();
    expect(engine.calls.analyze).toBe(1);
    expect(store.getState().conversation?.hasReplyBox).toBe(false);
  });

  test('changes in other tabs are ignored', async () => {
    const { store, bridge } = setup();
    store.getState().start();
    await tick();
    bridge.pushPageState({ tabId: 2, state: { kind: 'no-conversation', site: 'gmail', url: '', reason: 'inbox' } });
    expect(store.getState().status).toBe('ready');
  });

  test('activating another tab shows that tab', async () => {
    const { store, bridge, tabs } = setup();
    bridge.pages.set(2, { kind: 'no-conversation', site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox', reason: 'inbox' });
    store.getState().start();
    await tick();
    tabs.emit({ type: 'activated', tabId: 2 });
    await tick();
    expect(store.getState()).toMatchObject({ tabId: 2, status: 'no-conversation', conversation: null });
  });

  test('a reload or navigation of the tab asks for its state again', async () => {
    const { store, bridge, tabs } = setup();
    store.getState().start();
    await tick();
    bridge.pages.set(1, null);
    tabs.emit({ type: 'updated', tabId: 1 });
    await tick();
    expect(bridge.pageStateRequests).toEqual([1, 1]);
    expect(store.getState().status).toBe('unsupported');
  });

  test('a slow answer for a tab the rep already left is dropped', async () => {
    const { store, bridge, tabs } = setup();
    let release!: () => void;
    const slow = new Promise<void>((r) => (release = r));
    const get = bridge.getPageState;
    bridge.getPageState = async (tabId) => {
      if (tabId === 1) await slow;
      return get(tabId);
    };
    bridge.pages.set(2, null);
    store.getState().start();
    await tick();
    tabs.emit({ type: 'activated', tabId: 2 });
    await tick();
    release();
    await tick();
    expect(store.getState()).toMatchObject({ tabId: 2, status: 'unsupported' });
  });

  test('announces the level when it changes, and not again when it stays', async () => {
    const { store, bridge } = setup();
    store.getState().start();
    await tick();
    expect(store.getState().announcement).toBe('Frustration level: Frustrated, 60 of 100. This customer is frustrated.');
    bridge.pushPageState({ tabId: 1, state: pageWith({ latestCustomerText: 'Third time. I will cancel. Not a test.' }) });
    await tick();
    expect(store.getState().announcement).toBe('Frustration level: Frustrated, 60 of 100. This customer is frustrated.');
    bridge.pushPageState({ tabId: 1, state: pageWith({ latestCustomerText: 'Third time. Cancel. Get me a manager.' }) });
    await tick();
    expect(store.getState().announcement).toBe('Frustration level: Angry, 85 of 100. This customer is frustrated.');
  });

  test('announces again when the score moves by 10 or more within the same level', async () => {
    const { store, bridge, engine } = setup();
    const analyze = engine.analyze;
    engine.analyze = (text) => {
      const a = analyze(text);
      return /later/.test(text) ? { ...a, score: 75 } : /again/.test(text) ? { ...a, score: 64 } : a;
    };
    store.getState().start();
    await tick();
    expect(store.getState().announcement).toBe('Frustration level: Frustrated, 60 of 100. This customer is frustrated.');
    bridge.pushPageState({ tabId: 1, state: pageWith({ latestCustomerText: 'Third time. I will cancel, again.' }) });
    await tick();
    expect(store.getState().announcement).toContain('60 of 100'); // 64: a small move is not read out
    bridge.pushPageState({ tabId: 1, state: pageWith({ latestCustomerText: 'Third time. I will cancel later.' }) });
    await tick();
    expect(store.getState().announcement).toBe('Frustration level: Frustrated, 75 of 100. This customer is frustrated.');
  });
});

describe('live draft coach', () => {
  test('re-checks the draft 300 ms after the last change, once', async () => {
    const { store, bridge, engine } = setup();
    store.getState().start();
    await tick();
    const before = engine.calls.checkDraft;
    for (const draft of ['Please', 'Please calm', 'Please calm down']) {
      bridge.pushDraft({ conversationId: 'thread-1', draft });
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(store.getState().checking).toBe(true);
    expect(engine.calls.checkDraft).toBe(before);
    await vi.advanceTimersByTimeAsync(199);
    expect(engine.calls.checkDraft).toBe(before);
    await vi.advanceTimersByTimeAsync(1);
    expect(engine.calls.checkDraft).toBe(before + 1);
    expect(store.getState().checking).toBe(false);
    expect(store.getState().findings.map((f) => f.rule)).toEqual(['dismissive', 'missing-apology']);
  });

  test('ignores drafts of another conversation or another tab', async () => {
    const { store, bridge } = setup();
    store.getState().start();
    await tick();
    bridge.pushDraft({ conversationId: 'thread-9', draft: 'calm down' });
    bridge.pushDraft({ conversationId: 'thread-1', draft: 'calm down' }, 7);
    await tick(400);
    expect(store.getState().pageDraft).toBeNull();
  });

  test('reads the draft already in the reply box when a conversation opens', async () => {
    const { store, bridge } = setup();
    bridge.drafts.set(1, 'It must be your internet.');
    store.getState().start();
    await tick(400);
    expect(store.getState().pageDraft).toBe('It must be your internet.');
    expect(store.getState().findings.map((f) => f.rule)).toContain('blame-shifting');
  });

  test('without a reply box the pasted draft is coached', async () => {
    const { store, bridge } = setup(pageWith({ hasReplyBox: false }));
    store.getState().start();
    await tick();
    expect(draftModeOf(store.getState())).toBe('manual');
    store.getState().setManualDraft('Sorry, please calm down.');
    await tick(300);
    expect(store.getState().findings.map((f) => f.rule)).toEqual(['dismissive']);
    // The rep clicks Reply in the page: the reply box's draft takes over.
    bridge.pushDraft({ conversationId: 'thread-1', draft: '' });
    expect(draftModeOf(store.getState())).toBe('page');
    expect(currentDraft(store.getState())).toBe('');
    expect(store.getState().findings).toEqual([]);
  });

  test('without a reply box, Insert adds the suggestion to the end of the pasted draft (and says so)', async () => {
    const { store, bridge, usage } = setup(pageWith({ hasReplyBox: false }));
    const insert = vi.spyOn(bridge, 'insert');
    store.getState().start();
    await tick();
    store.getState().setManualDraft('Hi Dana, thanks for waiting.');
    await store.getState().insertSuggestion('own-it');
    expect(store.getState().manualDraft).toBe("Hi Dana, thanks for waiting. I'm sorry: this is on us, and I'm fixing it now.");
    expect(store.getState().results['suggestion:own-it']).toEqual({ state: 'ok', message: MESSAGES.addedToPasted });
    expect(insert).not.toHaveBeenCalled();
    await tick();
    expect(usage.events.some((e) => e.tipId === 'own-it' && e.action === 'inserted')).toBe(true);
    // nothing pasted: the page's reply box is still what Insert aims at
    store.getState().setManualDraft('');
    await store.getState().insertSuggestion('acknowledge');
    expect(insert).toHaveBeenCalled();
  });

  test('changing settings re-analyses and re-checks with the rules switched off', async () => {
    const { store, bridge, engine } = setup();
    store.getState().start();
    await tick();
    bridge.pushDraft({ conversationId: 'thread-1', draft: 'calm down' });
    await tick(300);
    const analyze = vi.spyOn(engine, 'analyze');
    const checkDraft = vi.spyOn(engine, 'checkDraft');
    store.getState().setSettings({ sensitivity: 'low', disabledRules: ['missing-apology'] });
    await tick();
    expect(analyze).toHaveBeenCalledWith(expect.any(String), { priorCustomerMessages: 2, sensitivity: 'low' });
    expect(checkDraft).toHaveBeenCalledWith('calm down', expect.objectContaining({ disabledRules: ['missing-apology'] }));
  });

  test('a dismissed finding stays dismissed as the draft changes', async () => {
    const { store, bridge, usage } = setup();
    store.getState().start();
    await tick();
    bridge.pushDraft({ conversationId: 'thread-1', draft: 'Sorry. Calm down.' });
    await tick(300);
    const [finding] = store.getState().findings;
    store.getState().dismissFinding(finding!.id);
    expect(store.getState().findings).toEqual([]);
    bridge.pushDraft({ conversationId: 'thread-1', draft: 'Sorry. Calm down. More text.' });
    await tick(300);
    expect(store.getState().findings).toEqual([]);
    expect(usage.events).toContainEqual({ kind: 'rule', tipId: 'dismissive', action: 'dismissed', site: 'gmail' });
  });
});

describe('actions', () => {
  async function ready(...args: Parameters<typeof setup>) {
    const t = setup(...args);
    t.store.getState().start();
    await tick();
    return t;
  }

  test('Insert sends the suggestion to the reply box and reports success', async () => {
    const { store, bridge, usage } = await ready();
    await store.getState().insertSuggestion('acknowledge');
    expect(bridge.inserted).toEqual([{ tabId: 1, text: 'I can see how frustrating this has been.', conversationId: 'thread-1' }]);
    expect(store.getState().results['suggestion:acknowledge']).toEqual({ state: 'ok', message: MESSAGES.inserted });
    expect(usage.events).toContainEqual({ kind: 'suggestion', tipId: 'acknowledge', action: 'inserted', site: 'gmail' });
  });

  test("Insert without a reply box says what to do, and isn't counted as used", async () => {
    const { store, bridge, usage } = await ready();
    bridge.insertAnswer = { ok: false };
    await store.getState().insertSuggestion('own-it');
    expect(store.getState().results['suggestion:own-it']).toEqual({ state: 'failed', message: MESSAGES.noReplyBox });
    expect(usage.events.filter((e) => e.action === 'inserted')).toEqual([]);
    bridge.insertAnswer = { ok: false, error: 'The reply box is read-only.' };
    await store.getState().insertSuggestion('own-it');
    expect(store.getState().results['suggestion:own-it']?.message).toBe('The reply box is read-only.');
  });

  test('Copy puts the text on the clipboard, or explains the fallback', async () => {
    const { store, copied, usage } = await ready();
    await store.getState().copySuggestion('next-step');
    expect(copied).toEqual(["I'll update you by 3pm tomorrow."]);
    expect(store.getState().results['suggestion:next-step']).toEqual({ state: 'ok', message: MESSAGES.copied });
    expect(usage.events).toContainEqual({ kind: 'suggestion', tipId: 'next-step', action: 'copied', site: 'gmail' });

    const failing = await ready(pageWith(), { copy: async () => false });
    await failing.store.getState().copySuggestion('next-step');
    expect(failing.store.getState().results['suggestion:next-step']).toEqual({ state: 'failed', message: MESSAGES.copyFailed });
  });

  test('Use rewrite replaces the words in a pasted draft', async () => {
    const { store, usage } = await ready(pageWith({ hasReplyBox: false }));
    store.getState().setManualDraft("Sorry. It's your internet, not us.");
    await tick(300);
    const finding = store.getState().findings.find((f) => f.rule === 'blame-shifting')!;
    await store.getState().applyRewrite(finding.id);
    expect(store.getState().manualDraft).toBe("Sorry. It's something on our side, not us.");
    expect(store.getState().findings).toEqual([]);
    expect(store.getState().results.coach).toEqual({ state: 'ok', message: MESSAGES.rewriteApplied });
    expect(usage.events).toContainEqual({ kind: 'rule', tipId: 'blame-shifting', action: 'fixed', site: 'gmail' });
  });

  test("a coach rewrite that adds the update time ('by noon today') is a promise too", async () => {
    // setup's clock: Wednesday 2025-01-01 10:00 → the next update is "by noon today"
    const t = setup(pageWith({ hasReplyBox: false }));
    const next = nextUpdate(new Date('2025-01-01T10:00:00Z'));
    const draft = 'We are looking into it.';
    t.engine.checkDraft = () => [
      { rule: 'missing-next-step', severity: 'warn', text: draft, start: 0, end: draft.length, message: 'No next step.', suggestion: `We are looking into it, and I'll update you ${next.label}.` },
    ];
    t.store.getState().start();
    await tick();
    t.store.getState().setManualDraft(draft);
    await tick(300);
    await t.store.getState().applyRewrite(t.store.getState().findings[0]!.id);
    expect(t.store.getState().promise).toEqual({ suggestionId: 'rule:missing-next-step', at: next.at.toISOString(), label: next.label });
  });

  test('the reminder offered after a rewrite is for the time the rewrite said, even when the hour turns before the click', async () => {
    let clock = new Date('2025-01-01T10:00:00Z');
    const t = setup(pageWith({ hasReplyBox: false }), { now: () => clock });
    const said = nextUpdate(clock);
    const draft = 'We are looking into it.';
    t.engine.checkDraft = (_d, ctx) => [
      { rule: 'missing-next-step', severity: 'warn', text: draft, start: 0, end: draft.length, message: 'No next step.', suggestion: `We are looking into it, and I'll update you ${nextUpdate(ctx.now!).label}.` },
    ];
    t.store.getState().start();
    await tick();
    t.store.getState().setManualDraft(draft);
    await tick(300);
    clock = new Date('2025-01-01T13:30:00Z'); // later: the next update would now be a different time
    expect(nextUpdate(clock).label).not.toBe(said.label);
    await t.store.getState().applyRewrite(t.store.getState().findings[0]!.id);
    expect(t.store.getState().promise).toEqual({ suggestionId: 'rule:missing-next-step', at: said.at.toISOString(), label: said.label });
  });

  test('Use rewrite in the reply box inserts a missing sentence and replaces flagged words in place', async () => {
    const { store, bridge, copied, usage } = await ready();
    bridge.pushDraft({ conversationId: 'thread-1', draft: 'Calm down. Calm down.' });
    await tick(300);
    const apology = store.getState().findings.find((f) => f.rule === 'missing-apology')!;
    await store.getState().applyRewrite(apology.id);
    expect(bridge.inserted).toEqual([{ tabId: 1, text: "I'm sorry about this.", conversationId: 'thread-1' }]);
    expect(store.getState().results.coach).toEqual({ state: 'ok', message: MESSAGES.rewriteAdded });

    const dismissive = store.getState().findings.filter((f) => f.rule === 'dismissive');
    const second = dismissive.find((f) => f.start > 0) ?? dismissive[0]!;
    await store.getState().applyRewrite(second.id);
    expect(bridge.replaced).toEqual([
      { tabId: 1, find: 'Calm down', occurrence: second.start > 0 ? 1 : 0, text: 'I understand why you are upset', conversationId: 'thread-1' },
    ]);
    expect(copied).toEqual([]);
    expect(store.getState().results.coach).toEqual({ state: 'ok', message: MESSAGES.rewriteApplied });
    expect(usage.events).toContainEqual({ kind: 'rule', tipId: 'dismissive', action: 'fixed', site: 'gmail' });
  });

  test('when the page cannot replace the words, the rewrite is copied with a hint instead', async () => {
    const { store, bridge, copied } = await ready();
    bridge.replaceAnswer = { ok: false, error: 'Those words are no longer in your reply, so nothing was changed.' };
    bridge.pushDraft({ conversationId: 'thread-1', draft: 'Calm down.' });
    await tick(300);
    const dismissive = store.getState().findings.find((f) => f.rule === 'dismissive')!;
    await store.getState().applyRewrite(dismissive.id);
    expect(bridge.replaced).toHaveLength(1);
    expect(copied).toEqual(['I understand why you are upset']);
    expect(store.getState().results.coach?.message).toBe('Rewrite copied. Select “Calm down” in your reply and paste over it.');
  });

  test('inserting or copying a suggestion that promises a time remembers it for a reminder; others do not', async () => {
    const { store } = await ready();
    await store.getState().insertSuggestion('acknowledge');
    expect(store.getState().promise).toBeNull();
    await store.getState().copySuggestion('next-step');
    expect(store.getState().promise).toEqual({ suggestionId: 'next-step', at: '2025-01-02T15:00:00.000Z', label: 'by 3pm tomorrow' });
  });

  test('usage records ids and actions only, each "shown" once per conversation', async () => {
    const { store, bridge, usage } = await ready();
    bridge.pushDraft({ conversationId: 'thread-1', draft: 'calm down' });
    await tick(300);
    bridge.pushDraft({ conversationId: 'thread-1', draft: 'calm down now' });
    await tick(300);
    for (const e of usage.events) expect(Object.keys(e).sort()).toEqual(['action', 'kind', 'site', 'tipId']);
    const shown = usage.events.filter((e) => e.action === 'shown').map((e) => `${e.kind}:${e.tipId}`);
    expect(shown).toEqual([
      'suggestion:acknowledge', 'suggestion:own-it', 'suggestion:next-step',
      'reminder:own-first', 'reminder:offer-escalation',
      'rule:dismissive', 'rule:missing-apology',
    ]);
    expect(JSON.stringify(usage.events)).not.toMatch(/calm down|third time/i);
  });

  test('a failing usage sink never breaks the panel', async () => {
    const { store } = await ready(pageWith(), {
      usage: { record: () => Promise.reject(new Error('db closed')) },
    });
    await store.getState().insertSuggestion('acknowledge');
    expect(store.getState().results['suggestion:acknowledge']?.state).toBe('ok');
  });
});

describe('rewriteDraft', () => {
  const f = (over: object) => ({ rule: 'r', severity: 'warn' as const, message: '', ...over }) as Parameters<typeof rewriteDraft>[1];
  test.each([
    ['replaces the span', 'a BAD b', f({ text: 'BAD', start: 2, end: 5, suggestion: 'good' }), 'a good b'],
    ['finds the words when offsets moved', 'xx a BAD b', f({ text: 'BAD', start: 2, end: 5, suggestion: 'good' }), 'xx a good b'],
    ['adds a missing sentence at the start', 'Hi.', f({ text: '', start: 0, end: 0, suggestion: 'Sorry.' }), 'Sorry. Hi.'],
    ['adds a missing sentence at the end', 'Hi.', f({ text: '', start: 3, end: 3, suggestion: "I'll call at 3pm." }), "Hi. I'll call at 3pm."],
  ])('%s', (_name, draft, finding, expected) => {
    expect(rewriteDraft(draft, finding)).toBe(expected);
  });

  test('gives up when the words are gone', () => {
    expect(rewriteDraft('all new', f({ text: 'BAD', start: 0, end: 3, suggestion: 'x' }))).toBeNull();
  });
});

describe('dismissKeyOf', () => {
  const f = (rule: string, text: string) => ({ rule, text, severity: 'warn' as const, start: 0, end: text.length, message: '', suggestion: '' });
  test('a missing-* finding is dismissed for the whole draft, others for their words', () => {
    expect(dismissKeyOf(f('missing-next-step', 'Thanks.'))).toBe(dismissKeyOf(f('missing-next-step', 'Thanks, bye.')));
    expect(dismissKeyOf(f('robotic', 'We apologize'))).toBe(dismissKeyOf(f('robotic', 'we apologize ')));
    expect(dismissKeyOf(f('robotic', 'We apologize'))).not.toBe(dismissKeyOf(f('robotic', 'Your call is important')));
  });
});

test('an analysis that reports its own internal failure is shown as a plain error', async () => {
  const { store, engine } = setup();
  const real = engine.analyze;
  engine.analyze = (text, opts) => ({ ...real(text, opts), reason: "could not analyse this message (Cannot read properties of undefined (reading 'x'))" });
  store.getState().start();
  await tick();
  expect(store.getState()).toMatchObject({ status: 'error', error: MESSAGES.analysisFailed });
});

describe('occurrencesBefore', () => {
  test('counts the non-overlapping appearances that start before a point', () => {
    expect(occurrencesBefore('calm down, calm down', 'calm down', 0)).toBe(0);
    expect(occurrencesBefore('calm down, calm down', 'calm down', 11)).toBe(1);
    expect(occurrencesBefore('aaaa', 'aa', 4)).toBe(2);
    expect(occurrencesBefore('nothing here', 'calm', 12)).toBe(0);
  });
});

// Usage counted once per showing, the live region following what is on screen, and the reminder
// offer for a promised update following the draft.
async function ready(...args: Parameters<typeof setup>) {
  const t = setup(...args);
  t.store.getState().start();
  await tick();
  return t;
}

describe('a suggestion is used at most once per showing', () => {
  const uses = (events: { kind: string; tipId: string; action: string }[]) =>
    events.filter((e) => e.kind === 'suggestion' && e.action !== 'shown').map((e) => `${e.tipId}:${e.action}`);
  const showings = (events: { kind: string; tipId: string; action: string }[], tipId: string) =>
    events.filter((e) => e.kind === 'suggestion' && e.tipId === tipId && e.action === 'shown').length;

  test('Insert, then Copy, then Insert again on the same showing record only the first', async () => {
    const { store, usage } = await ready();
    await store.getState().insertSuggestion('acknowledge');
    await store.getState().copySuggestion('acknowledge');
    await store.getState().insertSuggestion('acknowledge');
    expect(uses(usage.events)).toEqual(['acknowledge:inserted']);
    expect(showings(usage.events, 'acknowledge')).toBe(1);
  });

  test('Copy first records "copied"; other suggestions of the same showing count on their own', async () => {
    const { store, usage } = await ready();
    await store.getState().copySuggestion('own-it');
    await store.getState().insertSuggestion('own-it');
    await store.getState().insertSuggestion('acknowledge');
    expect(uses(usage.events)).toEqual(['own-it:copied', 'acknowledge:inserted']);
  });

  test('a failed Insert is not a use, so a later Copy of that showing still counts', async () => {
    const { store, bridge, usage } = await ready();
    bridge.insertAnswer = { ok: false };
    await store.getState().insertSuggestion('acknowledge');
    await store.getState().copySuggestion('acknowledge');
    expect(uses(usage.events)).toEqual(['acknowledge:copied']);
  });

  test('a new customer message shows the suggestions again, and they may be used again', async () => {
    const { store, bridge, usage } = await ready();
    await store.getState().insertSuggestion('acknowledge');
    bridge.pushPageState({ tabId: 1, state: pageWith({ latestCustomerText: 'Third time now. I will cancel today.', customerMessageCount: 4 }) });
    await tick();
    await store.getState().copySuggestion('acknowledge');
    await store.getState().copySuggestion('acknowledge');
    expect(uses(usage.events)).toEqual(['acknowledge:inserted', 'acknowledge:copied']);
    expect(showings(usage.events, 'acknowledge')).toBe(2);
  });

  test('another conversation is a new showing too', async () => {
    const { store, bridge, usage } = await ready();
    await store.getState().insertSuggestion('acknowledge');
    bridge.pushPageState({ tabId: 1, state: pageWith({ conversationId: 'thread-2' }) });
    await tick();
    await store.getState().insertSuggestion('acknowledge');
    expect(uses(usage.events)).toEqual(['acknowledge:inserted', 'acknowledge:inserted']);
    expect(showings(usage.events, 'acknowledge')).toBe(2);
  });

  test('the rep replying in the page is not a new showing', async () => {
    const { store, bridge, usage } = await ready(pageWith({ sentAt: '2024-12-31T08:00:00Z', answered: false }));
    await store.getState().insertSuggestion('acknowledge');
    bridge.pushPageState({ tabId: 1, state: pageWith({ sentAt: '2024-12-31T08:00:00Z', answered: true }) });
    await tick();
    await store.getState().copySuggestion('acknowledge');
    expect(uses(usage.events)).toEqual(['acknowledge:inserted']);
  });
});

describe('the live region follows what the panel shows', () => {
  test('a message that can no longer be scored is announced as such, not with the old level', async () => {
    const { store, bridge } = await ready();
    expect(store.getState().announcement).toBe('Frustration level: Frustrated, 60 of 100. This customer is frustrated.');
    bridge.pushPageState({ tabId: 1, state: pageWith({ latestCustomerText: 'Hola, es la tercera vez que escribo.' }) });
    await tick();
    expect(store.getState().status).toBe('unscored');
    expect(store.getState().announcement).toBe("Defuse can't score this message: not English.");
    bridge.pushPageState({ tabId: 1, state: pageWith() });
    await tick();
    expect(store.getState().announcement).toBe('Frustration level: Frustrated, 60 of 100. This customer is frustrated.');
  });

  test('an unscored conversation opened first is announced as unscored', async () => {
    const { store } = await ready(pageWith({ latestCustomerText: 'Bonjour, ma commande est en retard.' }));
    expect(store.getState().announcement).toBe("Defuse can't score this message: not English.");
  });

  test('no level is left in the live region once the conversation is closed or the analysis fails', async () => {
    const { store, bridge, engine } = await ready();
    bridge.pushPageState({ tabId: 1, state: { kind: 'no-conversation', site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox', reason: 'No thread is open.' } });
    await tick();
    expect(store.getState().announcement).toBe('');

    bridge.pushPageState({ tabId: 1, state: pageWith() });
    await tick();
    expect(store.getState().announcement).toContain('Frustrated');
    engine.analyze = () => {
      throw new Error('boom');
    };
    bridge.pushPageState({ tabId: 1, state: pageWith({ latestCustomerText: 'Something new, a third time.' }) });
    await tick();
    expect(store.getState().status).toBe('error');
    expect(store.getState().announcement).toBe('');
  });
});

describe('the reminder offer for a promised update follows the draft', () => {
  const PROMISE = "I'll update you by 3pm tomorrow.";

  test('deleting the promise from the reply box withdraws the offer', async () => {
    const { store, bridge } = await ready();
    await store.getState().insertSuggestion('next-step');
    bridge.pushDraft({ conversationId: 'thread-1', draft: `Sorry about this. ${PROMISE}` });
    await tick(300);
    expect(store.getState().promise?.label).toBe('by 3pm tomorrow');
    bridge.pushDraft({ conversationId: 'thread-1', draft: "Sorry about this. I'll update you by 3pm tomorro" });
    await tick(300);
    expect(store.getState().promise).toBeNull();
  });

  test('a copied promise stays on offer until it has been pasted and then removed', async () => {
    const { store, bridge } = await ready();
    await store.getState().copySuggestion('next-step');
    bridge.pushDraft({ conversationId: 'thread-1', draft: 'Hi Dana,' });
    await tick(300);
    expect(store.getState().promise?.label).toBe('by 3pm tomorrow');
    bridge.pushDraft({ conversationId: 'thread-1', draft: `Hi Dana, ${PROMISE.replace("I'll", 'I will')}` });
    await tick(300);
    expect(store.getState().promise?.label).toBe('by 3pm tomorrow');
    bridge.pushDraft({ conversationId: 'thread-1', draft: 'Hi Dana, I will update you soon.' });
    await tick(300);
    expect(store.getState().promise).toBeNull();
  });

  test('a pasted draft counts too, whatever the case of the words', async () => {
    const { store } = await ready(pageWith({ hasReplyBox: false }));
    store.getState().setManualDraft('BY 3PM TOMORROW you will hear from me.');
    await store.getState().copySuggestion('next-step');
    expect(store.getState().promise?.label).toBe('by 3pm tomorrow');
    store.getState().setManualDraft('You will hear from me.');
    expect(store.getState().promise).toBeNull();
  });
});

describe('edits name the conversation the panel shows', () => {
  const MOVED = { ok: false, error: 'The open conversation changed, so Defuse left the reply box alone.', refused: 'conversation-moved' } as const;

  async function ready(...args: Parameters<typeof setup>) {
    const t = setup(...args);
    t.store.getState().start();
    await tick();
    return t;
  }

  test('Insert, Use rewrite and the draft read all carry the conversation id', async () => {
    const { store, bridge } = await ready();
    expect(bridge.draftRequests).toEqual([{ tabId: 1, conversationId: 'thread-1' }]);
    await store.getState().insertSuggestion('acknowledge');
    bridge.pushDraft({ conversationId: 'thread-1', draft: 'Calm down.' });
    await tick(300);
    await store.getState().applyRewrite(store.getState().findings.find((f) => f.rule === 'dismissive')!.id);
    expect(bridge.inserted.map((i) => i.conversationId)).toEqual(['thread-1']);
    expect(bridge.replaced.map((r) => r.conversationId)).toEqual(['thread-1']);
  });

  test('refused because the tab shows another conversation: the action says so, and the new view says why nothing was written', async () => {
    const { store, bridge } = await ready();
    bridge.insertAnswer = MOVED;
    await store.getState().insertSuggestion('acknowledge'); // the page's news of thread-2 is still on its way
    expect(store.getState().results['suggestion:acknowledge']).toEqual({ state: 'failed', message: MESSAGES.conversationMoved });
    expect(store.getState().notice).toBeNull();
    bridge.pushPageState({ tabId: 1, state: pageWith({ conversationId: 'thread-2', latestCustomerText: 'Thanks, all good now.' }) });
    await tick();
    expect(store.getState().conversation?.conversationId).toBe('thread-2');
    expect(store.getState().notice).toBe(MESSAGES.movedNotice);
    expect(store.getState().results).toEqual({});
  });

  test('a refusal sends the panel to ask what is open, so a missed broadcast cannot keep it on the old conversation', async () => {
    const { store, bridge } = await ready();
    bridge.insertAnswer = MOVED;
    bridge.pages.set(1, pageWith({ conversationId: 'thread-2' })); // the tab moved; the panel was never told
    const asked = bridge.pageStateRequests.length;
    await store.getState().insertSuggestion('acknowledge');
    await tick();
    expect(bridge.pageStateRequests.length).toBe(asked + 1);
    expect(store.getState().conversation?.conversationId).toBe('thread-2');
    expect(store.getState().notice).toBe(MESSAGES.movedNotice);
  });

  test('when the panel has already moved on by the time the refusal comes back, the notice is shown at once', async () => {
    const { store, bridge } = await ready();
    let answer: (r: typeof MOVED) => void = () => {};
    bridge.insert = (tabId, text, conversationId) => {
      bridge.inserted.push({ tabId, text, conversationId });
      return new Promise((resolve) => (answer = resolve));
    };
    const inserting = store.getState().insertSuggestion('acknowledge');
    bridge.pushPageState({ tabId: 1, state: pageWith({ conversationId: 'thread-2' }) });
    await tick();
    expect(store.getState().notice).toBeNull();
    answer(MOVED);
    await inserting;
    expect(store.getState().conversation?.conversationId).toBe('thread-2');
    expect(store.getState().notice).toBe(MESSAGES.movedNotice);
    expect(store.getState().results['suggestion:acknowledge']).toBeUndefined(); // not pinned on thread-2's suggestion
  });

  test('a refused rewrite is not copied for pasting: it was for the other conversation', async () => {
    const { store, bridge, copied } = await ready();
    bridge.replaceAnswer = MOVED;
    bridge.pushDraft({ conversationId: 'thread-1', draft: 'Calm down.' });
    await tick(300);
    await store.getState().applyRewrite(store.getState().findings.find((f) => f.rule === 'dismissive')!.id);
    expect(copied).toEqual([]);
    expect(store.getState().results.coach).toEqual({ state: 'failed', message: MESSAGES.conversationMoved });
  });

  test('other failures keep their own words and do not send the panel looking', async () => {
    const { store, bridge } = await ready();
    bridge.insertAnswer = { ok: false, error: 'The reply box is read-only.' };
    const asked = bridge.pageStateRequests.length;
    await store.getState().insertSuggestion('acknowledge');
    await tick();
    expect(store.getState().results['suggestion:acknowledge']?.message).toBe('The reply box is read-only.');
    expect(bridge.pageStateRequests.length).toBe(asked);
    expect(store.getState().notice).toBeNull();
  });

  test('the notice goes with the next action, the next conversation or another tab', async () => {
    const moved = async () => {
      const t = await ready();
      t.bridge.insertAnswer = MOVED;
      t.bridge.pages.set(1, pageWith({ conversationId: 'thread-2' }));
      await t.store.getState().insertSuggestion('acknowledge');
      await tick();
      expect(t.store.getState().notice).toBe(MESSAGES.movedNotice);
      t.bridge.insertAnswer = { ok: true };
      return t;
    };

    const action = await moved();
    await action.store.getState().copySuggestion('acknowledge');
    expect(action.store.getState().notice).toBeNull();

    const next = await moved();
    next.bridge.pushPageState({ tabId: 1, state: pageWith({ conversationId: 'thread-3' }) });
    expect(next.store.getState().notice).toBeNull();

    const tab = await moved();
    tab.bridge.pages.set(2, pageWith({ conversationId: 'thread-9' }));
    tab.tabs.emit({ type: 'activated', tabId: 2 });
    await tick();
    expect(tab.store.getState().notice).toBeNull();
  });
});

describe('a tab whose page Defuse cannot read', () => {
  test("the background's reason (reload the tab, the agent workspace) is what the panel shows", async () => {
    const reason = 'Reload this tab so Defuse can read it — it was open before Defuse was installed or updated.';
    const { store } = setup({ kind: 'no-conversation', site: 'gmail', url: 'https://mail.google.com/mail/u/0/#inbox/FMfcg', reason });
    store.getState().start();
    await tick();
    expect(store.getState()).toMatchObject({ status: 'no-conversation', site: 'gmail', noConversationReason: reason });
  });
});
