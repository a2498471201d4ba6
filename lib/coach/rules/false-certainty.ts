// Don't lie: no guarantees or certainty the rep does not have. Grammar separates the honest forms
// ("I can't guarantee ...", "I'll definitely call you at 3") from the false ones ("I guarantee
// this will never happen again", "it's definitely fixed").
import { ACKNOWLEDGES } from '../cues';
import { grammarAt, subjectOf, tokenAt, verbAfter, verbFor, type Grammar } from '../grammar';
import { fill, type Slots } from '../slots';
import { firstMatch, sentenceHit, type Hit, type Pattern, type Rule } from '../rule';
import { negatedNear } from './helpers';
import type { Sentence } from '../text';
import { docsOf } from './docs';

/** What a rep can honestly promise: their own next action. */
const OWN_ACTIONS = new Set(
  'call ring phone email update check chase look follow keep help see understand make do take reply review escalate pass send let get come stay write speak talk explain ask contact text tell confirm'.split(' '),
);
const EPISTEMIC = new Set(['promise', 'guarantee', 'say', 'tell', 'know', 'sure', 'certain', 'pretend', 'swear', 'rule', 'confirm', 'be']);
const HEDGES = new Set(['hope', 'hoping', 'try', 'trying', 'aim', 'aiming', 'want', 'work', 'working', 'intend']);

/** "I promise I'll call you by 3pm" / "Rest assured, we will update you" — the promise is the rep's own action. */
const OWN_ACTION_AFTER =
  /^[\s,:—–-]*(?:you\s+)?(?:that\s+)?(?:(?:i|we)(?:'ll| will|'m going to| am going to|'re going to| are going to| shall)\s+(?:personally\s+|definitely\s+|also\s+)?|to\s+)(call|ring|phone|email|update|check|chase|look|come|get|reply|keep|stay|follow|send|let|be|write|contact|review|take|make|do|tell|text|speak|talk)\b/i;

/** "Rest assured, I've checked the rest of your booking" — a check the rep has already done. */
const OWN_CHECK_AFTER = /^[\s,:—–-]*(?:that\s+)?(?:i|we)(?:'ve| have)\s+(?:also\s+|already\s+|just\s+|personally\s+)?(?:double[- ])?(?:checked|gone through|been through|looked|confirmed|verified|made sure)\b/i;

function ownActionFollows(s: Sentence, end: number): boolean {
  const after = s.norm.slice(end);
  return OWN_ACTION_AFTER.test(after) || OWN_CHECK_AFTER.test(after);
}

/** "I've double-checked and it's 100% gone through": certainty about something the rep has just verified. */
function verifiedBefore(s: Sentence, from: number, to: number): boolean {
  return /\b(?:i|we)(?:'ve| have) (?:just )?(?:double[- ])?(?:checked|confirmed|verified)\b/i.test(s.norm.slice(0, from)) && !/\b(?:will|'ll|won't|going to)\b/i.test(s.norm.slice(to));
}

/** A negated "promise/guarantee/say/know", or "hope/try/aim", governs the words at token i. */
function hedgedBefore(g: Grammar, i: number): boolean {
  return g.verbs.some((v) => v.to < i && ((v.negative && v.words.some((w) => EPISTEMIC.has(w))) || v.words.some((w) => HEDGES.has(w))));
}

const NOT_A_CLAIM_AFTER = /^\s*(?:not )?(?:good enough|frustrating|annoying|unacceptable|not ok|our (?:mistake|fault)|on us|my (?:mistake|fault)|worth|something (?:i|we))/i;

const PATTERNS: Pattern[] = [
  // "I guarantee ..." / "We promise it'll be fixed." / "Your refund is guaranteed." — not "our money-back guarantee",
  // "I can't promise", "we promised you a call" (past) or "I promise I'll call you at 3".
  {
    kind: 'guarantee',
    re: /\b(?:guarantee[ds]?|guaranteeing|promise[sd]?|promising)\b/i,
    confirm: (s, m) => {
      const g = grammarAt(s.norm, m.index + m[0].length);
      const i = tokenAt(g, m.index);
      const t = g.tokens[i]!;
      // "Power will be restored by 2pm today, guaranteed."
      if (/^guaranteed$/i.test(m[0]) && /,\s*$/.test(s.norm.slice(0, m.index)) && /^[\s.!]*$/.test(s.norm.slice(m.index + m[0].length))) return true;
      if (!t.tags.has('Verb')) return /\b(?:you have my|my (?:personal )?|(?:that's|it's|this is) (?:a|my) )\s*$/i.test(s.norm.slice(0, m.index));
      const v = verbFor(g, i);
      if (!v || v.negative || (v.past && !v.words.some((w) => w === 'is' || w === 'are' || w === 'be'))) return false;
      if (negatedNear(s, m.index, m.index + m[0].length, 3)) return false;
      const who = subjectOf(g, v).person;
      if (who === 1) return !ownActionFollows(s, m.index + m[0].length);
      return v.words.some((w) => w === 'is' || w === 'are' || w === 'be' || w === 'will') || who === 0;
    },
  },
  // "This will never happen again." / "It won't happen again." — not "I can't promise it won't happen again".
  {
    kind: 'never-again',
    re: /\b(?:(?:will|'ll|shall) never (?:happen|occur|be (?:an issue|a problem)|go wrong)|never (?:happens?|occurs?) again|(?:won't|will not|shan't)(?: ever)? (?:happen|occur|be (?:an issue|a problem)|go wrong) again|won't ever (?:happen|occur)|nothing (?:else )?(?:can|will) go wrong|(?:won't|will not|will never|'ll never|never) (?:have|get|see|experience|hit|run into|face) (?:this|that|the same|any more|any|another)\b[^.!?]{0,30}?\b(?:again|anymore|any more)|(?:won't|will not|will never|'ll never) (?:come back|recur|return|reoccur)|ever again)\b/i,
    confirm: (s, m) => {
      const g = grammarAt(s.norm, m.index + m[0].length);
      return !hedgedBefore(g, tokenAt(g, m.index));
    },
  },
  // More ways to say "never again": "this won't be an issue going forward", "so this can't happen again",
  // "nothing like this can happen again", "you will never get charged for roaming again", "that's the last
  // outage you'll have", "you won't face any further problems" — not "I can't promise it can't happen again".
  {
    kind: 'never-again',
    re: new RegExp(
      [
        "\\b(?:won't|will not|shan't)(?: ever)? (?:happen|occur|recur|be (?:an issue|a problem)|go wrong) (?:going forward|in (?:the )?future|from now on|any ?more)\\b",
        "\\b(?:simply |just )?(?:can't|cannot|can never|could never|couldn't) (?:ever )?(?:happen|occur|recur)(?: to you| on your \\w+)? again\\b",
        "\\bnothing (?:like (?:this|that) )?(?:can|could|will) (?:ever )?(?:happen|go wrong)(?: to you)? again\\b",
        "\\b(?:will|'ll) never\\b[^.!?]{0,40}?\\bagain\\b",
        "\\bthe last (?:\\w+ ){0,2}you(?:'ll| will) (?:ever )?(?:have|see|get|experience|face|deal)\\b",
        "\\b(?:won't|will not|will never|'ll never) (?:have|get|see|experience|hit|run into|face|receive) (?:any (?:further|more|other)|another|no more) (?:\\w+ )?(?:problems?|issues?|trouble|faults?|charges?|errors?|dropouts?|outages?|disruption|crash(?:es)?|bugs?|delays?|fees?)\\b",
      ].join('|'),
      'i',
    ),
    confirm: (s, m) => {
      const g = grammarAt(s.norm, m.index + m[0].length);
      return !hedgedBefore(g, tokenAt(g, m.index));
    },
  },
  // "It's 100% fixed." / "I'm 100% sure." — not "a 100% refund" or "I'm not 100% sure yet".
  {
    kind: 'certain',
    re: /(?:\b|^)(?:100 ?%|one hundred (?:per ?cent|percent))(?!\s*(?:of|refund|off|discount|cashback|credit|money-back|rebate|back)\b)/i,
    confirm: (s, m) => {
      const g = grammarAt(s.norm, m.index + m[0].length);
      const next = g.tokens[tokenAt(g, m.index + m[0].length)];
      if (next && next.start >= m.index + m[0].length && next.tags.has('Noun') && !next.tags.has('Pronoun')) return false;
      if (verifiedBefore(s, m.index, m.index + m[0].length)) return false;
      return !negatedNear(s, m.index, m.index + m[0].length, 3);
    },
  },
  // "It's definitely fixed." / "It will certainly arrive tomorrow." — not "I'll definitely call you at 3" or "Certainly, I can help".
  {
    kind: 'certain',
    re: /\b(?:definitely|certainly|absolutely (?:sure|certain|fixed|resolved|guaranteed|will|won't|never))\b/i,
    confirm: (s, m) => {
      if (/^certainly\b[,!]/i.test(s.norm.slice(m.index))) return false;
      // "you're definitely not the only one asking" reassures; it claims nothing about the fix
      if (/^definitely not (?:the only (?:one|person|customer)|alone)\b/i.test(s.norm.slice(m.index))) return false;
      // "almost certainly" is a hedge
      if (/\b(?:almost|most|nearly|very|pretty)\s+$/i.test(s.norm.slice(Math.max(0, m.index - 8), m.index))) return false;
      if (NOT_A_CLAIM_AFTER.test(s.norm.slice(m.index + m[0].length))) return false;
      // "Yes, you can definitely bring your number with you": what they may do, not a forecast
      if (/\byou can\s+$/i.test(s.norm.slice(0, m.index)) && !/^\w+\s+(?:expect|count on|rely on)\b/i.test(s.norm.slice(m.index))) return false;
      if (verifiedBefore(s, m.index, m.index + m[0].length)) return false;
      if (negatedNear(s, m.index, m.index + m[0].length, 3)) return false;
      const g = grammarAt(s.norm, m.index + m[0].length);
      const i = tokenAt(g, m.index);
      const v = verbFor(g, i) ?? verbAfter(g, i);
      if (!v) return true;
      const after = verbAfter(g, i);
      const action = (after ?? v).words[(after ?? v).words.length - 1] ?? '';
      return !(subjectOf(g, v).person === 1 && OWN_ACTIONS.has(action));
    },
  },
  // "I can assure you it's fixed." / "Rest assured, this won't recur." — unless what follows is the rep's own action.
  {
    kind: 'certain',
    re: /\b(?:i can assure you|rest assured|(?:i'm|i am) (?:completely |totally |absolutely )(?:sure|certain|positive)|(?:i'm|i am) (?:certain|positive)|with (?:total|complete|absolute|full|100 ?%) certainty|without (?:a|any) doubt)\b/i,
    confirm: (s, m) => !ownActionFollows(s, m.index + m[0].length) && !negatedNear(s, m.index, m.index + m[0].length, 3, false),
  },
  // "Your refund will arrive tomorrow, no doubt about it." — not "I'll call you at 3, no doubt about it", nor
  // owning up ("there's no question about it, we let you down").
  {
    kind: 'certain',
    re: /\bno (?:doubt|question) about (?:it|that)\b/i,
    confirm: (s, m) => !ownActionFollows(s, 0) && !ACKNOWLEDGES.test(s.norm) && !negatedNear(s, m.index, m.index + m[0].length, 3, false),
  },
  // "You'll have it by Friday, you have my word." / "There's no way you'll see another charge." — not "I'll call
  // you at 3, you have my word" (own action) or "there's no way to check that from here".
  {
    kind: 'certain',
    re: /\b(?:you have my word|(?:there's|there is) no way (?:you(?:'ll| will)|it(?:'ll| will|'s going to)|this (?:will|can|could)|that (?:will|can|could)))\b/i,
    confirm: (s, m) => !ownActionFollows(s, 0) && !/^\s*(?:i|we)(?:'ll| will)\b/i.test(s.norm) && !negatedNear(s, m.index, m.index + m[0].length, 3, false),
  },
  // "That clears this fault every time." / "Disputes like this always go in the customer's favour." /
  // "You won't lose a cent." — not "I always reply within a day" or "it doesn't always work first time".
  {
    kind: 'certain',
    re: /\b(?:(?:fix(?:es)?|clears?|sorts?|solves?|resolves?|works?)\b[^.!?,]{0,30}?\b(?:every (?:single )?time|without fail|100 ?% of the time)|always (?:go(?:es)? (?:in|your)|works?|fix(?:es)?|clears?|sorts? (?:it|this|that)|resolves?|succeeds?|comes? back)|(?:won't|will not|will never|'ll never) lose (?:a (?:single )?(?:cent|penny|pound|dollar|euro|thing|byte)|any(?:thing| money| data)))\b/i,
    confirm: (s, m) => !negatedNear(s, m.index, m.index + m[0].length, 3, false) && !/\b(?:usually|normally|almost|nearly|most of the time|often)\b/i.test(s.norm),
  },
  // "I know for sure it was the update." — not "I don't know for sure yet".
  { kind: 'certain', re: /\bfor (?:sure|certain)\b/i, confirm: (s, m) => !negatedNear(s, m.index, m.index + m[0].length, 5) },
  // "It's fixed for good." / "There's no risk." — not "it isn't fixed for good yet" or "it's not risk-free".
  {
    kind: 'fixed',
    re: /\b(?:(?:completely|fully|permanently|totally) (?:fixed|resolved|solved)|(?:fixed|resolved|solved|sorted) (?:for good|permanently|once and for all))\b/i,
    confirm: (s, m) => !negatedNear(s, m.index, m.index + m[0].length, 3),
  },
  { kind: 'risk', re: /\b(?:(?:no|zero) (?:risk|chance)|risk[- ]free)\b/i, confirm: (s, m) => !negatedNear(s, m.index, m.index + m[0].length, 3, false) },
];

const REWRITES: Record<string, string> = {
  'never-again': "I can't promise it will never happen again, but I'm finding out what caused it and will tell you {time} what we're changing.",
  fixed: "It should be working now. Could you try it and let me know? I'll check in {time} to make sure it has stayed fixed.",
  risk: "I don't expect that to happen, and if it does, I'll put it right straight away.",
  certain: "I don't know that for certain yet; I'll find out and tell you {time}.",
};
const NEVER_AGAIN = PATTERNS.filter((p) => p.kind === 'never-again').map((p) => p.re);

/**
 * The sentence without its certainty, when that leaves a sentence worth keeping:
 * "I guarantee your refund will be in your account by Tuesday." → "Your refund should be in your account by Tuesday."
 */
function soften(text: string): string | undefined {
  const t = text
    .replace(/^(?:(?:and|so) )?(?:(?:i|we) (?:can )?(?:absolutely )?(?:guarantee|promise|assure you)(?: you)?(?: that)?|rest assured(?: that)?|you have my word(?: that)?|(?:i'm|i am) (?:completely |totally |absolutely |100% )?(?:certain|sure|positive)(?: that)?)[,:]?\s+/i, '')
    .replace(/\s*,?\s*(?:i promise|i guarantee it|guaranteed|you have my word|no (?:doubt|question) about (?:it|that))\s*(?=[.!]*$)/i, '')
    // "... and I guarantee the results will be there" → "... and the results should be there"
    .replace(/\b(and|so) (?:i|we) (?:can )?(?:absolutely )?(?:guarantee|promise)(?: you)?(?: 100 ?%)?(?: that)?\s+/i, '$1 ')
    .replace(/\b(?:there's|there is) no way (you|it|this|that)(?:'ll| will)/i, '$1 shouldn\'t')
    .replace(/\s*,?\s*\b(?:every (?:single )?time|without fail)\b/gi, '')
    .replace(/\balways (go(?:es)?|works?|fix(?:es)?|clears?|sorts?|resolves?|succeeds?|comes?)\b/i, 'usually $1')
    .replace(/\b(?:is|are) guaranteed to\b/i, 'should')
    .replace(/\b(is|are) guaranteed\b/i, '$1 expected')
    .replace(/\s*\b(?:definitely|certainly|absolutely|for sure|for certain|without (?:a|any) doubt|completely|permanently|fully|totally|for good|once and for all)\b/gi, '')
    .replace(/\s*(?:\b100 ?%|\bone hundred per ?cent)/gi, '')
    .replace(/\b(\w+)'ll\b/i, '$1 should')
    .replace(/\bwill\b/i, 'should')
    // a second certain future in the same sentence: "so it'll be at your hotel tonight" (not the rep's own "I'll")
    .replace(/\b(it|they|you|this|that)(?:'ll| will)\b/gi, '$1 should')
    .replace(/\s{2,}/g, ' ')
    .replace(/\s+([,.!?])/g, '$1')
    .replace(/,([.!?])/g, '$1')
    .trim();
  if (t === text.trim() || t.split(/\s+/).length < 3) return undefined;
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function kindOf(hit: Hit): string {
  if (hit.kind === 'never-again' || NEVER_AGAIN.some((re) => re.test(hit.sentence.norm))) return 'never-again';
  if (hit.kind === 'risk') return 'risk';
  if (/\b(?:fixed|resolved|solved|sorted|working)\b/i.test(hit.sentence.norm)) return 'fixed';
  return 'certain';
}

function rewrite(hit: Hit, slots: Slots): string {
  const kind = kindOf(hit);
  const softer = kind === 'fixed' || kind === 'certain' ? soften(hit.sentence.text) : undefined;
  if (!softer) return fill(REWRITES[kind]!, slots);
  return kind === 'fixed'
    ? `${softer} ${fill("Could you try it and let me know? I'll check in {time} to make sure.", slots)}`
    : `${softer} I'll keep an eye on it and tell you straight away if anything changes.`;
}

export const falseCertainty: Rule = {
  id: 'false-certainty',
  step: 'dont-lie',
  severity: 'warn',
  docs: docsOf('false-certainty'),
  match: ({ view }) => {
    const hits: Hit[] = [];
    for (const s of view.body) {
      const found = firstMatch(s, PATTERNS);
      if (found) hits.push(sentenceHit(s, found.pattern.kind));
    }
    return hits;
  },
  message: (hit) =>
    kindOf(hit) === 'never-again'
      ? "Promises it will never happen again: nobody can know that. Say what you're changing instead."
      : kindOf(hit) === 'fixed'
        ? 'Claims certainty the fix has worked. Ask them to try it and say when you will check.'
        : "Promises something you can't know yet. Say what you will find out, and by when.",
  suggest: (hit, { slots }) => rewrite(hit, slots),
  examples: {
    fires: [
      'I guarantee this will never happen again.',
      'It won’t happen again.',
      "Your parcel will definitely arrive tomorrow.",
      "It's 100% fixed now.",
      'Rest assured, this has been resolved permanently.',
      'There is no risk of being charged twice.',
      'Your refund is guaranteed by Friday.',
      'Your refund will arrive tomorrow, no doubt about it.',
    ],
    quiet: [
      "I can't guarantee it won't happen again, but I will call you by 3pm with what we're changing.",
      "I don't know yet; I'll find out and tell you by 3pm.",
      "I'll definitely call you tomorrow at 10am.",
      "You're definitely not the only one asking for dark mode, so I've added your vote.",
      "It's almost certainly the same fault as last week; I'm checking and will confirm by 3pm.",
      'Your order is covered by our money-back guarantee.',
      'You will get a 100% refund.',
      "I'm not 100% sure yet what caused it.",
      'We promised you a call back on Monday and we did not make it.',
      'I promise I will call you by 4pm today.',
      'Certainly, I can help with that.',
      "I'll call you at 3pm tomorrow, no doubt about it.",
      "There's no question about it, we let you down, and I'm sorry.",
    ],
  },
};
