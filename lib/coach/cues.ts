// Word lists several rules share: how a draft acknowledges, commits to a time, finishes a fix or
// offers escalation. Regular expressions are the cheap first pass; grammar is asked only where they
// cannot tell ("I'll update you by 3pm" vs "it shipped by 3pm").
import { grammarAt, hasCommitment, tokenAt, verbFor } from './grammar';
import type { Sentence } from './text';

/** Acknowledges the problem or apologises: "I'm so sorry", "that's on us", "you're right to be annoyed". */
export const ACKNOWLEDGES =
  /\b(?:sorry|apologi[sz]e|apologies|my (?:fault|mistake|bad)|our (?:fault|mistake|error)|on (?:us|me)\b|we (?:got|made|have got|'ve got) (?:this|it|that|things) wrong|(?:we|i) (?:let|have let|'ve let) you down|i (?:completely |totally |really |fully )?(?:understand|get it|hear you|can see (?:why|how|that (?:this|you)\b|you\b)|can imagine|can only imagine|see why|get why|know how|realise|realize)|(?:you're|you are) (?:absolutely |completely |quite |totally )?right|you(?:'ve| have) every right|(?:frustrating|annoying|maddening|infuriating|exhausting|stressful|upsetting|disappointing|worrying|awful|unacceptable|not good enough|not okay|not ok|not acceptable)|shouldn't have (?:happened|had to)|should never have|should not have (?:happened|had to)|not the (?:experience|service) you|thanks? (?:you )?for (?:flagging|raising|pointing|letting (?:me|us) know|telling (?:me|us)|bearing with|sticking with|your patience with)|(?:glad|grateful) you (?:told|flagged|raised|let))/i;

const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const WEEKDAY = '(?:mon|tues|wednes|thurs|fri|satur|sun)day';
const CLOCK = '\\d{1,2}(?::\\d{2})?\\s?(?:am|pm|a\\.m\\.|p\\.m\\.)';
const COUNT = '(?:\\d+(?:\\s?[-–]\\s?\\d+)?|an?|one|two|three|four|five|six|seven|ten|twelve|twenty-four|forty-eight|a couple of|a few)';
const UNIT = '(?:minutes?|mins?|hours?|hrs?|(?:business |working )?days?|weeks?)';

/** A time or deadline for a next step: "by 3pm Thursday", "tomorrow morning", "within 24 hours". */
export const TIME_BOUND = new RegExp(
  [
    `\\b(?:by|before|until|till|no later than|at|around)\\s+(?:${CLOCK}|noon|midday|lunch(?:time)?|(?:the )?(?:end|close) of (?:the |this |today|tomorrow)?(?:day|business|play|week|today|tomorrow)|eod|cob|today|tonight|tomorrow|this (?:morning|afternoon|evening|week)|(?:this |next )?${WEEKDAY}|the weekend|\\d{1,2}(?:st|nd|rd|th)?(?: of)? ${MONTH}|${MONTH} \\d{1,2}(?:st|nd|rd|th)?)`,
    // "on the morning of the 12th", "by the 3rd"
    `\\b(?:on|by|before|until)\\s+the\\s+(?:(?:morning|afternoon|evening|end)\\s+of\\s+the\\s+)?\\d{1,2}(?:st|nd|rd|th)\\b`,
    `\\bwithin (?:the next )?${COUNT} ${UNIT}`,
    `\\b(?:within|in) (?:the|the next|an|the next half) (?:hour|half hour|half an hour|day)\\b`,
    `\\bin (?:the next )?${COUNT} ${UNIT}`,
    `\\b(?:today|tomorrow|tonight|later today|this (?:morning|afternoon|evening)|first thing(?: tomorrow| on ${WEEKDAY}| in the morning)?|(?:on |this |next )${WEEKDAY}|next week|${CLOCK}|(?:end|close) of (?:the )?(?:day|business|play|week)|eod|cob|over the weekend)\\b`,
  ].join('|'),
  'i',
);

/** Defers the work without saying when: "we'll get back to you soon", "I'm looking into it". */
export const VAGUE_COMMITMENT =
  /\b(?:as soon as (?:possible|we can|i can|we're able|i'm able)|asap|soon|shortly|in due course|at some point|in the near future|(?:i'll|i will|we'll|we will|someone will|somebody will|a colleague will|the team will|they will|they'll|and will)\b[^.!?]{0,60}?\b(?:get back to you|be in touch|contact you|reach out|follow up|update you|let you know|look into (?:it|this)|investigate|check|escalate|come back to you)|(?:i'm|i am|we're|we are) (?:currently )?(?:looking into|investigating|checking|working on)|(?:we'll|we will|i'll|i will) keep you (?:posted|updated|informed))\b/i;

/** The words inside a vague commitment that a time should replace. */
export const VAGUE_TIME = /\b(?:as soon as (?:possible|we can|i can|we're able|i'm able)|asap|soon|shortly|in due course|at some point|in the near future)\b/i;

/** "once I hear back" / "when we hear from them": a time that depends on someone else. */
export const WAITING_ON_OTHERS = /\b(?:once|when|as soon as) (?:i|we) (?:hear back|hear from (?:them|the \w+)|get (?:a|an) (?:reply|answer|update)|have (?:more )?(?:news|an update|information))\b/i;

/** A fix already done: "I've refunded the charge", "the late fee has been removed", "you can log in now". */
const FIX_VERBS =
  '(?:refunded|fixed|reset|resent|re-sent|issued|processed|replaced|cancell?ed|credited|applied|corrected|reactivated|restored|unlocked|removed|waived|reversed|rebooked|reinstated|released|approved|dispatched|upgraded|resolved|sorted|switched|turned (?:on|off)|re-?enabled|unblocked|merged|honou?red|halved|matched|adjusted|refunded|amended|updated your|changed your|moved your|extended)';
export const COMPLETED_FIX = new RegExp(
  [
    `\\b(?:i|we)(?:'ve| have)(?: now| just| already| gone ahead and)?\\s+${FIX_VERBS}\\b`,
    `\\b(?:i|we)(?:'ve| have)\\b[^.!?]{0,60}?\\band (?:also )?${FIX_VERBS}\\b`,
    `\\b(?:i|we)(?:'ve| have)? (?:just |already )?(?:done|sorted|actioned|arranged|processed) (?:that|it|this)\\b`,
    `\\b(?:has|have) (?:now )?(?:been|just been) ${FIX_VERBS}\\b`,
    `\\b(?:it's|it is|this is|that's|that is|everything is|everything's|you're|you are) (?:now )?(?:all )?(?:done|fixed|sorted|working|back (?:up|on|online)|resolved|active|live|unlocked|set up|good to go|refunded)\\b`,
    `\\byou (?:can|should be able to|'ll be able to) (?:now )?(?:log in|sign in|access|use|see|download)\\b`,
  ].join('|'),
  'i',
);

/** Offers escalation or a named owner: "I've asked my team lead", "I'm escalating this". */
export const ESCALATION_OFFER =
  /\b(?:manager|supervisor|team ?lead(?:er)?|my lead|senior (?:colleague|agent|member|specialist|engineer|team|person)|specialist|escalat\w*|head of \w+|complaints team|second[- ]line|tier (?:2|two)|account manager)\b/i;

/** Personal ownership, which answers a third contact (but not an explicit request for a manager). */
export const OWNERSHIP_OFFER =
  /\b(?:(?:i'm|i am|i'll|i will|i've|i have) (?:personally )?(?:taking|take|taken|owning|own) (?:this|it|ownership)|personally (?:handle|handling|look|looking|own|owning|oversee|see to|make sure)|(?:i'm|i am|i will|i'll) (?:be )?your (?:single |one |main |direct )?(?:point of contact|contact)|keeping (?:this|it|your case) with me)\b/i;

/**
 * Does the sentence commit to something with a time? Grammar decides, per time phrase, whether
 * its verb looks ahead: "I'll update you by 3pm" and "it arrives Tuesday" do; "it shipped on
 * Monday", "I can't say by when" and "I'm sorry about today" do not. Any non-negated future verb
 * in the sentence counts ("I'll check it's arrived on Thursday").
 */
export function commitsWithTime(s: Sentence): boolean {
  const times = [...s.norm.matchAll(TIME_BOUND_ALL)];
  if (times.length === 0) return false;
  const last = times[times.length - 1]!;
  const g = grammarAt(s.norm, last.index! + last[0].length);
  if (g.verbs.length === 0) return true; // "Tomorrow at 10am, then." — a plan without a verb
  if (hasCommitment(g)) return true; // "I'll check it's arrived on Thursday."
  return times.some((m) => {
    const v = verbFor(g, tokenAt(g, m.index!)) ?? g.verbs[0]!;
    if (v.negative || v.past) return false; // "I can't say by when." / "It shipped on Monday."
    if (v.copula) return /\b(?:due|scheduled|booked|expected|set|planned|on track)\b/i.test(s.norm);
    return true;
  });
}

const TIME_BOUND_ALL = new RegExp(TIME_BOUND.source, 'gi');

/** The time a sentence names, adjacent parts joined: "by 3pm today", "tomorrow at 10am". */
export function timeWordsIn(s: Sentence): string | undefined {
  const found = [...s.norm.matchAll(TIME_BOUND_ALL)];
  if (found.length === 0) return undefined;
  const start = found[0]!.index!;
  let end = start + found[0]![0].length;
  for (const m of found.slice(1)) {
    if (!/^[\s,]*$/.test(s.norm.slice(end, m.index!))) break;
    end = m.index! + m[0].length;
  }
  return s.text.slice(start, end);
}
