// Lexical valence: the AFINN word list that ships with `sentiment`, read over our own tokens (one
// tokenization for everything), with what support mail needs on top:
//   - negation ("not helpful" counts against, "not bad" mildly for), VADER's -0.74 factor;
//   - intensifiers ("really", "so", capitals) scale the next valenced word;
//   - domain words: "still", "again", "waiting", "refund" are not neutral in a support inbox, and
//     "please", "help", "support", "like" are not praise there;
//   - technical use: "kill the process", "fatal error", "the job failed", "abort the build" describe
//     software, not feelings — those words are neutralised (and renamed for the word features).
// Through sentiment's own language processor (CommonJS), not labels.json: loading it adds AFINN's
// emoji list to the English words, and it does so to the one shared object whenever anything loads
// `sentiment` — so reading labels.json directly would give a different list depending on import
// order. (And some loaders, tsx among them, turn a flat JSON file into one export per key, which
// fails on AFINN keys such as "protected".) The list is copied into a Map once, at load.
import processor from 'sentiment/lib/language-processor.js';
import type { Sentence, Token } from './text';
import { isNegated, matchable } from './signals';

const AFINN_LIST = processor.getLabels('en');

/** Valence overrides for support mail (0 = not an emotion word here). */
const DOMAIN_OVERRIDES: Record<string, number> = {
  please: 0, // politeness, not praise
  help: 0, // "please help" is a request
  helping: 0,
  support: 0, // the department's name
  care: 0, // "customer care"
  like: 0, // "looks like", "feels like"
  likes: 0,
  want: 0, // "I want a refund"
  matter: 0, // "no matter what"
  share: 0,
  pretty: 0, // an intensifier ("pretty bad"), handled below
  promise: 0, // broken promises are a signal of their own
  promised: 0,
  pay: 0,
  charged: -1, // AFINN's -3 is "charged with a crime"
  god: 0,
  true: 0,
  clear: 0,
  joke: -2, // "this is a joke"
  free: 0, // "free of charge", "feel free"
  yes: 0,
  no: 0, // a negator, handled below
  cancel: 0, // cancellation is a signal (churn), often a neutral request
  stop: 0,
};

/** Words that are not emotions in general English but are pressure in a support inbox. */
export const DOMAIN_PRESSURE: Record<string, number> = {
  still: -1,
  again: -1,
  yet: -1,
  waiting: -1,
  waited: -1,
  refund: -1,
  refunds: -1,
  nobody: -1,
  unresolved: -2,
  unanswered: -2,
  outage: -2,
  runaround: -3,
  excuses: -2,
  chargeback: -3,
  escalate: -2,
  apparently: -1,
  supposedly: -1,
  supposed: -1,
  overcharged: -2,
  hold: -1,
};

// Maps, not objects: a token such as "constructor" must not find Object.prototype's.
/** Word → valence: AFINN with the support-mail overrides applied (0-valued words removed). */
const VALENCE = new Map<string, number>();
for (const [w, v] of Object.entries(AFINN_LIST)) VALENCE.set(w, v);
for (const [w, v] of Object.entries(DOMAIN_OVERRIDES)) {
  if (v === 0) VALENCE.delete(w);
  else VALENCE.set(w, v);
}
const PRESSURE = new Map(Object.entries(DOMAIN_PRESSURE));
/** Word → [valence, pressure] for every word with either: one lookup per token. */
const WORD_VALUES = new Map<string, [base: number | undefined, pressure: number | undefined]>();
for (const w of new Set([...VALENCE.keys(), ...PRESSURE.keys()])) WORD_VALUES.set(w, [VALENCE.get(w), PRESSURE.get(w)]);

const NEGATORS = new Set([
  'not', 'no', 'never', 'none', 'nobody', 'nothing', 'without', 'hardly', 'barely', 'neither', 'nor', 'cant', 'cannot', 'dont',
  'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'wont', 'wouldnt', 'shouldnt', 'couldnt', 'havent', 'hasnt', 'hadnt', 'aint', 'nt',
]);
const INTENSIFIERS = new Set([
  'very', 'really', 'so', 'extremely', 'totally', 'absolutely', 'completely', 'incredibly', 'super', 'too', 'truly', 'utterly',
  'seriously', 'highly', 'most', 'beyond', 'pretty', 'quite', 'such', 'deeply', 'terribly', 'awfully', 'insanely', 'ridiculously',
]);
const CLAUSE_BREAK = new Set(['but', 'however', 'although', 'though', 'yet']);

/**
 * Technical uses of negative words, as [start, end) spans of the text. Each form with an example:
 */
const TECHNICAL: [form: RegExp, needs: string[]][] = [
  // "kill the process", "killed the job", "kill -9 1234", "kill switch", "pkill"
  [/\b(?:p?kill(?:ed|ing|s)?|terminat(?:e|ed|ing|es))\s+(?:-\d+\s+|-[A-Z]+\s+)?(?:(?:the|a|an|this|that|all|any|my|its|off|old|stuck|hung|running|zombie|idle|background|worker|child)\s+){0,3}(?:\w+\s+)?(?:process(?:es)?|tasks?|jobs?|pids?|\d+|sessions?|servers?|containers?|pods?|threads?|commands?|signals?|apps?|services?|daemons?|quer(?:y|ies)|connections?|workers?|instances?|builds?|runs?|scripts?|tabs?|programs?)\b/gi, ['kill', 'pkill', 'terminat']],
  [/\b(?:OOM|out[- ]of[- ]memory) kill(?:er|ed)?\b|\bkill[- ]switch\b|\bkill -\d+\b|\bSIGKILL\b|\bSIGTERM\b|\bSIGABRT\b|\babort trap\b/gi, ['kill', 'sig', 'abort']],
  // "the process was killed", "exit code 137 (killed)", "the pod got terminated", "permission denied"
  [/\b(?:process(?:es)?|jobs?|pods?|containers?|workers?|tasks?|services?|daemons?|scripts?|quer(?:y|ies)|threads?|sessions?|builds?|runs?)\s+(?:was\s+|were\s+|got\s+|gets\s+|is\s+|are\s+|has been\s+|have been\s+|keeps? getting\s+)?(?:killed|terminated|aborted)\b|\((?:killed|terminated|aborted)\)|\b(?:permission|access) denied\b/gi, ['kill', 'terminat', 'abort', 'denied']],
  // "three failed login attempts", "a failed payment attempt" (security and billing notices)
  [/\bfailed (?:(?:login|log-in|sign-in|signin|password|payment|delivery|card|verification) )?attempts?\b|\b(?:login|sign-in|signin) attempts? failed\b/gi, ['fail']],
  // "fatal error", "fatal exception", "FATAL: password authentication failed"
  [/\bfatal(?:\s+(?:error|exception|signal|crash|fault)s?|:)/gi, ['fatal']],
  // "the job failed", "tests are failing", "the build has failed", "deploy fails"
  [/\b(?:jobs?|builds?|tests?|deploy(?:ment)?s?|pipelines?|tasks?|cron(?:jobs?)?|scripts?|quer(?:y|ies)|requests?|uploads?|migrations?|backups?|install(?:ation)?s?|syncs?|checks?|steps?|runs?|compil(?:e|ation)s?|commands?|imports?|exports?|webhooks?|handshakes?|health ?checks?|assertions?|queries|container|pod|service|cert(?:ificate)?|validation|lint|ci)\s+(?:(?:has|have|had|is|are|was|were|keeps?|kept|always|sometimes|still)\s+)*(?:failed|fails|failing|fail|aborted|aborts|crashed|crashes|errored|errors|timed out)\b/gi, ['fail', 'abort', 'crash', 'error', 'timed out']],
  // "failed to connect", "failing to load"
  [/\b(?:failed|fails|failing)\s+to\s+(?:connect|load|start|parse|compile|open|resolve|fetch|bind|authenticate|read|write|allocate|launch|initiali[sz]e|install|import|export|build|deploy|sync|upload|download|run|execute|mount|find)\b/gi, ['fail']],
  // "abort the transaction", "aborted the build"
  [/\babort(?:ed|s|ing)?\s+(?:the\s+|this\s+|a\s+)?(?:job|transaction|build|process|upload|operation|request|script|run|deploy|merge|rebase|migration|commit|install)\b/gi, ['abort']],
  // "error code 500", "error message", "404 error", "syntax error", "stack trace", "exception handler"
  [/\b(?:\d{3}|syntax|server|runtime|http|api|network|timeout|connection|internal|parse|parsing|type|reference|validation|compile|compiler|dns|ssl|tls|database|db|sql|permission|auth|authentication)\s+errors?\b/gi, ['error']],
  // "Error: 0 rows returned" (a message quoted from the screen)
  [/\berrors?\s+(?:code|message|log|logs|\d+|id|number|output|handling|handler|rate|page|trace)\b|\berror:/gi, ['error']],
  // "because of a missing date", "missing field in row 12": a gap in the data, not a lost parcel
  [/\bmissing\s+(?:dates?|fields?|values?|columns?|headers?|rows?|cells?|keys?|parameters?|params?|dependenc(?:y|ies)|modules?|semicolons?|brackets?|commas?|attributes?|properties|property)\b/gi, ['missing']],
  // "on unstable Wi-Fi", "the unstable channel": a condition or a release track, not a feeling
  [/\bunstable\s+(?:wi-?fi|connections?|networks?|signal|internet|builds?|releases?|branch|versions?|channel|api|mobile data|[345]g|hotspot)\b/gi, ['unstable']],
  // set phrases of courtesy that read negative word by word: "sorry to bother you again",
  // "in case I miss one", "not a big deal" (the apology itself keeps its own weight)
  [/\b(?:bother(?:ing)?|troubl(?:e|ing)|disturb(?:ing)?|pester(?:ing)?)(?<=\b(?:sorry|apologies) (?:to|for) \w+) you(?: again)?\b|\bmiss(?:ed)?(?<=\bin case (?:I|we|you|they|he|she) \w+)\b|\b(?:not (?:a |that )?|no )big deal\b/gi, ['sorry', 'apolog', 'miss', 'big']],
  [/\b(?:exceptions?|stack ?traces?|core dump|segfault|segmentation fault|null pointer|dead ?locks?|dead[- ]letter|deadline exceeded|crash (?:log|report|dump)s?)\b/gi, ['exception', 'stack', 'core dump', 'segfault', 'segmentation', 'null pointer', 'dead', 'crash']],
  // "executed", "execute the script", "hit the endpoint", "the master branch", "dummy data"
  [/\b(?:dummy|mock)\s+(?:data|values?|accounts?|users?)\b|\bhit the (?:endpoint|api|server|url)\b/gi, ['dummy', 'mock', 'hit the']],
];

/** Every word some technical form needs (`needs` above: each where a word starts); most texts have none and skip the forms entirely. */
const TECHNICAL_GATE = new RegExp('\\b(?:' + [...new Set(TECHNICAL.flatMap(([, needs]) => needs))].join('|') + ')', 'g');
const TECHNICAL_LOWER = TECHNICAL.map(([re, needs]) => ({
  re: new RegExp(re.source.replace(/\\.|[A-Z]/g, (m) => (m.length === 2 ? m : m.toLowerCase())), re.flags.replace('i', '')),
  needs,
}));

/**
 * Technical uses in `text` (`lower` is its lower case, same length). One pass finds which needed words
 * occur; only the forms needing one of them run.
 */
export function technicalSpans(text: string, lower: string = text.toLowerCase()): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  TECHNICAL_GATE.lastIndex = 0;
  let m: RegExpExecArray | null = TECHNICAL_GATE.exec(lower);
  if (!m) return spans;
  const seen = new Set<string>();
  for (; m; m = TECHNICAL_GATE.exec(lower)) seen.add(m[0]);
  for (const { re, needs } of TECHNICAL_LOWER) {
    if (!needs.some((w) => seen.has(w))) continue;
    re.lastIndex = 0;
    while ((m = re.exec(lower))) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

export interface Valence {
  /** Sum of negative valence after negation/intensifiers (as a positive number). */
  negative: number;
  /** Sum of positive valence after negation/intensifiers. */
  positive: number;
  /** The strongest single negative word (positive number, 0-5+). */
  strongestNegative: number;
  /** Praise under a negation ("not helpful", "never easy"). */
  negatedPositive: number;
  /** Support-mail pressure words ("still", "again", "waiting"). */
  pressure: number;
  /** Words that carried valence, with their final value (for the evidence list and the UI). */
  words: { token: Token; value: number }[];
  /** How many tokens were in technical uses (for tests and docs). */
  technical: number;
}

/**
 * Valence of a token list. `technical` marks tokens inside technical spans; they get no valence and
 * their `norm` is prefixed "tech:" so the word features treat "fatal error" apart from "fatal".
 */
export function valence(
  tokens: Token[],
  technical: { start: number; end: number }[],
  context?: { text: string; sentences: Sentence[] },
): Valence {
  const v: Valence = { negative: 0, positive: 0, strongestNegative: 0, negatedPositive: 0, pressure: 0, words: [], technical: 0 };
  if (technical.length) {
    for (const t of tokens) {
      if (technical.some((s) => t.start >= s.start && t.end <= s.end)) {
        t.norm = 'tech:' + t.norm;
        v.technical++;
      }
    }
  }
  // capitals only boost a word when the rest of the text is not in capitals too
  let allCaps = tokens.length > 0;
  for (const t of tokens) {
    if (!t.caps && t.raw.toLowerCase() !== t.raw.toUpperCase()) {
      allCaps = false;
      break;
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const w = tok.norm;
    if (w.startsWith('tech:')) continue;
    const values = WORD_VALUES.get(w);
    if (values === undefined) continue;
    const [base, pressure] = values;
    if (pressure !== undefined) {
      // pressure words are not negated: "not yet", "still not" are both pressure
      v.pressure += -pressure;
      if (base === undefined) {
        v.words.push({ token: tok, value: pressure });
        continue;
      }
    }
    if (base === undefined) continue;
    let value = base;
    // intensifiers and capitals (VADER's idea): up to two words back, same sentence
    for (let k = 1; k <= 2 && i - k >= 0; k++) {
      const p = tokens[i - k]!;
      if (p.sentence !== tok.sentence) break;
      if (INTENSIFIERS.has(p.norm)) {
        value *= 1.3;
        break;
      }
    }
    if (tok.caps && !allCaps && tok.raw.length > 2) value *= 1.3;
    // negation: up to three words back, same sentence, no "but" in between
    let negated = false;
    for (let k = 1; k <= 3 && i - k >= 0; k++) {
      const p = tokens[i - k]!;
      if (p.sentence !== tok.sentence || CLAUSE_BREAK.has(p.norm)) break;
      if (NEGATORS.has(p.norm)) {
        negated = true;
        break;
      }
    }
    // A negator further back ("Never once have we been disappointed") is a question of grammar:
    // asked only for strong words, and only when the cheap rules cannot tell (see isNegated).
    if (!negated && context && Math.abs(base) >= 2) {
      for (let k = 4; k <= 7 && i - k >= 0; k++) {
        const p = tokens[i - k]!;
        if (p.sentence !== tok.sentence || CLAUSE_BREAK.has(p.norm)) break;
        if (NEGATORS.has(p.norm)) {
          const s = context.sentences[tok.sentence];
          if (s) negated = isNegated(matchable(context.text.slice(s.start, s.end)), tok.start - s.start);
          break;
        }
      }
    }
    if (negated) {
      if (value > 0) v.negatedPositive++;
      value *= -0.74;
      tok.negated = true;
    }
    if (value < 0) {
      v.negative += -value;
      if (-value > v.strongestNegative) v.strongestNegative = -value;
    } else v.positive += value;
    v.words.push({ token: tok, value });
  }
  return v;
}
