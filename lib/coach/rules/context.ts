// When a context rule applies: it needs the analysed customer message, and these read it the same way.
import type { Analysis } from '@/lib/analysis/types';

/** The customer is upset enough that a reply without an acknowledgement reads as cold. */
export function isUpset(a: Analysis): boolean {
  return a.frustrated || a.level === 'frustrated' || a.level === 'angry';
}

/** The customer is waiting on us: strain in the message, a broken promise, elapsed time, or a repeat contact. */
export function isWaiting(a: Analysis): boolean {
  return a.level !== 'calm' || a.frustrated || !!a.facts.promised || a.facts.contactCount >= 2 || a.facts.askedForEscalation || a.facts.elapsed.length > 0;
}

/** They asked for a manager (in words, or the scorer found an escalation demand). */
export function askedForEscalation(a: Analysis): boolean {
  return a.facts.askedForEscalation || a.signals.some((s) => s.category === 'escalation-demand');
}
