// Shared by the store and component tests: a small fake engine with known outputs, and page states.
import type { Analysis, Level, Signal } from '@/lib/analysis/types';
import type { Finding, Reminder, Suggestion } from '@/lib/coach/types';
import type { ConversationSnapshot, PageState } from '@/lib/messaging/protocol';
import type { PanelEngine } from '@/lib/state/engine';
import { createFakeBridge, createFakeTabs } from '@/lib/state/fakes';
import { createPanelStore, type PanelDeps } from '@/lib/state/panelStore';
import { memoryUsage } from '@/lib/state/usage';

/** Words the fake scorer knows, each one signal. */
const TRIGGERS: { phrase: string; id: string; label: string; category: Signal['category'] }[] = [
  { phrase: 'third time', id: 'repeat-contact', label: 'Repeat contact', category: 'repeat-contact' },
  { phrase: 'cancel', id: 'churn-threat', label: 'Threatens to cancel', category: 'churn-threat' },
  { phrase: 'manager', id: 'escalation-demand', label: 'Asks for a manager', category: 'escalation-demand' },
  { phrase: 'as per my last email', id: 'controlled-formality', label: 'Controlled formality', category: 'controlled-formality' },
];

function levelOf(score: number): Level {
  return score < 30 ? 'calm' : score < 55 ? 'watch' : score < 80 ? 'frustrated' : 'angry';
}

export function fakeAnalyze(text: string): Analysis {
  const base = {
    evidence: [],
    facts: { references: [], products: [], elapsed: [], askedForEscalation: false, contactCount: 1 },
    scored: { start: 0, end: text.length },
  };
  if (!text.trim()) {
    return { ...base, score: 0, level: 'calm', frustrated: false, signals: [], reason: 'empty message', language: 'unknown' };
  }
  if (/^(bonjour|hola)/i.test(text)) {
    return { ...base, score: 0, level: 'calm', frustrated: false, signals: [], reason: 'not English', language: 'other' };
  }
  const signals: Signal[] = [];
  const lower = text.toLowerCase();
  for (const t of TRIGGERS) {
    for (let at = lower.indexOf(t.phrase); at >= 0; at = lower.indexOf(t.phrase, at + 1)) {
      signals.push({ id: t.id, label: t.label, category: t.category, text: text.slice(at, at + t.phrase.length), start: at, end: at + t.phrase.length });
    }
  }
  signals.sort((a, b) => a.start - b.start);
  const score = Math.min(100, 10 + 25 * signals.length);
  return {
    ...base,
    score,
    level: levelOf(score),
    frustrated: score >= 55,
    signals,
    evidence: signals.map((s, i) => ({ feature: `${s.id}#${i}`, label: s.label, contribution: 1.2 - i * 0.1 })),
    language: 'en',
    ...(text.length > 50_000 ? { truncated: { keptChars: 50_000, totalChars: text.length } } : {}),
  };
}

export const SUGGESTIONS: Suggestion[] = [
  { id: 'own-it', step: 'take-ownership', text: "I'm sorry: this is on us, and I'm fixing it now.", why: 'They have written before', rank: 2 },
  { id: 'acknowledge', step: 'recognize', text: 'I can see how frustrating this has been.', why: 'They sound frustrated', rank: 3 },
  {
    id: 'next-step',
    step: 'follow-up',
    text: "I'll update you by 3pm tomorrow.",
    why: 'Give them a time',
    rank: 1,
    update: { at: '2025-01-02T15:00:00.000Z', label: 'by 3pm tomorrow' },
  },
];

export const REMINDERS: Reminder[] = [
  { id: 'own-first', step: 'take-ownership', text: 'Own the problem before explaining it.' },
  { id: 'offer-escalation', step: 'escalate', text: 'Offer escalation before they ask again.' },
];

export function fakeCheckDraft(draft: string, ctx: { analysis?: Analysis }): Finding[] {
  const findings: Finding[] = [];
  const lower = draft.toLowerCase();
  const calm = lower.indexOf('calm down');
  if (calm >= 0) {
    findings.push({
      rule: 'dismissive', severity: 'warn', text: draft.slice(calm, calm + 9), start: calm, end: calm + 9,
      message: 'Tells the customer how to feel.', suggestion: 'I understand why you are upset',
    });
  }
  const net = lower.indexOf('your internet');
  if (net >= 0) {
    findings.push({
      rule: 'blame-shifting', severity: 'warn', text: draft.slice(net, net + 13), start: net, end: net + 13,
      message: 'Blames someone else for the problem.', suggestion: 'something on our side',
    });
  }
  if (ctx.analysis?.frustrated && !/sorry|apolog/.test(lower)) {
    findings.push({
      rule: 'missing-apology', severity: 'warn', text: '', start: 0, end: 0,
      message: 'The customer is frustrated and the draft does not apologise.', suggestion: "I'm sorry about this.",
    });
  }
  return findings;
}

export function fakeEngine(): PanelEngine & { calls: { analyze: number; checkDraft: number } } {
  const calls = { analyze: 0, checkDraft: 0 };
  return {
    calls,
    analyze: (text) => (calls.analyze++, fakeAnalyze(text)),
    checkDraft: (draft, ctx) => (calls.checkDraft++, fakeCheckDraft(draft, ctx)),
    // Deliberately unsorted: the store ranks.
    suggest: (a, { limit }) => (a.score > 0 ? SUGGESTIONS.slice(0, limit) : []),
    remind: (a) => (a.frustrated ? REMINDERS : REMINDERS.slice(0, 1)),
  };
}

export function conversation(over: Partial<ConversationSnapshot> = {}): ConversationSnapshot {
  return {
    site: 'gmail',
    conversationId: 'thread-1',
    subject: 'Order #48213 still missing',
    latestCustomerText: 'This is the third time I am writing. I will cancel my order.',
    customerMessageCount: 3,
    hasReplyBox: true,
    url: 'https://mail.google.com/mail/u/0/#inbox/thread-1',
    ...over,
  };
}

export function pageWith(over: Partial<ConversationSnapshot> = {}): PageState {
  return { kind: 'conversation', conversation: conversation(over) };
}

/** A store on fakes; tab 1 shows `page` unless told otherwise. */
export function setup(page: PageState | null = pageWith(), deps: Partial<PanelDeps> = {}) {
  const bridge = createFakeBridge();
  const tabs = createFakeTabs(1);
  const engine = fakeEngine();
  const usage = memoryUsage();
  const copied: string[] = [];
  bridge.pages.set(1, page);
  const store = createPanelStore({
    bridge,
    tabs,
    engine,
    usage,
    copy: async (text) => (copied.push(text), true),
    now: () => new Date('2025-01-01T10:00:00Z'),
    ...deps,
  });
  return { store, bridge, tabs, engine, usage, copied };
}
