// The two or three house rules that matter most for this message, each short enough to read at a
// glance while typing. Records, like the rules and phrases: `fit` 0 means "not now".
import type { Analysis } from '@/lib/analysis/types';
import { formatWait, readMessage, type MessageView } from './message';
import type { Reminder, Step } from './types';

interface ReminderRecord {
  id: string;
  step: Step;
  fit: (m: MessageView) => number;
  text: string | ((m: MessageView) => string);
}

/** A customer who has waited this long for an answer gets a "reply now" reminder (unless calm). The
 * panel passes no wait for threads older than two weeks (lib/state/waiting.ts). */
export const REPLY_FAST_HOURS = 4;

function replyFastFit(m: MessageView): number {
  const h = m.waitingHours;
  if (h === undefined || h < REPLY_FAST_HOURS || m.calm) return 0;
  return h >= 24 ? 9.5 : 7.5;
}

export const REMINDERS: readonly ReminderRecord[] = [
  { id: 'reply-fast', step: 'recognize', fit: replyFastFit, text: (m) => `They have waited ${formatWait(m.waitingHours ?? 0)}: reply now, with a next step.` },
  { id: 'escalate-early', step: 'escalate', fit: (m) => (m.asked || m.contactCount >= 3 ? 10 : m.has('legal-threat') || m.has('churn-threat') ? 7 : 0),
    text: (m) => (m.asked ? 'They asked for a manager: offer a named person and a time.' : 'Escalate before they have to ask.') },
  { id: 'no-blame-connection', step: 'take-ownership', fit: (m) => (m.connectivity ? 9 : 0), text: "Don't blame the internet: find out what changed on our side." },
  { id: 'dont-overpromise', step: 'dont-lie', fit: (m) => (m.promised ? 9 : m.has('legal-threat') || m.has('churn-threat') ? 5 : 0), text: "They've heard promises before: only promise what you control." },
  { id: 'own-it', step: 'take-ownership', fit: (m) => (m.has('bounced') ? 9 : m.repeat ? 5 : 0), text: 'Be the one who coordinates the fix: no passing it on.' },
  { id: 'recognize-hidden', step: 'recognize', fit: (m) => (m.has('controlled-formality') || m.has('sarcasm') ? 8 : m.watch && !m.has('overt-anger') ? 6 : 0), text: 'Calm words can hide real frustration: acknowledge it and reply fast.' },
  { id: 'listen-first', step: 'listen', fit: (m) => (m.has('overt-anger') || m.analysis.level === 'angry' ? 8 : m.upset ? 5 : 0), text: 'Let them be heard: acknowledge before you explain.' },
  { id: 'time-next-step', step: 'follow-up', fit: (m) => (m.waited || m.has('time-pressure') ? 7 : m.repeat ? 6 : m.upset ? 4 : 3), text: 'Give a time for the next update, and keep it.' },
  { id: 'root-cause', step: 'root-cause', fit: (m) => (m.repeat ? 6.5 : 0), text: "Find the root cause; don't assume it's their fault or a colleague's." },
  { id: 'fix-then-explain', step: 'respond', fit: (m) => (m.upset ? 6 : m.watch ? 4 : 2), text: 'Fix first, explain why after.' },
  { id: 'be-human', step: 'be-human', fit: (m) => (m.calm ? 5 : 1), text: 'Sound like a person: their name, your name, plain words.' },
];

/** Two reminders, or three when the third matters too (fit 4 or more). */
export function remindersFor(analysis: Analysis, opts: { text?: string; waitingHours?: number } = {}): Reminder[] {
  const m = readMessage(analysis, opts);
  const ranked = REMINDERS.map((r) => ({ r, fit: r.fit(m) }))
    .filter((x) => x.fit > 0)
    .sort((a, b) => b.fit - a.fit);
  const picked = ranked.slice(0, 2).concat(ranked.slice(2, 3).filter((x) => x.fit >= 4));
  return picked.map(({ r }) => ({ id: r.id, step: r.step, text: typeof r.text === 'string' ? r.text : r.text(m) }));
}
