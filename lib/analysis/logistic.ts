// The fitted logistic model: weights and thresholds come from scripts/train.ts (never edited by hand).
// Logistic means every feature's share of a score is additive in log-odds, so the evidence list is
// exact: intercept + Σ contributions = the log-odds behind the score.
import type { Contribution, Level } from './types';
import { featureLabel, vocabularyOf, type Features, type Vocabulary } from './features';
import fitted from './model/weights.json';

export interface ModelWeights {
  version: number;
  intercept: number;
  /** Named features (signals, valence, style). */
  named: Record<string, number>;
  /** Words and word pairs. */
  words: Record<string, number>;
  /** Score cut-offs (0-100), chosen on the dev splits. */
  thresholds: { watch: number; frustrated: number; angry: number };
  /** The `frustrated` cut-off for the other sensitivity settings. */
  sensitivity: { low: number; high: number };
  /** What training achieved (printed by the trainer, kept for the record). */
  figures?: Record<string, unknown>;
}

export const WEIGHTS = fitted as unknown as ModelWeights;

export interface Scored {
  /** Log-odds. */
  z: number;
  probability: number;
  /** 0-100. */
  score: number;
  /** The largest contributions (magnitude), largest first, with labels. */
  contributions: Contribution[];
}

// A Map, not the JSON object: a word such as "constructor" must not find Object.prototype's.
const wordMaps = new WeakMap<ModelWeights, Map<string, number>>();
export function wordMap(w: ModelWeights = WEIGHTS): Map<string, number> {
  let m = wordMaps.get(w);
  if (!m) {
    m = new Map(Object.entries(w.words));
    wordMaps.set(w, m);
  }
  return m;
}

interface CompiledWords {
  vocabulary: Vocabulary;
  /** The weight of each of `vocabulary.keys`, by index. */
  weights: Float64Array;
}
const compiledModels = new WeakMap<ModelWeights, CompiledWords>();
function compiledWords(w: ModelWeights): CompiledWords {
  let c = compiledModels.get(w);
  if (!c) {
    const map = wordMap(w);
    const v = vocabularyOf(map.keys());
    c = { vocabulary: v, weights: Float64Array.from(v.keys, (k) => map.get(k)!) };
    compiledModels.set(w, c);
  }
  return c;
}

/** The model's words in the shape computeFeatures looks them up (features as indices into its keys). */
export function vocabulary(w: ModelWeights = WEIGHTS): Vocabulary {
  return compiledWords(w).vocabulary;
}

/**
 * Scores features. `z` and the score use every feature; `contributions` keeps the `keep` largest
 * (by magnitude, largest first), labelled: they are what the evidence list shows.
 */
export function scoreFeatures(f: Features, w: ModelWeights = WEIGHTS, keep = 12): Scored {
  const names: string[] = [];
  const values: number[] = [];
  let z = w.intercept;
  for (const name in f.named) {
    const value = f.named[name]!;
    const weight = Object.hasOwn(w.named, name) ? w.named[name] : undefined;
    if (weight === undefined || weight === 0 || value === 0) continue;
    const c = weight * value;
    z += c;
    names.push(name);
    values.push(c);
  }
  const scale = f.wordScale;
  const namedCount = names.length;
  const add = (word: string, weight: number | undefined) => {
    if (weight === undefined) return;
    const c = weight * scale;
    z += c;
    names.push(word); // prefixed with "w:" below, only for the contributions kept
    values.push(c);
  };
  const model = compiledWords(w);
  if (f.wordIds?.vocabulary === model.vocabulary) {
    for (const id of f.wordIds.ids) add(model.vocabulary.keys[id]!, model.weights[id]);
  } else {
    // keys, or indices into another model's vocabulary
    const words = wordMap(w);
    for (const word of f.wordIds ? f.wordIds.ids.map((id) => f.wordIds!.vocabulary.keys[id]!) : f.words) add(word, words.get(word));
  }
  // top `keep` by magnitude: a small insertion-sorted list (cheaper than sorting hundreds of words)
  const top: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const a = Math.abs(values[i]!);
    if (top.length === keep && a <= Math.abs(values[top[keep - 1]!]!)) continue;
    let j = top.length < keep ? top.length : keep - 1;
    while (j > 0 && Math.abs(values[top[j - 1]!]!) < a) {
      if (j < keep) top[j] = top[j - 1]!;
      j--;
    }
    top[j] = i;
  }
  const contributions: Contribution[] = top.map((i) => {
    const feature = i < namedCount ? names[i]! : 'w:' + names[i]!;
    return { feature, label: featureLabel(feature), contribution: values[i]! };
  });
  const probability = 1 / (1 + Math.exp(-z));
  return { z, probability, score: Math.round(100 * probability), contributions };
}

export type Sensitivity = 'low' | 'normal' | 'high';

/** The score at which the side panel raises its alert (`frustrated`), per sensitivity setting. */
export function alertThreshold(sensitivity: Sensitivity = 'normal', w: ModelWeights = WEIGHTS): number {
  if (sensitivity === 'low') return w.sensitivity.low;
  if (sensitivity === 'high') return w.sensitivity.high;
  return w.thresholds.frustrated;
}

/**
 * The level for a score. `frustrated` and above start at the alert threshold, so level and the
 * `frustrated` flag always agree; `watch` and `angry` keep their fitted distance from it. `angry`
 * also needs `overt` anger in the message (swearing, insults, shouting, "!!!"): a polite message
 * full of hidden frustration ("as per my last email… kindly advise") scores high, but it is
 * frustrated, not angry.
 */
export function levelFor(score: number, sensitivity: Sensitivity = 'normal', w: ModelWeights = WEIGHTS, overt = true): Level {
  const t = w.thresholds;
  const alert = alertThreshold(sensitivity, w);
  const shift = alert - t.frustrated;
  if (overt && score >= Math.min(100, t.angry + shift) && score >= alert) return 'angry';
  if (score >= alert) return 'frustrated';
  if (score >= Math.max(1, t.watch + shift)) return 'watch';
  return 'calm';
}
