// Facts a reply can use (names, references, what was promised). Cheap: regular expressions over the
// cleaned text and the signals already found; nothing here changes the score.
import type { MessageFacts } from './types';
import { lowerSameLength, type FoundSignal } from './signals';
import { isValediction } from './clean';
import { numberValue } from './grammar';

const NAME = /^\p{Lu}[\p{Ll}'’-]+$/u;
const NOT_A_NAME = new Set(['Thanks', 'Thank', 'Regards', 'Best', 'Cheers', 'Sincerely', 'Sent', 'The', 'Customer', 'Support', 'Team', 'Mr', 'Mrs', 'Ms', 'Dr']);

/** "Thanks, Maria" / "Best regards,\nMaria Lopez" / "— Maria" → "Maria". */
export function firstNameFromSignOff(block: string): string | undefined {
  const lines = block.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let rest = line;
    if (isValediction(line)) {
      rest = line.replace(/^.*?[,.!]\s*/, '');
      if (rest === line) rest = '';
      if (!rest) {
        const next = lines[i + 1];
        if (!next) return undefined;
        rest = next;
      }
    }
    rest = rest.replace(/^[-–—~]\s*/, '');
    const first = rest.split(/\s+/)[0] ?? '';
    if (NAME.test(first) && !NOT_A_NAME.has(first)) return first;
    if (isValediction(line)) return undefined;
  }
  return undefined;
}

// Run on the lower-cased text without the i flag (V8's case-insensitive matching is far slower); the
// reference (group 1, which ends each match) is then read from the text as written.
const REF_HASH = /#\s?([a-z0-9][a-z0-9-]{2,})\b/g;
const REF_WORD =
  /\b(?:order|ticket|case|invoice|reference|ref|booking|confirmation|tracking|claim|incident|request|po|rma|account|contract|policy)\s*(?:number|no\.?|num|nr|id|#|code)?\s*[:#]?\s*((?=[a-z0-9-]*\d)[a-z0-9][a-z0-9-]{3,})\b/g;

// Run on lower-cased text without the i flag (V8's case-insensitive matching is far slower).
const PRODUCT =
  /\b(?:my|our|the|your|this|a|new)\s+((?:\w+\s+)?(?:router|modem|subscription|account|plan|order|package|parcel|laptop|phone|tablet|app|device|printer|licen[cs]e|membership|card|credit card|invoice|bill|delivery|flight|booking|ticket|reservation|car|tv|television|camera|headphones|speaker|watch|software|service|internet|connection|broadband|wifi|website|dashboard|api|server|tool|machine|mattress|sofa|fridge|washer|dryer|dishwasher|oven|item|product|kit|charger|battery|console|monitor|keyboard|mouse))\b/g;

export function extractFacts(
  text: string,
  signals: FoundSignal[],
  signOffText: string | undefined,
  lower: string = lowerSameLength(text),
): MessageFacts {
  const references = new Set<string>();
  // every reference has a digit; most messages have none and skip the search
  for (const re of /\d/.test(text) ? [REF_HASH, REF_WORD] : []) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(lower)) && references.size < 10) {
      const end = m.index + m[0].length;
      const ref = text.slice(end - m[1]!.length, end);
      if (/^\d{1,2}(?:st|nd|rd|th)?$/i.test(ref)) continue;
      if (references.has(ref) || references.has('#' + ref)) continue;
      references.add(re === REF_HASH ? '#' + ref : ref);
    }
  }
  const products = new Set<string>();
  PRODUCT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PRODUCT.exec(lower)) && products.size < 10) {
    const p = m[1]!.toLowerCase().replace(/^(?:the|my|our|your|this|a|new)\s+/, '');
    if (!/^(?:order|account|ticket|invoice|bill)$/.test(p) || products.size === 0) products.add(p);
  }

  const elapsed = signals.filter((s) => s.category === 'elapsed-time').map((s) => s.text);

  let promised: string | undefined;
  const promise = signals.find((s) => s.id === 'was-promised' || s.id === 'never-got');
  if (promise) {
    const after = text.slice(promise.end, promise.end + 120);
    // the promised thing ends where its time starts: "a refund | two weeks ago", "a call back | on Monday"
    const obj =
      /^\s*(?:me\s+|us\s+|that\s+)?([^.!?\n;]{3,80}?)(?=\s+(?:on|by|last|yesterday|within|but|and|which|ago|(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|a couple of|several|many)\s+(?:minutes?|hours?|days?|weeks?|months?|years?)|weeks?|days?)\b|[.!?\n;,]|$)/i.exec(
        after,
      );
    if (/promis|told|assured|supposed/i.test(promise.text)) promised = obj?.[1]?.trim();
    else promised = promise.text.replace(/^.*?\b(?:got|gotten|received|had|seen|get|receive|heard)\s+/i, '').trim() || undefined;
    if (promised && promised.length < 3) promised = undefined;
    if (promised) promised = toSecondPerson(promised);
  }

  // Contact count: what the customer says ("third time" → 3, "called four times" → 4, "again" → 2).
  // withThreadCount raises it to what the thread shows.
  let contactCount = 1;
  for (const s of signals.filter((x) => x.category === 'repeat-contact')) {
    let n = 2;
    const ord = /\b(second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|(\d+)(?:st|nd|rd|th))\s+(?:time|email|e-mail|message|call|ticket|request|complaint|attempt|chat|letter|reminder)\b/i.exec(s.text);
    const times = /\b(\d+|two|three|four|five|six|seven|eight|nine|ten|several|multiple|many|numerous|countless)\s+(?:separate\s+|different\s+|previous\s+)?(?:times|emails|e-mails|calls|phone calls|tickets|messages|chats|requests|attempts|complaints)\b/i.exec(s.text);
    if (ord) n = ord[2] ? Number(ord[2]) : ['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'].indexOf(ord[1]!.toLowerCase()) + 2;
    else if (times) n = Math.max(2, numberValue(times[1]!) ?? 3);
    else if (/twice/i.test(s.text)) n = 3;
    contactCount = Math.max(contactCount, Math.min(n, 50));
  }

  const facts: MessageFacts = {
    references: [...references],
    products: [...products],
    elapsed,
    askedForEscalation: signals.some((s) => s.category === 'escalation-demand'),
    contactCount,
  };
  const name = signOffText ? firstNameFromSignOff(signOffText) : undefined;
  if (name) facts.customerFirstName = name;
  else {
    const intro = /\b(?:[Mm]y name is (\p{Lu}[\p{Ll}'’-]+)|[Tt]his is (\p{Lu}[\p{Ll}'’-]+)(?= (?:from|here)\b))/u.exec(text);
    const found = intro?.[1] ?? intro?.[2];
    if (found && !NOT_A_NAME.has(found)) facts.customerFirstName = found;
  }
  if (promised) facts.promised = promised;
  return facts;
}

/** The count the thread shows (earlier customer messages + this one) when it is higher than what the text says. */
export function withThreadCount(facts: MessageFacts, priorCustomerMessages: number | undefined): MessageFacts {
  if (priorCustomerMessages === undefined) return facts;
  const thread = priorCustomerMessages + 1;
  return { ...facts, contactCount: Math.max(thread, facts.contactCount), threadMessages: thread };
}

// Both ways at once: the customer's "my" is the rep's "your", the customer's "your team" the rep's "our team".
const SECOND_PERSON: Record<string, string> = {
  my: 'your',
  me: 'you',
  i: 'you',
  our: 'your',
  us: 'you',
  mine: 'yours',
  myself: 'yourself',
  "i'm": "you're",
  'i’m': 'you’re',
  your: 'our',
  yours: 'ours',
  yourself: 'ourselves',
  you: 'we',
  "you're": "we're",
  'you’re': 'we’re',
};

/** The customer's words as the rep would say them back: "my refund" → "your refund", "your team would
 * call me" → "our team would call you". */
export function toSecondPerson(phrase: string): string {
  return phrase.replace(/\b(?:my|me|i|our|us|mine|myself|i['’]m|your|yours|yourself|you['’]re|you)\b/gi, (w) => SECOND_PERSON[w.toLowerCase()] ?? w);
}

const THIRD_PERSON: Record<string, string> = { your: 'their', you: 'them', yours: 'theirs', yourself: 'themselves', "you're": "they're", 'you’re': 'they’re' };

/** A fact as said back to the customer, told to the rep about them instead: "your refund" → "their refund". */
export function toThirdPerson(phrase: string): string {
  return phrase.replace(/\b(?:your|yours|yourself|you['’]re|you)\b/gi, (w) => THIRD_PERSON[w.toLowerCase()] ?? w);
}
