// The few questions where grammar matters, answered with compromise on ONE sentence at a time.
//
// compromise costs ≈ 0.5 ms per sentence here (toolchain.md: slower than VADER on a whole email), so
// signals.ts asks only when its cheap pass cannot decide: a negator a few words before a trigger but
// not right next to it, a "promise" whose tense the words around it do not settle, a duration
// spelled in words the small table below does not know. Even then compromise sees only the clause
// up to the trigger, not the whole sentence. Parses are cached by that snippet's text, so a draft
// re-checked on every typing pause re-parses only what changed.
import nlp from 'compromise';
import { windowStart } from './text';

// Support-mail words compromise would otherwise mis-tag (compromise's plugin shape: words → tag).
nlp.plugin({
  words: {
    // "Where is my refund?" — a thing, not the verb "to refund"
    refund: 'Noun',
    // "I'll file a chargeback" — unknown to the default lexicon
    chargeback: 'Noun',
    // "I never got a callback"
    callback: 'Noun',
    // "all I get is the runaround"
    runaround: 'Noun',
    // "I want this escalated" — a verb, so the clause has one
    escalate: 'Verb',
    // "the outage is still ongoing"
    outage: 'Noun',
    // "nobody called me back": a negative subject (compromise tags it #Actor only)
    nobody: 'Negative',
    noone: 'Negative',
  },
});

interface Parsed {
  terms: { start: number; end: number; tags: Set<string>; normal: string }[];
}

const CACHE_SIZE = 512;
const cache = new Map<string, Parsed>();
let parses = 0;

/** How many snippets compromise has parsed (the bench and tests read it). */
export function grammarStats(): { parses: number; cached: number } {
  return { parses, cached: cache.size };
}

export function clearGrammarCache(): void {
  cache.clear();
}

function remember(key: string, parsed: Parsed): Parsed {
  cache.set(key, parsed);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return parsed;
}

/** Terms of a snippet with their offsets (rebuilt from compromise's pre/text/post, which keep every character). */
function parse(snippet: string): Parsed {
  const hit = cache.get(snippet);
  if (hit) {
    cache.delete(snippet);
    cache.set(snippet, hit); // LRU: most recent last
    return hit;
  }
  parses++;
  type T = { pre: string; text: string; post: string; normal: string; implicit?: string; tags: Set<string> };
  const terms: Parsed['terms'] = [];
  let at = 0;
  for (const t of nlp(snippet).termList() as unknown as T[]) {
    const start = at + t.pre.length;
    const end = start + t.text.length;
    terms.push({ start, end, tags: t.tags, normal: t.implicit || t.normal });
    at = end + t.post.length;
  }
  return remember(snippet, { terms });
}

/** Where the clause holding `at` starts: after the last ", but", ";", "although"… before it. */
const CLAUSE_BREAK = /[;:]|,\s*(?=(?:but|and|so|because|although|though|yet|however|while|whereas|which)\b)|\b(?:but|although|though|however|whereas)\b/gi;
function clauseStart(sentence: string, at: number): number {
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CLAUSE_BREAK.exec(sentence)) && m.index < at) start = m.index + m[0].length;
  return start;
}

/** How far back a clause may reach (characters). A run-on "sentence" with no stops (a pasted log, a
 * wall of text) would otherwise hand compromise thousands of words for every trigger in it: seconds. */
const MAX_CLAUSE = 240;

/** The snippet compromise sees: from the clause start to the end of the word at `at` (+ `extraWords`),
 * at most MAX_CLAUSE characters back, starting on a word. */
function snippetAround(sentence: string, at: number, extraWords = 0): { text: string; offset: number } {
  let from = windowStart(sentence, at, MAX_CLAUSE);
  from += clauseStart(sentence.slice(from, at), at - from);
  const re = new RegExp(`^[\\w'’-]*(?:\\W+[\\w'’-]+){0,${extraWords}}`);
  const tail = re.exec(sentence.slice(at))![0];
  return { text: sentence.slice(from, at + tail.length), offset: from };
}

const NEGATIVE_WORDS = new Set(['not', 'never', 'no', "n't", 'nobody', 'noone', 'none', 'without', 'hardly', 'barely', 'neither', 'nor']);

function isNegator(t: Parsed['terms'][number]): boolean {
  return t.tags.has('Negative') || NEGATIVE_WORDS.has(t.normal);
}

/**
 * Is the trigger at `at` (an offset in `sentence`) under a negation of its own clause?
 *   "Never once have we been disappointed"        → true
 *   "I'm not sure why, but I'm really disappointed" → false (another clause)
 *   "It wasn't the refund I was disappointed about" → false (a new subject and verb after the negator)
 *   "I've never been so disappointed"              → false (negation that intensifies: so/this/more)
 */
export function negatedInClause(sentence: string, at: number): boolean {
  const snip = snippetAround(sentence, at);
  const p = parse(snip.text);
  const rel = at - snip.offset;
  const before = p.terms.filter((t) => t.start < rel);
  let neg = -1;
  for (let i = before.length - 1; i >= 0; i--) {
    if (isNegator(before[i]!)) {
      neg = i;
      break;
    }
  }
  if (neg === -1) return false;
  const between = before.slice(neg + 1);
  // "not only / not just disappointed" adds, it does not deny
  if (between[0] && /^(only|just|merely|simply)$/.test(between[0].normal)) return false;
  // "never been so / this / more disappointed", "can't tell you how disappointed"
  const last = between[between.length - 1];
  if (last && /^(so|this|more|as|how|anymore)$/.test(last.normal)) return false;
  // a new subject + verb after the negator starts a clause the negation does not reach;
  // a pronoun right after a verb is an inversion ("have we been"), not a new subject
  for (let i = 0; i < between.length - 1; i++) {
    const t = between[i]!;
    const prev = i === 0 ? before[neg]! : between[i - 1]!;
    if (t.tags.has('Pronoun') && !t.tags.has('Possessive') && between[i + 1]!.tags.has('Verb') && !prev.tags.has('Verb') && !isNegator(prev)) return false;
  }
  return true;
}

/**
 * Is the "promise" word at `at` about a past promise (one the customer is holding us to)?
 *   "Where is the promised refund?"  → true
 *   "You had promised a callback."   → true
 *   "I promise I will send it."      → false (present)
 *   "Can you promise it won't happen again?" → false
 *   "They keep promising a fix."     → true (a habit of promising)
 */
export function promiseIsPast(sentence: string, at: number): boolean {
  const snip = snippetAround(sentence, at, 2);
  const p = parse(snip.text);
  const rel = at - snip.offset;
  const i = p.terms.findIndex((t) => rel >= t.start && rel < Math.max(t.end, t.start + 1));
  const t = p.terms[i];
  if (!t) return false;
  const prev = p.terms.slice(Math.max(0, i - 3), i);
  if (prev.some(isNegator)) return false;
  if (t.tags.has('PastTense') || t.tags.has('Participle')) return true;
  if (t.tags.has('Gerund') && prev.some((x) => /^(keep|keeps|kept|been|always)$/.test(x.normal))) return true;
  return false;
}

const SMALL_NUMBERS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  couple: 2, 'a couple': 2, 'a couple of': 2, few: 3, 'a few': 3, several: 3, many: 4, multiple: 3,
};

/**
 * The value of a number written in words or digits: "19" → 19, "a couple of" → 2, and via compromise
 * for forms the small table does not hold: "twenty-one" → 21, "forty five" → 45.
 */
export function numberValue(phrase: string): number | undefined {
  const p = phrase.trim().toLowerCase();
  if (/^\d+$/.test(p)) return Number(p);
  const small = Object.hasOwn(SMALL_NUMBERS, p) ? SMALL_NUMBERS[p] : undefined;
  if (small !== undefined) return small;
  // "twenty-one", "forty five": tens and units from the table, without the grammar
  const tensUnits = /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](one|two|three|four|five|six|seven|eight|nine)$/.exec(p);
  if (tensUnits) return SMALL_NUMBERS[tensUnits[1]!]! + SMALL_NUMBERS[tensUnits[2]!]!;
  const key = '#num ' + p;
  let parsed = cache.get(key);
  if (!parsed) {
    parses++;
    const got = nlp(p).numbers().get() as unknown;
    const n = Array.isArray(got) ? got[0] : got;
    parsed = remember(key, { terms: typeof n === 'number' ? [{ start: 0, end: 0, tags: new Set(), normal: String(n) }] : [] });
  }
  const v = parsed.terms[0] ? Number(parsed.terms[0].normal) : NaN;
  return Number.isFinite(v) ? v : undefined;
}
