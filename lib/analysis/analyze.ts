// analyzeMessage: clean → sentences/tokens → signals + valence → features → fitted logistic model.
// Pure and synchronous; never throws (a failure becomes a calm result with a `reason`).
import type { AnalyseOptions, Analysis, Contribution, MessageFacts, Signal } from './types';
import { cleanMessage, spanToSource, type Cleaned } from './clean';
import { splitSentences, tokenize } from './text';
import { SIGNALS, findSignals, lowerSameLength, matchable, type FoundSignal } from './signals';
import { technicalSpans, valence } from './lexicon';
import { computeFeatures } from './features';
import { alertThreshold, levelFor, scoreFeatures, vocabulary } from './logistic';
import { extractFacts, withThreadCount } from './facts';
import { detectLanguage } from './language';

/** How many contributions the evidence list keeps. */
const EVIDENCE_SIZE = 8;

/** Words that carry weight in the model but tell a rep nothing on their own ('word "been"', 'words
 * "do i"'): they still count in the score, but the evidence list shows what a person can act on. */
const FUNCTION_WORDS = new Set(
  'a an the and or but so to of in on at for with from by about as if then than there here this that these those it its i me my we us our you your they them their he him his she her is are was were be been being am have has had do does did done can could would will should shall may might must not no nor just also very too all any some what which who whom how when where why ? ! ... <num> @user'.split(' '),
);

function tellsNothing(feature: string): boolean {
  if (!feature.startsWith('w:')) return false;
  const key = feature.slice(2);
  return (key.startsWith('not_') ? [key.slice(4)] : key.split(' ')).every((w) => FUNCTION_WORDS.has(w));
}

function emptyFacts(prior?: number): MessageFacts {
  return withThreadCount({ references: [], products: [], elapsed: [], askedForEscalation: false, contactCount: 1 }, prior);
}

function unscored(reason: string, language: Analysis['language'], cleaned: Cleaned | undefined, opts: AnalyseOptions): Analysis {
  const first = cleaned?.segments[0];
  const last = cleaned?.segments[cleaned.segments.length - 1];
  return {
    score: 0,
    level: 'calm',
    frustrated: false,
    signals: [],
    evidence: [],
    facts: emptyFacts(opts.priorCustomerMessages),
    reason,
    language,
    scored: { start: first?.start ?? 0, end: last?.end ?? 0 },
    ...(cleaned?.truncated ? { truncated: cleaned.truncated } : {}),
    ...(opts.html && cleaned ? { plainText: cleaned.source } : {}),
  };
}

/**
 * Intermediate results, for the trainer and the bench (the same path analyzeMessage takes).
 * `allWords` keeps every word feature (the trainer builds its vocabulary from them); otherwise only
 * the words the fitted model knows are kept.
 */
export function analyzeParts(text: string, opts: AnalyseOptions = {}, { allWords = false } = {}) {
  const cleaned = cleanMessage(text, { html: opts.html });
  const body = cleaned.text;
  const sentences = splitSentences(body);
  const tokens = tokenize(body, sentences);
  const m = matchable(body);
  const lower = lowerSameLength(m);
  const found = findSignals(body, sentences, SIGNALS, { prepared: { matchable: m, lower } });
  const val = valence(tokens, technicalSpans(m, lower), { text: body, sentences });
  const signOffText = cleaned.signOff ? cleaned.source.slice(cleaned.signOff.start, cleaned.signOff.end) : undefined;
  const stated = extractFacts(body, found, signOffText, lower);
  // The score reads only the message's own words (contract: the badge shows what the CLI gives for the
  // text), so the thread's count of earlier customer messages feeds the facts the coach and
  // phrasebook use ("missing-escalation" on a third contact), not the features.
  const features = computeFeatures({
    tokens,
    signals: found,
    valence: val,
    text: body,
    contactCount: stated.contactCount,
    ...(allWords ? {} : { vocabulary: vocabulary() }),
  });
  const facts = withThreadCount(stated, opts.priorCustomerMessages);
  // Why the message cannot be scored normally, if it cannot (the result is then calm with score 0).
  let reason: string | undefined;
  let language: Analysis['language'] = 'unknown';
  if (typeof text !== 'string' || text.trim() === '' || cleaned.source.trim() === '') reason = 'empty message';
  else if (body.trim() === '') reason = 'nothing new to score: only quoted history or a signature';
  else {
    language = detectLanguage(body, tokens.length < 2000 ? tokens.map((t) => t.norm) : undefined);
    if (language === 'unknown' || tokens.length === 0) reason = 'no words to score';
    else if (language === 'other') reason = 'not English';
  }
  return { cleaned, sentences, tokens, found, valence: val, facts, features, reason, language };
}

function analyze(input: string, opts: AnalyseOptions): Analysis {
  if (typeof input !== 'string' || input.trim() === '') return unscored('empty message', 'unknown', undefined, opts);
  const parts = analyzeParts(input, opts);
  const { cleaned, found, valence: val, facts, features } = parts;
  if (parts.reason) return unscored(parts.reason, parts.language, cleaned, opts);

  const scored = scoreFeatures(features, undefined, 2 * EVIDENCE_SIZE + 4); // room for the function words left out below
  const sensitivity = opts.sensitivity ?? 'normal';
  const frustrated = scored.score >= alertThreshold(sensitivity);
  const level = levelFor(scored.score, sensitivity, undefined, found.some((s) => s.category === 'overt-anger'));

  const toSignal = (s: { id: string; label: string; category: Signal['category']; start: number; end: number }): Signal => {
    const span = spanToSource(cleaned, s.start, s.end);
    return { id: s.id, label: s.label, category: s.category, text: cleaned.source.slice(span.start, span.end), start: span.start, end: span.end };
  };
  const signals: Signal[] = found.map(toSignal);
  // Strong negative words that no signal already covers are shown as lexical evidence; not the
  // polite "I'd hate to…" ("hate to chase", "hate to take my business elsewhere"), whose weight
  // still counts but which a rep would not call a strongly negative word.
  for (const w of val.words) {
    if (w.value > -2) continue;
    const t = w.token;
    if (t.norm === 'hate' && /^\s+to\b/i.test(cleaned.text.slice(t.end, t.end + 4))) continue;
    if (found.some((s) => t.start < s.end && t.end > s.start)) continue;
    signals.push(toSignal({ id: 'negative-word', label: 'Strongly negative word', category: 'lexical', start: t.start, end: t.end }));
  }
  signals.sort((a, b) => a.start - b.start || a.end - b.end);

  const evidence: Contribution[] = scored.contributions.filter((c) => !tellsNothing(c.feature)).slice(0, EVIDENCE_SIZE).map((c) => {
    if (!c.feature.startsWith('sig:')) return c;
    const first = found.find((s) => 'sig:' + s.feature === c.feature);
    return first ? { ...c, label: `${c.label}: “${first.text}”` } : c;
  });

  const first = cleaned.segments[0]!;
  const last = cleaned.segments[cleaned.segments.length - 1]!;
  return {
    score: scored.score,
    level,
    frustrated,
    signals,
    evidence,
    facts,
    language: parts.language,
    scored: { start: first.start, end: last.end },
    ...(cleaned.truncated ? { truncated: cleaned.truncated } : {}),
    ...(opts.html ? { plainText: cleaned.source } : {}),
  };
}

/**
 * Scores the customer's newest words in `text` (0-100, a level, the `frustrated` alert flag) and
 * lists the words behind the score. Offsets index `text`, or for `opts.html` the html→text output
 * (returned as `plainText`). Never throws.
 */
export function analyzeMessage(text: string, opts: AnalyseOptions = {}): Analysis {
  try {
    return analyze(text, opts ?? {});
  } catch (e) {
    return unscored(`could not analyse this message (${(e as Error)?.message ?? 'unknown error'})`, 'unknown', undefined, opts ?? {});
  }
}

export type { FoundSignal };
