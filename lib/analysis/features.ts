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
  /** Distinct words and word pairs present (normalised). */
  words: string[];
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

const NEGATORS = new Set(['not', 'no', 'never', 'nothing', 'nobody', 'none', 'cannot', 'cant', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'wont', 'wouldnt', 'couldnt', 'shouldnt', 'havent', 'hasnt', 'hadnt', 'aint', 'without']);
const PUNCT = new Set(['!', '?', '...']);

/**
 * Distinct unigrams, within-sentence bigrams, and "not_" + each of the three words after a negator
 * (same sentence, up to a mark): "not_helpful" in "not very helpful" learns apart from "helpful".
 */
/** The word features a model knows, split so that a lookup builds no string: unigrams, bigrams
 * (first word → second words) and negated words ("not_x" → x). */
export interface Vocabulary {
  uni: Set<string>;
  bi: Map<string, Set<string>>;
  neg: Set<string>;
}

export function vocabularyOf(keys: Iterable<string>): Vocabulary {
  const v: Vocabulary = { uni: new Set(), bi: new Map(), neg: new Set() };
  for (const k of keys) {
    const sp = k.indexOf(' ');
    if (sp !== -1) {
      const first = k.slice(0, sp);
      let set = v.bi.get(first);
      if (!set) v.bi.set(first, (set = new Set()));
      set.add(k.slice(sp + 1));
    } else if (k.startsWith('not_')) v.neg.add(k.slice(4));
    else v.uni.add(k);
  }
  return v;
}

export function wordFeatures(tokens: Token[], vocab?: Vocabulary): string[] {
  const set = new Set<string>();
  let negLeft = 0;
  let negSentence = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const w = t.norm;
    const next = tokens[i + 1];
    const pair = next && next.sentence === t.sentence ? next.norm : undefined;
    // a negated emotion word counts as its own feature, never as the plain word
    if (t.negated) {
      if (!vocab || vocab.neg.has(w)) set.add('not_' + w);
    } else if (!vocab || vocab.uni.has(w)) set.add(w);
    if (vocab) {
      if (pair !== undefined && vocab.bi.get(w)?.has(pair)) set.add(w + ' ' + pair);
    } else if (pair !== undefined) set.add(w + ' ' + pair);
    if (PUNCT.has(w) || t.sentence !== negSentence) negLeft = 0;
    if (negLeft > 0) {
      if (!vocab || vocab.neg.has(w)) set.add('not_' + w);
      negLeft--;
    }
    if (NEGATORS.has(w)) {
      negLeft = 3;
      negSentence = t.sentence;
    }
  }
  return [...set];
}

export interface FeatureInput {
  tokens: Token[];
  signals: FoundSignal[];
  valence: Valence;
  text: string;
  /** Contacts known from the thread (1 = first). */
  contactCount: number;
  /** Keep only the model's words (saves building strings nobody reads); all words when absent. */
  vocabulary?: Vocabulary;
}

export function computeFeatures(x: FeatureInput): Features {
  const named: Record<string, number> = {};
  for (const s of x.signals) named['sig:' + s.feature] = 1;
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
  return { named, words: wordFeatures(x.tokens, x.vocabulary), wordScale: n > LENGTH_NORM ? Math.sqrt(LENGTH_NORM / n) : 1 };
}
