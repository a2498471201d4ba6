// The model's inputs, computed the same way at training time (scripts/train.ts) and at run time.
// Every feature has a human label so each one's share of a score can be shown.
import { SIGNAL_FEATURES, signalFeatureLabel, type FoundSignal } from './signals';
import type { Token } from './text';
import type { Valence } from './lexicon';

/** Texts up to this many tokens use word features at full strength; longer ones are scaled by
 * sqrt(LENGTH_NORM / tokens), so a long email does not add up hundreds of small word weights that
 * were learned on tweet-length texts. Signals and valence are not scaled. */
export const LENGTH_NORM = 40;

export interface Features {
  /** Named features (signals, valence, style). */
  named: Record<string, number>;
  /** Distinct words and word pairs present (normalised); only when no vocabulary was given (training). */
  words: string[];
  /** With a vocabulary: the distinct word features it knows, as indices into its `keys`. */
  wordIds?: { ids: number[]; vocabulary: Vocabulary };
  /** Multiplier applied to every word feature. */
  wordScale: number;
}

/** The named features, in a fixed order (the weights file and the trainer use it). */
export const NAMED_FEATURES: string[] = [
  ...SIGNAL_FEATURES.map((f) => 'sig:' + f),
  'lex:negative',
  'lex:positive',
  'lex:strongest',
  'lex:negated-praise',
  'lex:pressure',
  'style:question',
];

/** Features whose weight is constrained to be ≥ 0 when fitting: evidence of frustration by construction. */
export const NON_NEGATIVE: Set<string> = new Set([...SIGNAL_FEATURES.map((f) => 'sig:' + f), 'lex:negative', 'lex:strongest', 'lex:negated-praise', 'lex:pressure']);

const PLACEHOLDER_LABELS: Record<string, string> = { '@user': '@handle', '<url>': 'a link', '<email>': 'an e-mail address', '<num>': 'a number' };

export function featureLabel(name: string): string {
  if (name.startsWith('sig:')) return signalFeatureLabel(name.slice(4));
  if (name.startsWith('w:')) {
    const shown = (w: string) => PLACEHOLDER_LABELS[w] ?? w.replace(/^tech:/, '');
    const key = name.slice(2);
    if (key.startsWith('not_')) return `negated word “not … ${shown(key.slice(4))}”`;
    const parts = key.split(' ');
    return parts.length > 1 ? `words “${parts.map(shown).join(' ')}”` : `word “${shown(key)}”`;
  }
  const labels: Record<string, string> = {
    'lex:negative': 'Negative words overall',
    'lex:positive': 'Positive words overall',
    'lex:strongest': 'Strongest negative word',
    'lex:negated-praise': 'Negated praise (“not helpful”)',
    'lex:pressure': 'Support pressure words (still, again, waiting)',
    'style:question': 'Asks a question',
  };
  return labels[name] ?? name;
}

/** "sig:" + a signal's feature, built once per feature. */
const SIGNAL_KEYS = new Map(SIGNAL_FEATURES.map((f) => [f, 'sig:' + f]));
const signalKey = (feature: string) => SIGNAL_KEYS.get(feature) ?? 'sig:' + feature;

const NEGATORS = new Set(['not', 'no', 'never', 'nothing', 'nobody', 'none', 'cannot', 'cant', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'wont', 'wouldnt', 'couldnt', 'shouldnt', 'havent', 'hasnt', 'hadnt', 'aint', 'without']);

/**
 * The word features a model knows, each with its index in `keys` (the model's weight order). Every word
 * that appears in one of them gets a number (`lex`), so a token is looked up once and its unigram,
 * negated form and bigrams are found by number: no string is built or hashed again.
 */
export interface Vocabulary {
  lex: Map<string, number>;
  /** By word number: the index of the word's unigram, or -1. */
  uni: Int32Array;
  /** By word number: the index of "not_" + the word, or -1. */
  neg: Int32Array;
  /** By word number: 1 when some bigram starts with the word (most words start none: no lookup). */
  biFirst: Uint8Array;
  /** By word number: 1 for a negator (every negator has a number, known to the model or not). */
  negators: Uint8Array;
  /** Bigrams, open addressing: [first word number, second word number, index] per slot; index -1 when empty. */
  biTable: Int32Array;
  biMask: number;
  /** Every feature key ("late", "still waiting", "not_helpful"), by index. */
  keys: string[];
  /** Which call last saw each feature (so a call lists each once without building a set). */
  seen: Int32Array;
  calls: number;
}

const biSlot = (a: number, b: number, mask: number) => (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;

/** The index of bigram (a, b) in `v`, or undefined. */
function bigramIndex(v: Vocabulary, a: number, b: number): number | undefined {
  const t = v.biTable;
  for (let slot = biSlot(a, b, v.biMask); ; slot = (slot + 1) & v.biMask) {
    const index = t[slot * 3 + 2]!;
    if (index === -1) return undefined;
    if (t[slot * 3] === a && t[slot * 3 + 1] === b) return index;
  }
}

export function vocabularyOf(keys: Iterable<string>): Vocabulary {
  const list = [...keys];
  const lex = new Map<string, number>();
  const word = (w: string) => {
    let id = lex.get(w);
    if (id === undefined) lex.set(w, (id = lex.size));
    return id;
  };
  for (const w of NEGATORS) word(w); // numbered too, so a token's number says whether it negates
  const parts = list.map((k) => {
    const sp = k.indexOf(' ');
    if (sp !== -1) return { kind: 'bi' as const, a: word(k.slice(0, sp)), b: word(k.slice(sp + 1)) };
    if (k.startsWith('not_')) return { kind: 'neg' as const, a: word(k.slice(4)), b: 0 };
    return { kind: 'uni' as const, a: word(k), b: 0 };
  });
  const bigrams = parts.filter((p) => p.kind === 'bi').length;
  let slots = 16;
  while (slots < 2 * bigrams) slots *= 2;
  const v: Vocabulary = {
    lex,
    uni: new Int32Array(lex.size).fill(-1),
    neg: new Int32Array(lex.size).fill(-1),
    biFirst: new Uint8Array(lex.size),
    negators: Uint8Array.from(lex.keys(), (w) => (NEGATORS.has(w) ? 1 : 0)),
    biTable: new Int32Array(slots * 3).fill(-1),
    biMask: slots - 1,
    keys: list,
    seen: new Int32Array(list.length),
    calls: 0,
  };
  parts.forEach(({ kind, a, b }, i) => {
    if (kind !== 'bi') {
      v[kind][a] = i;
      return;
    }
    v.biFirst[a] = 1;
    let slot = biSlot(a, b, v.biMask);
    while (v.biTable[slot * 3 + 2] !== -1) slot = (slot + 1) & v.biMask;
    v.biTable.set([a, b, i], slot * 3);
  });
  return v;
}

/** What a word feature becomes, from token positions: its key (training) or the model's index for it
 * (undefined: the model doesn't know it). `bi(i)` is the pair of tokens i and i + 1. */
interface FeatureSink<K> {
  uni(i: number): K | undefined;
  bi(i: number): K | undefined;
  neg(i: number): K | undefined;
  /** Is token i a negator ("not", "never", "without")? */
  negator(i: number): boolean;
}

/**
 * Distinct unigrams, within-sentence bigrams, and "not_" + each of the three words after a negator
 * (same sentence, up to a mark): "not_helpful" in "not very helpful" learns apart from "helpful".
 * `add` gets each feature found (the same one again when it recurs), in text order.
 */
function collectWordFeatures<K>(tokens: Token[], sink: FeatureSink<K>, add: (k: K) => void): void {
  let negLeft = 0;
  let negSentence = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = t.norm;
    const next = tokens[i + 1];
    // a negated emotion word counts as its own feature, never as the plain word
    const own = t.negated ? sink.neg(i) : sink.uni(i);
    if (own !== undefined) add(own);
    if (next && next.sentence === t.sentence) {
      const pair = sink.bi(i);
      if (pair !== undefined) add(pair);
    }
    if (w === '!' || w === '?' || w === '...' || t.sentence !== negSentence) negLeft = 0;
    if (negLeft > 0) {
      const negated = sink.neg(i);
      if (negated !== undefined) add(negated);
      negLeft--;
    }
    if (sink.negator(i)) {
      negLeft = 3;
      negSentence = t.sentence;
    }
  }
}

/** Every word feature of `tokens`, as keys (the trainer builds its vocabulary from them). */
export function wordFeatures(tokens: Token[]): string[] {
  const set = new Set<string>();
  collectWordFeatures(
    tokens,
    {
      uni: (i) => tokens[i]!.norm,
      bi: (i) => tokens[i]!.norm + ' ' + tokens[i + 1]!.norm,
      neg: (i) => 'not_' + tokens[i]!.norm,
      negator: (i) => NEGATORS.has(tokens[i]!.norm),
    },
    (k) => set.add(k),
  );
  return [...set];
}

/** The word features of `tokens` that `vocab` knows, as indices into `vocab.keys`, each once, in text order. */
export function wordFeatureIds(tokens: Token[], vocab: Vocabulary): number[] {
  const { lex, uni, neg, biFirst, negators, seen } = vocab;
  const ids = new Int32Array(tokens.length);
  for (let i = 0; i < tokens.length; i++) ids[i] = lex.get(tokens[i]!.norm) ?? -1;
  if (vocab.calls === 0x7fffffff) (seen.fill(0), (vocab.calls = 0));
  const call = ++vocab.calls;
  const out: number[] = [];
  const known = (x: number) => (x === -1 ? undefined : x);
  collectWordFeatures<number>(
    tokens,
    {
      uni: (i) => (ids[i] === -1 ? undefined : known(uni[ids[i]!]!)),
      bi: (i) => (ids[i] === -1 || ids[i + 1] === -1 || biFirst[ids[i]!] === 0 ? undefined : bigramIndex(vocab, ids[i]!, ids[i + 1]!)),
      neg: (i) => (ids[i] === -1 ? undefined : known(neg[ids[i]!]!)),
      negator: (i) => ids[i] !== -1 && negators[ids[i]!] === 1,
    },
    (id) => {
      if (seen[id] === call) return;
      seen[id] = call;
      out.push(id);
    },
  );
  return out;
}

export interface FeatureInput {
  tokens: Token[];
  signals: FoundSignal[];
  valence: Valence;
  text: string;
  /** Contacts known from the thread (1 = first). */
  contactCount: number;
  /** Keep only the model's words, as indices (`wordIds`: no string is built); all words as keys when absent. */
  vocabulary?: Vocabulary;
}

export function computeFeatures(x: FeatureInput): Features {
  const named: Record<string, number> = {};
  for (const s of x.signals) named[signalKey(s.feature)] = 1;
  // The thread's own count feeds the same feature: a second message counts half, a third fully.
  if (x.contactCount >= 2) named['sig:repeat-contact'] = Math.max(named['sig:repeat-contact'] ?? 0, Math.min(1, (x.contactCount - 1) / 2));
  const v = x.valence;
  if (v.negative > 0) named['lex:negative'] = Math.log1p(v.negative);
  if (v.positive > 0) named['lex:positive'] = Math.log1p(v.positive);
  if (v.strongestNegative > 0) named['lex:strongest'] = v.strongestNegative / 4;
  if (v.negatedPositive > 0) named['lex:negated-praise'] = Math.min(2, v.negatedPositive);
  if (v.pressure > 0) named['lex:pressure'] = Math.log1p(v.pressure);
  if (x.text.indexOf('?') !== -1) named['style:question'] = 1;
  const n = x.tokens.length;
  const wordScale = n > LENGTH_NORM ? Math.sqrt(LENGTH_NORM / n) : 1;
  return x.vocabulary ? { named, words: [], wordIds: { ids: wordFeatureIds(x.tokens, x.vocabulary), vocabulary: x.vocabulary }, wordScale } : { named, words: wordFeatures(x.tokens), wordScale };
}
