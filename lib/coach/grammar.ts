// The grammar the rules need where regular expressions do badly: is a trigger negated ("I can't
// guarantee" is honest, "I guarantee" is not), who is the subject of a verb (the courier, "we", or
// "you"), is the sentence about the future. compromise costs ≈ 0.5 ms a sentence, so it only ever
// sees the sentences a rule's cheap pass has flagged, and each sentence is parsed once: a draft
// re-checked on every keystroke pause re-parses only the sentences that changed.
import nlp from 'compromise/two';
import { windowStart } from '@/lib/analysis/text';

// Domain words, added the compromise way. ThirdParty marks who a reply might blame; the tag is only
// read by the coach, and the words stay nouns for everyone else sharing compromise.
nlp.plugin({
  tags: { ThirdParty: { isA: 'Noun' } },
  words: {
    // "It must be your wifi." / "Your ISP is throttling it." / "The courier lost it." / "Your bank declined it."
    ...thirdParty(['internet', 'wifi', 'wi-fi', 'broadband'], 'Uncountable'),
    ...thirdParty(['router', 'isp', 'provider', 'network', 'connection', 'courier', 'carrier', 'driver', 'bank', 'vendor',
      'supplier', 'warehouse', 'manufacturer', 'department', 'team', 'colleague'], 'Singular'),
    ...thirdParty(['routers', 'providers', 'couriers', 'carriers', 'banks', 'vendors', 'suppliers', 'colleagues'], 'Plural'),
    // "I'll update you by EOD." — times, not acronyms.
    eod: 'Date',
    cob: 'Date',
  },
});

function thirdParty(words: string[], number: string): Record<string, string[]> {
  return Object.fromEntries(words.map((w) => [w, [number, 'ThirdParty']]));
}

export interface Token {
  text: string;
  /** Lower-case form; for a contraction's hidden part ("I'll" → "will") the expanded word. */
  word: string;
  /** Offsets into the sentence; a contraction's hidden part has start === end. */
  start: number;
  end: number;
  tags: ReadonlySet<string>;
  /** Text between this token and the next (spaces, commas, dashes). */
  after: string;
}

export type Person = 1 | 2 | 3 | 0; // 0: no subject (imperative, fragment)

export interface VerbGroup {
  /** Token indexes, inclusive. */
  from: number;
  to: number;
  negative: boolean;
  future: boolean;
  past: boolean;
  /** Only a form of "be" ("is", "I'm"): a state, not an action. */
  copula: boolean;
  /** Lower-case words of the group, auxiliaries included ("can", "not", "guarantee"). */
  words: string[];
}

export interface Grammar {
  tokens: Token[];
  verbs: VerbGroup[];
}

const FIRST = new Set(['i', 'we', 'me', 'us', 'myself', 'ourselves']);
const SECOND = new Set(['you', 'yourself', 'yourselves']);
const CLAUSE_WORDS = new Set(['but', 'so', 'because', 'although', 'though', 'while', 'whereas', 'unless', 'and', 'or', 'that', 'if', 'when']);

function parse(sentence: string): Grammar {
  const doc = nlp(sentence);
  const tokens: Token[] = [];
  let pos = 0;
  for (const terms of doc.document) {
    for (const t of terms) {
      const start = pos + t.pre.length;
      const end = start + t.text.length;
      pos = end + t.post.length;
      const implicit = (t as { implicit?: string }).implicit;
      const word = (t.text ? (implicit ?? t.normal) : (implicit ?? '')).toLowerCase();
      tokens.push({ text: t.text, word, start, end, tags: t.tags ?? new Set(), after: t.post });
    }
  }
  return { tokens, verbs: verbGroups(tokens) };
}

function verbGroups(tokens: Token[]): VerbGroup[] {
  const out: VerbGroup[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isVerbish(tokens[i]!)) {
      i++;
      continue;
    }
    const from = i;
    while (i + 1 < tokens.length && (isVerbish(tokens[i + 1]!) || isInsideVerb(tokens[i + 1]!)) && !breaksAfter(tokens[i]!)) i++;
    // Trailing adverbs/negatives are not part of the group's verb.
    let to = i;
    while (to > from && !tokens[to]!.tags.has('Verb')) to--;
    const words = tokens.slice(from, to + 1).map((t) => t.word);
    const tags = tokens.slice(from, to + 1).map((t) => t.tags);
    out.push({
      from,
      to,
      negative: tokens.slice(from, to + 1).some((t) => t.tags.has('Negative') || t.word === 'not' || t.word === 'never'),
      future: words.some((w) => w === 'will' || w === 'shall' || w === "'ll") || (words.includes('going') && tokens[to + 1]?.word === 'to'),
      past: tags.some((t) => t.has('PastTense')) && !words.some((w) => w === 'will' || w === 'is' || w === 'am' || w === 'are'),
      copula: tokens.slice(from, to + 1).every((t) => t.tags.has('Copula') || t.tags.has('Auxiliary') || !t.tags.has('Verb')),
      words,
    });
    i++;
  }
  return out;
}

function isVerbish(t: Token): boolean {
  return t.tags.has('Verb');
}

/** Words that can sit between the parts of a verb: "can't [really] guarantee", "will [definitely] arrive". */
function isInsideVerb(t: Token): boolean {
  return t.tags.has('Negative') || (t.tags.has('Adverb') && !t.tags.has('Date'));
}

function breaksAfter(t: Token): boolean {
  return /[,;:—–()]/.test(t.after) || /\s-\s/.test(t.after);
}

// ---- the cache ---------------------------------------------------------------------------------

const LIMIT = 500;
const cache = new Map<string, Grammar>();
let parses = 0;

/** The sentence's grammar, parsed once and remembered (least recently used dropped first). */
export function grammarOf(sentence: string): Grammar {
  const hit = cache.get(sentence);
  if (hit) {
    cache.delete(sentence);
    cache.set(sentence, hit);
    return hit;
  }
  parses++;
  const g = parse(sentence);
  cache.set(sentence, g);
  if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  return g;
}

// Where a clause clearly ends: ; : ! ? a spaced dash, or ", but/and/so/because/which ...".
const HARD_BREAK = /[;:!?]|\s[—–-]\s|,\s+(?:but|and|so|because|which|although|though|while|whereas)\b/g;

/**
 * The grammar of the sentence up to the end of the clause holding offset `to` (a prefix, so offsets
 * still point into the sentence). Parsing cost grows with length, and what a rule asks about a match
 * (its subject, a negation or hedge before it, the verb it hangs on) lies at or before it.
 */
export function grammarAt(sentence: string, to: number): Grammar {
  HARD_BREAK.lastIndex = Math.max(0, to);
  const cut = HARD_BREAK.exec(sentence);
  const end = cut ? cut.index : sentence.length;
  if (to <= MAX_BEFORE && end - to <= MAX_AFTER) return grammarOf(sentence.slice(0, end));
  // A run-on "sentence" (a pasted log, a wall of text with no stops): parse only a window of whole
  // words around the match, then shift the offsets back into the sentence.
  const from = windowStart(sentence, to, MAX_BEFORE);
  let stop = end;
  if (end - to > MAX_AFTER) {
    const space = sentence.lastIndexOf(' ', to + MAX_AFTER);
    stop = space > to ? space : to + MAX_AFTER;
  }
  const g = grammarOf(sentence.slice(from, stop));
  return from === 0 ? g : { tokens: g.tokens.map((t) => ({ ...t, start: t.start + from, end: t.end + from })), verbs: g.verbs };
}

/** The window grammarAt parses in a run-on sentence: what a rule asks about lies just before a match
 * (its subject, a negation, a hedge) or just after it (the verb it hangs on). */
const MAX_BEFORE = 300;
const MAX_AFTER = 200;

/** How many sentences have been parsed since the last reset (tests and the bench read it). */
export function grammarParses(): number {
  return parses;
}

export function resetGrammarCache(): void {
  cache.clear();
  parses = 0;
}

// ---- questions the rules ask -------------------------------------------------------------------

/** Index of the token covering `offset` (or the first one after it). */
export function tokenAt(g: Grammar, offset: number): number {
  const i = g.tokens.findIndex((t) => t.end > offset && t.text !== '');
  return i === -1 ? g.tokens.length - 1 : i;
}

/** Token bounds of the clause around token i: split at , ; : dashes and clause words. */
export function clauseOf(g: Grammar, i: number): [number, number] {
  let a = i;
  while (a > 0 && !breaksAfter(g.tokens[a - 1]!) && !CLAUSE_WORDS.has(g.tokens[a]!.word)) a--;
  let b = i;
  while (b + 1 < g.tokens.length && !breaksAfter(g.tokens[b]!) && !CLAUSE_WORDS.has(g.tokens[b + 1]!.word)) b++;
  return [a, b];
}

/** The verb group that contains token i, or else the nearest one before it in its clause. */
export function verbFor(g: Grammar, i: number): VerbGroup | undefined {
  const inside = g.verbs.find((v) => v.from <= i && i <= v.to);
  if (inside) return inside;
  const [a] = clauseOf(g, i);
  return [...g.verbs].reverse().find((v) => v.to < i && v.from >= a);
}

/** The verb group that follows token i in its clause. */
export function verbAfter(g: Grammar, i: number): VerbGroup | undefined {
  const [, b] = clauseOf(g, i);
  return g.verbs.find((v) => v.from > i && v.from <= b);
}

/** Grammatical person of a verb group's subject: the nearest noun before it in the clause. */
export function subjectOf(g: Grammar, v: VerbGroup): { person: Person; index: number } {
  const [a] = clauseOf(g, v.from);
  for (let j = v.from - 1; j >= a; j--) {
    const t = g.tokens[j]!;
    if (!t.text) continue; // hidden part of a contraction
    if (t.tags.has('Noun') || t.tags.has('Pronoun') || t.tags.has('There')) {
      const w = t.word.replace(/'.*$/, '');
      return { person: FIRST.has(w) ? 1 : SECOND.has(w) ? 2 : 3, index: j };
    }
  }
  return { person: 0, index: -1 };
}

/** The noun phrase of the subject, walking left from its head over possessives, adjectives and determiners. */
export function subjectPhrase(g: Grammar, v: VerbGroup): Token[] {
  const { index } = subjectOf(g, v);
  if (index < 0) return [];
  let a = index;
  while (a > 0 && /^(?:Noun|Adjective|Determiner|Possessive|Value)$/.test(kind(g.tokens[a - 1]!)) && !breaksAfter(g.tokens[a - 1]!)) a--;
  return g.tokens.slice(a, index + 1);
}

function kind(t: Token): string {
  for (const k of ['Possessive', 'Determiner', 'Adjective', 'Value', 'Noun']) if (t.tags.has(k)) return k;
  return '';
}

/** Is token i negated: inside or right after a negated verb, or after "no"/"not" in its noun phrase. */
export function negatedAt(g: Grammar, i: number): boolean {
  for (let j = i - 1; j >= Math.max(0, i - 3); j--) {
    const t = g.tokens[j]!;
    if (t.word === 'no' || t.word === 'not' || t.word === 'never' || t.word === 'without') return true;
    if (t.tags.has('Verb')) break;
  }
  return verbFor(g, i)?.negative ?? false;
}

/** Some verb group commits to the future and is not negated ("I'll call", "we're going to"). */
export function hasCommitment(g: Grammar): boolean {
  return g.verbs.some((v) => !v.negative && v.future);
}
