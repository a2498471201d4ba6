// Small helpers the rule records share: grammar questions asked about one match, and rewriting
// part of a sentence without leaving stray commas or lower-case starts behind.
import { grammarAt, negatedAt, subjectOf, tokenAt, verbAfter, verbFor, type Person, type Token } from '../grammar';
import type { Sentence } from '../text';

/**
 * A negation in the match or just before it: "it's not your internet", "this isn't the courier's
 * fault". With `insideToo` false, words of the match itself don't count ("there's no risk").
 */
export function negatedNear(s: Sentence, from: number, to: number, lookBack = 4, insideToo = true): boolean {
  const g = grammarAt(s.norm, to);
  const a = tokenAt(g, from);
  const b = tokenAt(g, Math.max(from, to - 1));
  if (!insideToo) return g.tokens.slice(Math.max(0, a - lookBack), a).some(isNegation) || (verbFor(g, a)?.negative ?? false);
  for (let j = Math.max(0, a - lookBack); j <= b; j++) {
    if (isNegation(g.tokens[j]!)) return true;
  }
  return negatedAt(g, b);
}

function isNegation(t: Token): boolean {
  return t.tags.has('Negative') || t.word === 'not' || t.word === 'never' || t.word === 'no';
}

/** Grammatical person of whoever does the verb at (or right after) the match [from, to). */
export function personAt(s: Sentence, from: number, to: number): Person {
  const g = grammarAt(s.norm, to);
  const i = tokenAt(g, from);
  const v = verbFor(g, i) ?? verbAfter(g, i);
  return v ? subjectOf(g, v).person : 0;
}

/** The rep goes on to act after offset `end`: "not something we control, but I've rebooked it". */
export function offersActionAfter(s: Sentence, end: number): boolean {
  return /\bbut (?:i|we)(?:'ll| will| can| have|'ve| am|'m)\b/i.test(s.norm.slice(end));
}

export function isQuestion(s: Sentence): boolean {
  return /\?\s*["'”’)]*$/.test(s.norm);
}

/** The sentence with [from, to) (offsets into the sentence) replaced, tidied at the seams. */
export function swapIn(s: Sentence, from: number, to: number, replacement: string): string {
  let before = s.text.slice(0, from);
  let after = s.text.slice(to);
  if (!replacement) {
    after = after.replace(/^[\s,;:—–-]+/, before.trim() ? ' ' : '');
    if (!before.trim()) after = caseLike(after, /^[^a-z]/.test(s.text));
    before = before.replace(/[\s,]+$/, after.startsWith(' ') || /^[.!?]/.test(after) ? '' : ' ');
    return (before + after).replace(/\s{2,}/g, ' ').trim();
  }
  // At the start of the sentence, follow the case the rep used there ("Hi Lucy, thank you ..." stays lower-case).
  const start = !before.trim() || /[.!?]\s*$/.test(before);
  const upper = before.trim() ? true : /^[^a-z]/.test(s.text);
  const rep = start ? caseLike(replacement, upper) : replacement;
  return (before + rep + after).replace(/\s{2,}/g, ' ').replace(/\s+([,.;!?])/g, '$1').trim();
}

/** First letter upper- or lower-case; "I" and "I'm" stay upper-case. */
export function caseLike(text: string, upper: boolean): string {
  if (upper || /^I\b/.test(text)) return text.charAt(0).toUpperCase() + text.slice(1);
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** The sentence as it would open a new sentence: "the engineer has ..." → "The engineer has ...". */
export function asSentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
