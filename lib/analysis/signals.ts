// The signals: one record per kind of frustration evidence, each pointing at the exact words.
//
// Records are data (design.md): the side panel, the CLI, the docs and the tests all read SIGNALS.
// A record says WHAT to look for and gives examples; it never says how much it counts. How much each
// family counts is fitted by scripts/train.ts (a weight per `feature`, in lib/analysis/model/).
//
// Patterns run on the cleaned text with curly quotes straightened (same length, so offsets hold).
// Context that is not part of the evidence goes in look-arounds, so a match is exactly the words the
// UI highlights. Guards: `negatable` (quiet under "not"/"never", see grammar.ts), `unless` (quiet
// when the sentence matches), `check` (numbers, tense).
import type { SignalCategory } from './types';
import { negatedInClause, numberValue, promiseIsPast } from './grammar';

export interface MatchInfo {
  /** The matched words. */
  text: string;
  /** The whole sentence the match is in, and the match's offset inside it. */
  sentence: string;
  at: number;
  /** The regex match (groups). */
  match: RegExpExecArray;
}

export interface SignalRecord {
  id: string;
  /** Short plain-language label the UI shows next to the highlighted words. */
  label: string;
  category: SignalCategory;
  /** The model feature this record feeds; defaults to its category. */
  feature?: string;
  /** Patterns; the whole match is the evidence span. Patterns with the `i` flag run on lower-cased
   * text (case-insensitive matching is ~20× slower in V8); the others see the text as written. */
  patterns: RegExp[];
  /** Word beginnings (lower case), one of which must occur for the record to run at all: a speed
   * gate only. tests/analysis/signals.test.ts checks that it never changes a result. */
  anchors?: string[];
  /** Quiet when a negation in the same clause governs the words ("not disappointed"). */
  negatable?: boolean;
  /** A threat stays a threat under a polite negation: "I'd rather not have to dispute the charge",
   * "I don't want to cancel, but…", "I'd hate to take my business elsewhere". */
  veiled?: boolean;
  /** Quiet when the sentence matches this (e.g. "a great review"). */
  unless?: RegExp;
  /** A further check (numbers, tense, grammar); false keeps the record quiet. */
  check?: (m: MatchInfo) => boolean;
  /** Why it matters, for the docs and the UI tooltip. */
  why: string;
  examples: { fires: string[]; quiet: string[] };
}

const NUM_WORD =
  "\\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a few|a couple(?: of)?|several|many|multiple|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?";
/** "three weeks", "45 minutes", "a whole month". */
const DURATION = `(?:${NUM_WORD})\\s+(?:(?:whole|full|entire|long|more|straight|business|working)\\s+)?(?:minutes?|mins|hours?|hrs|days?|weeks?|wks|fortnights?|months?|years?)\\b`;
const ORDINAL = '(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|umpteenth|nth|\\d+(?:st|nd|rd|th))';
const CONTACT_VERB =
  "(?:called|rung|rang|phoned|emailed|e-mailed|mailed|written|wrote|contacted|messaged|asked|chatted|reported|explained|tried|requested|raised|reached out|complained|followed up|submitted|sent|logged|opened)";
/** The customer says the wait is fine: "I understand these things take time", "no rush". Quiets elapsed time. */
const STATED_PATIENCE =
  "\\b(?:I|we) (?:fully |completely )?(?:understand|appreciate|know|realise|realize) (?:that )?(?:these things|this|it|things|such things) (?:can |do |may |will )?takes? (?:a while|time|some time)\\b|\\bno (?:rush|hurry)\\b";
/** Words of failure; sarcasm needs praise AND one of these in the same sentence. */
const FAILURE =
  /\b(?:outages?|down|broken|broke|crash\w*|fail\w*|errors?|delay\w*|(?:over)?charg\w*|not work\w*|(?:doesn|don|didn|isn|won|can|couldn|wasn)'?t|cannot|lost|missing|again|nothing|wrong|bugs?|issues?|problems?|late|cancel\w*|waiting|waited|on hold|no one|nobody|never|still|ignored|useless|worse|stuck|locked|declined|gone|another|hours?|days|weeks|deleted|removed|wiped|jam\w*|freez\w*|hang(?:s|ing)?|slow\w*|disappear\w*|declin\w*|bounced|rejected)\b/i;

/** What makes "once again" a complaint rather than thanks: a failure in the same sentence. */
const ONCE_AGAIN_FAILED =
  /\b(?:didn'?t|did not|hasn'?t|has not|haven'?t|isn'?t|wasn'?t|won'?t|can'?t|cannot|not|never|no|nothing|wrong|late|missing|broken|failed|down|charged|overcharged|cancell?ed|lost|delayed|stuck)\b/i;

// Days and months for "since Monday" / "since March 3rd".
const WHEN =
  '(?:last\\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|last (?:week|month|year)|the weekend|january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|christmas|the (?:\\d{1,2}(?:st|nd|rd|th)|beginning|start|end|middle)|early|mid|late|\\d{1,2}(?:st|nd|rd|th)|\\d{1,2}[/.]\\d{1,2}|20\\d\\d)';

export const SIGNALS: SignalRecord[] = [
  // ---------- repeat contact ----------
  {
    id: 'nth-time',
    label: 'Says they have written before',
    category: 'repeat-contact',
    anchors: ['second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'umpteenth', 'nth', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'times', 'twice', 'repeatedly', 'over', 'again', 'emails', 'e-mails', 'calls', 'phone', 'tickets', 'messages', 'chats', 'requests', 'attempts', 'complaints', 'once'],
    patterns: [
      new RegExp(`\\b(?:for|is|it's|that's|this is|now|be)\\s+(?:the|my|our)\\s+${ORDINAL}\\s+time\\b(?!\\s+(?:that\\s+)?(?:I|we)(?:'re|'ve|'m| am| are| have)?\\s+(?:\\w+\\s+)?(?:order|buy|bought|use|using|visit|stay|shop|purchas|book|renew|upgrad|recommend)\\w*)`, 'gi'),
      new RegExp(`\\b${CONTACT_VERB}\\b[^.!?\\n]{0,40}?\\b(?:(?:${NUM_WORD})\\s+(?:separate\\s+|different\\s+)?times|twice|repeatedly|more than once|over and over(?: again)?|again and again|(?:many|several|multiple|numerous|countless) times)\\b`, 'gi'),
      new RegExp(`\\b(?:two|three|four|five|six|seven|eight|nine|ten|several|multiple|numerous|countless|[2-9]|\\d\\d)\\s+(?:separate\\s+|different\\s+|previous\\s+)?(?:emails|e-mails|calls|phone calls|tickets|messages|chats|requests|attempts|complaints)\\b`, 'gi'),
      new RegExp(`\\b(?:this is|it's|that's|now|for)\\s+(?:the|my|our)\\s+${ORDINAL}\\s+(?:email|e-mail|message|call|ticket|request|complaint|attempt|chat|letter|reminder)\\b`, 'gi'),
      // "Third email about the same thing", "my fourth message regarding this": counting without "this is"
      new RegExp(`\\b${ORDINAL}(?<!\\b(?:a|another)\\s+\\w+) (?:email|e-mail|message|call|ticket|request|reminder|chaser|letter) (?:about|regarding|on|re|chasing) (?:the same|this)\\b`, 'gi'),
      new RegExp(`\\b${ORDINAL} time (?:asking|writing|emailing|calling|chasing|requesting|contacting|reaching out|following up)\\b`, 'gi'),
      /\bhow many (?:more )?times (?:(?:do|will|would|should) (?:I|we) (?:have|need|got) to|must (?:I|we)|(?:have|has) (?:I|we) (?:had to|got to|told|asked|explained|said|written|called|emailed|contacted|reported|sent|chased)|(?:I|we) (?:need|have|got) to)\b/gi,
    ],
    why: 'A customer who counts their contacts is running out of patience, however polite the words.',
    examples: {
      fires: ['This is the third time I am writing about this.', 'I have called four times now.', 'I have sent three emails and heard nothing.', 'For the 5th time, my order has not arrived.', 'Fourth message regarding the same problem, and still nothing.', 'I have sent the signed forms more than once.', 'This is my fourth email about my washing machine.', 'Second time asking: why did my code not work?', "I'm not sure how many more times I need to explain this."],
      quiet: ['This is the first time I have contacted you.', 'The app crashed two times during setup, here is the log.', 'Can I book a third seat?', 'This is my second order from you.', "This is the second time we're ordering from you, and it went smoothly again.", 'How many times can I change my delivery date?', 'How many times do I take the tablets?', 'I will send a second email about this with the photos.', 'The second email about the webinar had the wrong link.'],
    },
  },
  {
    id: 'following-up-again',
    label: 'Following up again',
    category: 'repeat-contact',
    anchors: ['following', 'follow', 'checking', 'circling', 'writing', 'emailing', 'reaching', 'chasing', 'reminder', 'email', 'still'],
    patterns: [
      /\b(?:following up|follow(?:ing)?[- ]up|checking (?:in|back)|circling back|writing|emailing|reaching out|chasing(?: this)?)\s+(?:again|once again|yet again|one more time|on (?:my|this|our|the) (?:previous|earlier|last|prior|(?:\w+\s+)?unanswered)\b)/gi,
      /\b(?:yet another|another) (?:follow[- ]up|reminder|email about this)\b/gi,
      /\bstill (?:waiting (?:to hear|for (?:a |an |any )?(?:reply|response|answer|update|call|callback|refund|resolution|someone|you))|haven'?t heard|no (?:reply|response|answer|update|word))\b/gi,
    ],
    why: 'Chasing a reply means an earlier contact went unanswered.',
    examples: {
      fires: ['Following up again on my ticket from last week.', 'I am still waiting for a response.', 'Yet another reminder about this invoice.'],
      quiet: ['Following up on our call, here is the document you asked for.', 'I am waiting for the delivery, which is due tomorrow.'],
    },
  },
  {
    id: 'as-per-my-last',
    label: '“As per my last email”',
    category: 'repeat-contact',
    anchors: ['per', 'stated', 'mentioned', 'explained', 'noted', 'outlined', 'said', 'wrote', 'already', 'previously', 'clearly', 'see', 'refer', 'read'],
    patterns: [
      /\b(?:as )?(?:per|stated in|mentioned in|explained in|noted in|outlined in|I (?:said|wrote|mentioned|explained) in) my (?:last|previous|earlier|prior|original) (?:email|e-mail|message|note|reply|ticket|call|letter)\b/gi,
      /\bas I (?:have )?(?:already|previously|clearly) (?:said|mentioned|explained|stated|noted|told you|pointed out|asked)\b/gi,
      /\bas (?:previously|already) (?:mentioned|stated|explained|discussed|requested)\b/gi,
      /\b(?:please )?(?:see|refer to|read) (?:my|the) (?:previous|earlier|last|original|below) (?:email|e-mail|message|emails|messages)\b/gi,
    ],
    why: 'Pointing back to what they already wrote is the politest way of saying “you did not read it”.',
    examples: {
      fires: ['As per my last email, the invoice is wrong.', 'Per my previous email, the PO number must be on the invoice.', 'As I already explained, the router is new.', 'Please see my previous email.'],
      quiet: ['As per our contract, the invoice is due in 30 days.', 'As you mentioned, the update is out.'],
    },
  },
  {
    id: 'not-read',
    label: 'Says nobody read or answered it',
    category: 'repeat-contact',
    anchors: ['read', 'answer', 'address', 'respond', 'listen', 'check', 'even', 'actually', 'just', 'only', 'simply'],
    patterns: [
      /\b(?:do|does|did|is|are) (?:you|anyone|anybody|someone|somebody|your (?:team|staff|agents?)) (?:actually |even |ever |really )(?:read(?:ing)?|listen(?:ing)?|check(?:ing)?|look(?:ing)? at)\b/gi,
      // a reply that only pastes the help pages back: "just repeated your FAQ back to me"
      /\b(?:just|only|simply) (?:repeated|copied|pasted|quoted|linked(?: me)?(?: to)?|pointed me (?:to|at)|referred me to|sent me)\s+(?:back\s+)?(?:your|the|a|an)\s+(?:faqs?|help (?:article|page|centre|center)s?|knowledge ?base(?: article)?|(?:generic|standard|canned|template|automated) (?:reply|response|answer|email)|script|terms and conditions)\b/gi,
      /\b(?:doesn'?t|didn'?t|does not|did not|don'?t|never|fails? to|failed to) (?:even |actually )?(?:answer|address|read|respond to|acknowledge) (?:my|the|our|any of my) (?:question|questions|point|points|email|emails|message|messages|issue|concern|request)\b/gi,
    ],
    why: 'A customer who thinks their words were not read has to repeat them, and says so with less patience each time.',
    examples: {
      fires: ['Do you actually read these emails?', 'Your agent just pasted the help article I mentioned in my first email.', 'The reply only linked me to the FAQ again.', "Three weeks for a reply that doesn't even answer my question.", 'Your reply did not address my question.'],
      quiet: ['Did you read the attached report? It has the numbers.', 'Your reply answered my question, thanks.', 'Could you just send me the help article for exporting?'],
    },
  },
  {
    id: 'already-did',
    label: 'Already tried that',
    category: 'repeat-contact',
    anchors: ['already', 'previously', 'tried', 'done', 'else'],
    patterns: [
      /\b(?:I|we)(?:'ve|'d| have| had)?\s+(?:already|previously)\s+(?:tried|done|read|sent|called|emailed|explained|provided|given|submitted|restarted|rebooted|reset|reinstalled|cleared|checked|answered|told|asked|contacted|followed|uploaded|attached|spoken|gone|been through|filled|completed|paid|returned)\b/gi,
      /\bnot sure what else (?:I|we) (?:can|could|am supposed to|are supposed to|need to) (?:send|do|provide|give|tell)\b/gi,
      /\b(?:I|we)(?:'ve| have)? (?:tried|done) (?:everything|all of that|all that|that already|this already|it already|all the steps|every(?:thing| step) you (?:suggested|asked))\b/gi,
    ],
    why: 'Being asked again for steps they have done is one of the most common triggers of escalation.',
    examples: {
      fires: ['I have already restarted the router twice.', 'We already sent the logs.', 'The article you linked is one I had already read.', "I've tried everything you suggested.", "I'm not sure what else I can send you."],
      quiet: ['I restarted the router and it works now.', 'Have you already sent the logs?'],
    },
  },
  {
    id: 'still-broken',
    label: 'Still not fixed',
    category: 'repeat-contact',
    anchors: ['still', 'again', 'resolved', 'fixed', 'sorted', 'solved', 'working', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'umpteenth', 'nth', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    patterns: [
      /\bstill\s+(?:not|no|nothing|never|hasn'?t|haven'?t|isn'?t|aren'?t|doesn'?t|don'?t|can'?t|cannot|won'?t|didn'?t|wasn'?t|broken|down|missing|unresolved|pending|waiting|charging|having|seeing|getting (?:the same|charged|errors?|billed)|happening|failing|the same|an issue|a problem|unable|stuck|(?:has|have) (?:not|no))\b/gi,
      /\b(?:and|but)\s+still\s+(?:nothing|no)\b/gi,
      /\b(?:is|was|has|are|were|it's|that's)(?: still)?(?: not|n't) (?:been )?(?:resolved|fixed|sorted|solved|working)\b/gi,
      /\bstill\b(?=[^.!?\n]*\b(?:jam\w*|freez\w*|crash\w*|fail\w*|broken|errors?|wrong|missing|charg\w*|bill\w*|stuck|slow|down|drop\w*|disconnect\w*|locked|declin\w*|shows?|says|happen\w*|same)\b)/gi,
      /\b(?:happened|happening|broke|broken|down|failed|crashed|charged|overcharged|cancelled|canceled|delayed|late|lost)\s+(?:yet\s+)?again\b/gi,
      /\byet again\b/gi,
      new RegExp(`\\bthe ${ORDINAL} (?:\\w+ )?(?:errors?|mistakes?|outages?|failures?|incidents?|problems?|issues?|delays?|overcharges?|cancell?ations?|breakdowns?)\\b(?= (?:in|this|since|within|of the|so far)\\b| in a row\\b)`, 'gi'),
    ],
    // "it wasn't working because of a driver conflict on my end": the customer found their own cause
    // (but "it's still not working on my end" is the complaint itself)
    unless: /\b(?:because of|due to|caused by) [^.!?\n]{0,40}\b(?:on|at) (?:my|our) (?:end|side)\b|\bmy (?:own )?(?:fault|mistake|bad)\b|\buser error\b/i,
    why: '“Still” and “again” tell you the problem outlived an earlier fix or promise.',
    examples: {
      fires: ['The app is still not working.', "It's still not working on my end.", 'I was charged again this month.', 'This is the second billing error in three months.', 'My package is still missing.', 'The site is down yet again.'],
      quiet: ['Is the discount still available?', 'Could you send the file again? The link expired.', 'I still love the product.', 'The second issue I want to raise is about invoices.', "Update: the printer wasn't working because of a driver conflict on my end, so you can close this."],
    },
  },

  {
    id: 'failed-again',
    label: 'Went wrong again',
    category: 'repeat-contact',
    anchors: ['once'],
    patterns: [/\bonce again\b/gi],
    // A check, not a look-behind: a look-behind over the whole sentence would run at every position.
    check: ({ sentence }) => ONCE_AGAIN_FAILED.test(sentence),
    why: '“Once again” beside a failure says it has happened before, and they noticed.',
    examples: {
      fires: ["Once again, the delivery didn't show up.", 'The courier was late once again.'],
      quiet: ['Once again, thank you for your help.', 'Could you send it once again? The link expired.'],
    },
  },

  // ---------- broken promise ----------
  {
    id: 'was-promised',
    label: 'Was promised something',
    category: 'broken-promise',
    anchors: ['told', 'assured', 'promis', 'guaranteed', 'informed', 'supposed', 'said', 'stated', 'quoted', 'claimed'],
    patterns: [
      /\b(?:I|we)\s+(?:was|were|have been|had been|'ve been|'d been)\s+(?:promised|guaranteed)\b/gi,
      /\b(?:I|we)\s+(?:was|were|have been|had been|'ve been|'d been)\s+(?:told|assured|informed)\b(?=[^.!?\n]{0,80}\b(?:would|will|'d|should|going to|within|by|but|yet|and (?:still|nothing|nobody|no one|never))\b)/gi,
      /\bpromis(?:ed|es|e|ing)\b/gi,
      /\b(?:was|were|is|are)\s+supposed\s+to\b/gi,
      /\b(?:you|your (?:\w+ )?(?:agent|rep|representative|colleague|team|staff|website|site|page|confirmation(?: email)?))\s+(?:said|stated|quoted|claimed)\s+(?:(?:it|this|that|they|the \w+)\s+)?(?:would|will|'d|takes?|was going to|were going to)\b/gi,
      /\b(?:you|they|your (?:\w+ )?(?:agent|rep|representative|colleague|team|staff|technician|manager)|someone|somebody)\s+(?:told|assured)\s+(?:me|us)\b(?=[^.!?\n]{0,80}\b(?:would|will|'d|should|going to|within|by)\b)/gi,
    ],
    check: ({ text, sentence, at }) => {
      // "I was told the discount would apply, and it did": kept, not broken
      if (/\b(?:and|which|as) (?:it|they|he|she|you|that|this) (?:did|has|had|was|were)(?: indeed)?\b(?!\s+(?:not|never)\b)[^.!?]{0,20}(?:[.!?]|$)/i.test(sentence.slice(at))) return false;
      if (!/^promis/i.test(text)) return true;
      // The cheap cases: "you promised", "I was promised" — past, no grammar needed.
      const before = sentence.slice(Math.max(0, at - 40), at);
      // "here is the contract, as promised" is a promise being kept; "did not arrive as promised" is not
      if (/^promised$/i.test(text) && /\b(?:as|like)\s+(?:I\s+|we\s+)?(?:had\s+)?$/i.test(before)) return /\b(?:not|never|no|nothing|nobody|no one)\b|n't\b/i.test(sentence);
      if (/^promised$/i.test(text) && /\b(?:you|they|he|she|we|I|was|were|been|had|have|has|someone|somebody|agent|rep|team|colleague)\s+(?:\w+ly\s+)?$/i.test(before) && !/\b(?:never|not|n't|didn't|haven't)\s+\w*\s*$/i.test(before)) return true;
      if (/^promise$/i.test(text) && /\b(?:I|we)\s+$/i.test(before)) return false; // "I promise I will…"
      return promiseIsPast(sentence, at);
    },
    why: 'A promise that was not kept turns the next contact into a test of trust.',
    examples: {
      fires: ['I was promised a call back on Monday.', 'You promised me a refund last week.', 'Where is the promised refund?', 'I was told it would be fixed by Friday.', 'The parcel was supposed to arrive on Monday.', 'The refund did not arrive as promised.', 'I was told it would be fixed by Friday, and it was not.', 'The engineer you said would come on Tuesday never arrived.', 'We are still waiting for the export your website said takes two days.'],
      quiet: ['I promise I will send the logs tomorrow.', 'Can you promise it will not happen again?', 'I was told to contact you about the invoice.', 'I was told by your sales rep that the discount would apply at renewal, and it did.', 'Following up on our call: here is the signed contract, as promised.', 'As I promised, the logs are attached.', 'You said it would arrive on Monday, and it did.', 'Could you say whether the upgrade will keep my settings?'],
    },
  },
  {
    id: 'never-got',
    label: 'Never got what was promised',
    category: 'broken-promise',
    anchors: ['got', 'gotten', 'received', 'seen', 'heard', 'get', 'receive', 'been', 'had', 'nobody', 'noone', 'no-one', 'one', 'body', 'reply', 'response', 'answer', 'follow', 'call', 'word', 'unanswered'],
    patterns: [
      /\b(?:never|still (?:haven'?t|have not|hasn'?t|has not|didn'?t)|did not|didn'?t|haven'?t|have not|hasn'?t|has not|have yet to|has yet to)\s+(?:got|gotten|received|had|seen|heard back about|get|receive|been sent|been given|been issued|been refunded|been credited)\b[^.!?\n]{0,30}?\b(?:call ?back|callback|response|reply|answer|refund|money back|update|confirmation|replacement|credit|follow[- ]up|email back|call|refund|technician|engineer|parcel|package|order|item|delivery)\b/gi,
      /\b(?:nobody|no one|no-one|noone)(?:'s)?\s+(?:ever\s+|has\s+|have\s+|had\s+|even\s+|bothered to\s+)*(?:picked (?:this|it|them|(?:my|our|the) \w+) up|looked (?:at|into) (?:this|it|my|our)|taken (?:this|it) on|called|emailed|replied|responded|got back|came|showed up|turned up|followed up|contacted|fixed|answered|reached out|called back|rang|looked|returned (?:my|our) (?:calls?|emails?|messages?))\b/gi,
      /\b(?:haven'?t|have not|hasn'?t|has not|never|didn'?t|did not)\s+(?:heard|had)\s+(?:back|anything|a (?:reply|response|word|call)|from (?:you|anyone|anybody))\b/gi,
      /\bno (?:one|body) (?:has |ever )?(?:got(?:ten)? back|replied|responded)\b/gi,
      /\b(?:without|with no|never got) (?:a |any )?(?:reply|response|answer|word back|call ?back|callback)\b/gi,
      /\b(?:went|goes|has gone|have gone|remain(?:s|ed)?) unanswered\b/gi,
      /\b(?:no|zero) (?:reply|response|answer|follow[- ]up|call ?back|callback) (?:yet|at all|from (?:you|anyone)|whatsoever|since)\b/gi,
    ],
    why: 'Silence after a promise (a call back, a refund) is the broken promise customers remember.',
    examples: {
      fires: ['I never got the call back.', 'Nobody called me back.', "Is there a reason nobody's picked my request up?", 'No one has looked at this in a month.', 'Nobody returned my calls about the rate.', "I haven't heard back from anyone.", 'I still have not received my refund.', 'No reply at all since Tuesday.'],
      quiet: ['I got the call back this morning, thank you.', 'I have received the refund.', 'Nobody picked up the parcel from reception, so it went back to the depot.'],
    },
  },

  // ---------- elapsed time ----------
  {
    id: 'elapsed-duration',
    label: 'How long it has taken',
    category: 'elapsed-time',
    anchors: ['min', 'hour', 'hr', 'day', 'week', 'wk', 'fortnight', 'month', 'year'],
    patterns: [
      // not how long someone has been a customer ("a customer for six years", "used your app for 3 years");
      // the look-behinds run only where a duration starts
      new RegExp(`\\b(?=${DURATION})(?<!\\b(?:in|within|every|per|each|next|after|takes?|took|lasts?)\\s+(?:the\\s+)?(?:next\\s+)?)(?<!\\b(?:customers?|clients?|members?|subscribers?|users?|with (?:you|you guys|your \\w+)|(?:used|using|had|owned) (?:you|your \\w+|it|them|this \\w+))\\s+for\\s+(?:over\\s+|nearly\\s+|almost\\s+|about\\s+)?)${DURATION}(?!\\s+(?:from now|later|in advance|notice|trial|warranty|return|plan|subscription|contract|delivery window|lead[- ]time|turnaround|processing time))`, 'gi'),
    ],
    unless: new RegExp(`\\b(?:how many|how long does|will take|would take|it takes|expect (?:it|delivery) (?:in|within))\\b|${STATED_PATIENCE}`, 'i'),
    check: ({ match }) => {
      const m = /^(.*?)\s+(?:(?:whole|full|entire|long|more|straight|business|working)\s+)?(minutes?|mins|hours?|hrs|days?|weeks?|wks|fortnights?|months?|years?)$/i.exec(match[0]);
      if (!m) return true;
      const n = numberValue(m[1]!.replace(/\s+of$/i, '')) ?? 1;
      const unit = m[2]!.toLowerCase();
      if (/^min/.test(unit)) return n >= 20; // "45 minutes on hold" counts, "2 minutes" does not
      if (/^(?:hour|hr)/.test(unit)) return n >= 1;
      return n >= 1;
    },
    why: 'Time spent waiting is what customers measure us by; a number of days makes it concrete.',
    examples: {
      fires: ['I have been waiting three weeks.', 'We have been waiting a fortnight for the engineer.', 'It has been 19 days since I ordered.', 'I was on hold for 45 minutes.', 'Nineteen days and counting.', 'It has been twenty-one days.'],
      quiet: [
        'Please reply within 2 days.',
        'The download takes 5 minutes.',
        'Can you deliver in two weeks?',
        'I waited 2 minutes and it worked.',
        "I've been a customer for six years.",
        "I've used your service for over three years without a problem.",
        'The move has taken two weeks so far, no rush on your side.',
        'Your site quotes a 6-8 weeks lead time for custom orders.',
      ],
    },
  },
  {
    id: 'elapsed-since',
    label: 'Waiting since a date',
    category: 'elapsed-time',
    anchors: ['since', 'from', 'now', 'days', 'weeks', 'months', 'ages', 'hours', 'years', 'long', 'eternity', 'forever', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    patterns: [
      new RegExp(`\\b(?:since|(?<!\\b(?:email|e-mail|message|call|ticket|order|invoice|note|meeting|update|reply|letter|chat|conversation|quote|receipt|statement|report|post|notes|minutes|one|ones|those|these)\\s)from)\\s+${WHEN}\\b`, 'gi'),
      /\bfor\s+(?:days|weeks|months|ages|hours|years|so long|a long time|an eternity|forever)\b/gi,
      /\b(?:days|weeks|months|hours) (?:now|on end|and (?:counting|still))\b/gi,
      /\b(?:taking|took|takes) (?:forever|ages|so long)\b/gi,
      /\b(?:the |my |our )?(?:second|third|fourth|fifth|sixth|seventh|eighth|\d+(?:st|nd|rd|th)) (?:straight |consecutive |whole )?(?:day|week|month)\b/gi,
      // "Submitted in January. It is now May." (the months between are the complaint)
      /\b(?:it is|it's|we are|we're) now (?:(?:the )?(?:end|middle|start|beginning) of )?(?:january|february|march|april|may|june|july|august|september|october|november|december)(?=\s*[.!]|\s+and (?:still|nothing|no|I|we)\b)/gi,
    ],
    unless: new RegExp(`\\b(?:open|available|valid|runs?|from \\w+ to|customer since|member since)\\b|${STATED_PATIENCE}`, 'i'),
    why: '“Since Monday” tells you the clock the customer is watching.',
    examples: {
      fires: ['My internet has been down since Monday.', 'I have been trying for weeks.', 'This is taking forever.', 'The claim went in at Christmas. It is now April.'],
      quiet: ['The office is open from Monday to Friday.', 'The offer is valid since January.', "We've been on the list since March and I understand these things take time.", "It's now June, so the summer timetable applies.", 'Following up on my email from Tuesday with the serial number you asked for.'],
    },
  },

  // ---------- churn threat ----------
  {
    id: 'cancel-account',
    label: 'Cancel / leave threat',
    category: 'churn-threat',
    anchors: ['account', 'subscription', 'membership', 'service', 'contract', 'plan', 'policy', 'business', 'money', 'custom', 'competitor', 'competition', 'different', 'another', 'using', 'use', 'buy', 'order', 'fly', 'shop', 'recommend', 'renew', 'provider', 'option', 'vendor', 'compan', 'supplier', 'solution', 'done', 'finished', 'leaving', 'quote', 'offer', 'deal', 'price', 'moving', 'move', 'switch', 'transfer', 'port'],
    patterns: [
      /\b(?:cancel|close|terminate|end|delete)\s+(?:my|our)\s+(?:\w+\s+)?(?:account|subscription|membership|service|contract|plan|policy)\b/gi,
      /\b(?:take|taking|move|moving|bring|bringing)\s+(?:my|our)\s+(?:business|money|custom|account|accounts)\s+(?:elsewhere|somewhere else|to (?:a |another |your )?(?:competitor|competition|\w+))\b/gi,
      /\b(?:switch|switching|go|going|move|moving)\s+(?:over\s+)?to\s+(?:a |another |your )?(?:competitor|competition|different (?:provider|company|vendor|bank|carrier|airline)|another (?:provider|company|vendor|bank|carrier|airline|service))\b/gi,
      /\b(?:never|not|won'?t|will not) (?:be )?(?:using|use|buy(?:ing)? from|order(?:ing)? from|fly(?:ing)? with|shop(?:ping)? (?:with|at)|recommend(?:ing)?|renew(?:ing)?) (?:you|your (?:company|service|product|app|airline|store))(?: again| ever again)?\b/gi,
      /\b(?:looking at|considering|shopping for) (?:other|alternative|another) (?:providers?|options|vendors?|companies|services|suppliers|solutions)\b/gi,
      /\b(?:I'm|I am|we're|we are) (?:done with|finished with|leaving) (?:you|your (?:company|service))\b/gi,
      /\b(?:won'?t|will not|not) be renewing\b/gi,
      /\b(?:a |an )?(?:quote|offer|deal|price) from (?:another|a different|a competing|a rival|a cheaper) (?:provider|supplier|company|bank|lender|carrier|network|insurer|vendor)\b/gi,
      /\b(?:moving|move|switching|switch|transferring|transfer|porting|port) (?:my|our) (?:\w+ ){0,2}(?:to|over to) (?:another|a different|a new|a competing|a rival) (?:provider|supplier|company|bank|lender|carrier|network|insurer|vendor)\b/gi,
    ],
    negatable: true,
    veiled: true,
    unless: /\bhow (?:do|can) I (?:cancel|close)\b.*\?$|\b(?:don'?t|do not) want to cancel\b(?!.*\bbut\b)/i,
    why: 'A customer naming the exit is telling you how close it is; a polite “I\'d hate to take my business elsewhere” is still a threat.',
    examples: {
      fires: ["I'd hate to take my business elsewhere.", 'Please cancel my account.', 'We are looking at other providers.', 'I will never use your service again.', "I've had a quote from another provider.", "I've started moving my mortgage to another lender."],
      quiet: ['How do I cancel my order? I ordered the wrong size.', 'We are moving our office to a new building in May.', 'I do not want to cancel my account, just change the card.'],
    },
  },

  // ---------- chargeback / legal / public review ----------
  {
    id: 'chargeback',
    label: 'Chargeback / dispute',
    category: 'legal-threat',
    anchors: ['charge', 'disput', 'revers', 'bank', 'credit', 'card', 'unauthori', 'fraudulent'],
    patterns: [
      /\bcharge[- ]?backs?\b/gi,
      /\b(?:dispute|disputing|reverse|reversing)\s+(?:the|this|these|that|my)\s+(?:charges?|transactions?|payments?)\b/gi,
      /\b(?:call|calling|contact|contacting|go to|going to|report(?:ing|ed)? (?:it|this|the (?:charge|payment|transaction)) to)\s+my\s+(?:bank|credit card (?:company|issuer|provider)|card (?:issuer|company|provider))\b/gi,
      /\b(?:unauthori[sz]ed|fraudulent) (?:transaction|charge|payment|debit)s?\b/gi,
    ],
    negatable: true,
    veiled: true,
    // a merchant asking about a chargeback THEIR customer raised is a process question
    unless: /\b(?:(?:one of )?(?:our|my) (?:customers?|clients?|users?|buyers?|shoppers?)|a (?:customer|client|buyer|shopper)) (?:has |have |had )?(?:raised|filed|opened|initiated|made|submitted|started)\b|\brespond to (?:a|the|this) chargeback\b/i,
    why: 'A chargeback threat means the customer has given up on getting the money back from you.',
    examples: {
      fires: ['I will dispute the charge with my bank.', 'I am filing a chargeback today.', 'I will contact my bank about this.', "I'd rather not have to dispute the charge with my bank.", "I've reported this to my bank as an unauthorised transaction."],
      quiet: ['I see two charges on my statement, can you explain them?', 'My bank says the payment went through yesterday.', 'One of our customers has raised a chargeback; what documents do you need from us?'],
    },
  },
  {
    id: 'legal',
    label: 'Legal threat',
    category: 'legal-threat',
    anchors: ['lawyer', 'attorney', 'solicitor', 'legal', 'take', 'taking', 'file', 'formal', 'small', 'lawsuit', 'sue', 'suing', 'class', 'consumer', 'trading', 'ombudsman', 'ftc', 'fcc', 'cfpb', 'report', 'counsel'],
    patterns: [
      /\b(?:my |a |our )?(?:lawyer|attorney|solicitor|legal counsel)s?\b/gi,
      /\b(?:take (?:this|it|the matter|things) (?:any )?further|(?:take|taking) (?:further )?(?:formal )?action|file a (?:formal )?complaint|formal complaint)\b/gi,
      /\b(?:legal action|take (?:you|this) to court|small claims|lawsuit|sue you|suing you|class action|my (?:legal|consumer) rights|trading standards|consumer protection|attorney general|ombudsman|the FTC|the FCC|the CFPB|report you)\b/gi,
    ],
    negatable: true,
    veiled: true,
    why: 'Naming lawyers or regulators moves the conversation out of support; escalate.',
    examples: {
      fires: ['I will be speaking to my lawyer.', 'I am prepared to take legal action.', 'I will report you to the attorney general.'],
      quiet: ['Our lawyers reviewed the contract and it is fine.', 'Please send the invoice to our legal department.'],
    },
    unless: /\b(?:reviewed|review of|approved|signed|invoice|contract (?:is|was) fine)\b/i,
  },
  {
    id: 'paper-trail',
    label: 'Keeping a paper trail',
    category: 'legal-threat',
    anchors: ['keep', 'kept', 'retain', 'document', 'record', 'logging', 'log'],
    patterns: [
      /\b(?:keep(?:ing)?|kept|retain(?:ing|ed)?)\s+(?:a\s+)?(?:full\s+|written\s+)?(?:copy|copies|record|records|log|note)\s+of\s+(?:all|every|each)\s+(?:of\s+)?(?:our\s+|my\s+|the\s+|your\s+)?(?:correspondence|emails?|calls?|communications?|conversations?|contact|messages?|replies)\b/gi,
      /\b(?:I am|I'm|we are|we're|I have been|I've been|we have been|we've been) (?:documenting|recording|logging) (?:every|all|each) (?:call|email|contact|conversation|interaction|reply|message)s?\b/gi,
    ],
    negatable: true,
    why: 'A customer who says they are keeping every email is building a case for a complaint or a claim.',
    examples: {
      fires: ['I am keeping a record of all our correspondence.', 'For the avoidance of doubt, I have kept copies of every email.', 'I am documenting every call.'],
      quiet: ['Please keep a copy of this invoice for your records.', 'Our CRM is logging every call automatically.'],
    },
  },
  {
    id: 'public-review',
    label: 'Public complaint / review threat',
    category: 'legal-threat',
    anchors: ['bbb', 'better', 'trustpilot', 'yelp', 'star', 'review', 'social', 'twitter', 'facebook', 'reddit', 'linkedin', 'everyone', 'internet', 'news', 'public', 'press', 'media'],
    feature: 'public-review',
    patterns: [
      /\b(?:the )?(?:BBB|Better Business Bureau|Trustpilot|Yelp)\b/g,
      /\b(?:one|1)[- ]star\b/gi,
      /\b(?:leave|leaving|write|writing|post|posting)\s+(?:a |an |my )?(?:\w+\s+)?review\b/gi,
      /\b(?:post|posting|share|sharing|tell|telling|put)(?:ing)?\s+(?:this|it|everyone|about this|my experience)\s+(?:on|to|all over)\s+(?:social media|twitter|facebook|reddit|linkedin|everyone|the internet|the news)\b/gi,
      /\b(?:go|going) public\b|\b(?:contact|contacting|call|calling) the (?:press|media|news)\b/gi,
    ],
    unless: /\b(?:great|good|positive|glowing|5[- ]star|five[- ]star|nice|happy to|gladly|would love to)\b|\b(?:where|how) (?:can|do|should) (?:I|we)\b/i,
    why: 'A public review or social post threat raises the stakes beyond this one ticket.',
    examples: {
      fires: ['I will be leaving a review about this.', 'I am reporting you to the BBB.', 'One star, and I will post this on social media.'],
      quiet: ['Happy to leave a good review once it arrives!', 'Where can I write a review of the app?'],
    },
  },

  // ---------- escalation demand ----------
  {
    id: 'wants-manager',
    label: 'Asks for a manager',
    category: 'escalation-demand',
    anchors: ['supervisor', 'manager', 'someone', 'higher', 'senior', 'boss', 'superior', 'real', 'human', 'escalat', 'team', 'leader', 'lead'],
    patterns: [
      /\b(?:speak|talk|speaking|talking|escalate|transfer|put me through|connect me|get me|let me (?:speak|talk)|pass (?:this|me) (?:on|up))\b[^.!?\n]{0,30}?\b(?:supervisor|manager|someone (?:in charge|senior|more senior|higher up|competent|who (?:can|knows|actually))|higher up|senior (?:staff|agent|member|person|team)|your (?:boss|superior|supervisor|manager)|a real person|a human(?: being)?)\b/gi,
      /\b(?:escalate|escalated|escalating|escalation)\b/gi,
      /\b(?:supervisor|manager)(?:'s)?\s+(?:name|email|number|contact)\b/gi,
      /\b(?:name|names|contact details|details|email address|direct line|number)\b[^.!?\n]{0,30}?\bof (?:a|your|the|their) (?:\w+ (?:or|and) )?(?:team leader|team lead|supervisor|manager|senior (?:agent|adviser|advisor|colleague|member of staff))\b/gi,
      /\b(?:a|your|the) (?:supervisor|manager|team lead|senior \w+) (?:could |can |to |should |please )?(?:contact|call|email|phone|ring|get in touch with) (?:me|us)\b/gi,
      /\bI (?:demand|insist|want|need) (?:to (?:speak|talk) )?(?:to |with )?(?:a |your |the )?(?:supervisor|manager)\b/gi,
    ],
    negatable: true,
    veiled: true,
    unless: /\b(?:escalation (?:policy|path|matrix|process|contact)|(?:account|project|product) manager|escalat\w* (?:the )?(?:priority|severity|urgency)|(?:priority|severity) escalation|(?:automatic|auto|automated) escalations?|escalation (?:rules?|settings?|workflows?|triggers?|levels?|tiers?)|set up (?:an? )?escalations?)\b/i,
    why: 'Asking for someone else means they have given up on this conversation solving it.',
    examples: {
      fires: ['I want to speak to a supervisor.', 'Please escalate this.', 'Could you send me the contact details of a team leader?', 'Please give me the name of your supervisor.', 'Let me talk to your manager.', 'I need to speak to someone in charge.'],
      quiet: ['No need to escalate, it is fixed.', 'Our account manager asked me to send this.', 'Can you escalate the priority of ticket 5521? Our launch moved up.', 'Is there a way to set up automatic escalation to a team lead after 24 hours?', 'Please update the name of our account manager on the invoice.'],
    },
  },

  {
    id: 'formal-complaint',
    label: 'Makes a formal complaint',
    category: 'escalation-demand',
    anchors: ['formal', 'complain', 'complaint', 'lodge', 'file', 'filing', 'raise', 'raising', 'make', 'making'],
    patterns: [
      /\b(?:formal(?:ly)? (?:complain\w*|grievance)|(?:lodge|lodging|file|filing|raise|raising|make|making|submit|submitting) (?:a |an )?(?:official |formal |written )?complaint)\b/gi,
    ],
    negatable: true,
    veiled: true,
    why: 'A formal complaint takes the case out of this conversation and into a process; get ahead of it.',
    examples: {
      fires: ['I am writing to formally complain about the handling of my case.', 'I would like to lodge a complaint.', "I'd hate to have to file a formal complaint."],
      quiet: ['How do customers submit feedback about the app?', 'Our complaints procedure is attached for your records.'],
    },
  },
  {
    id: 'mistreated',
    label: 'Says they were treated badly',
    category: 'disappointment',
    anchors: ['hung', 'rude', 'laughed', 'talked', 'spoke', 'patroni', 'condescend', 'dismissive', 'ignored', 'lied'],
    patterns: [
      /\b(?:hung up on|was (?:very |extremely |really )?rude to|laughed at|talked down to|spoke down to|lied to) (?:me|us)\b/gi,
      /\b(?:patroni[sz]ing|condescending|dismissive) (?:to me|towards me|with me|tone|reply|response|agent|attitude)\b/gi,
      /\b(?:you|your (?:\w+ )?(?:agent|team|staff|rep|colleague)s?) (?:have |has )?(?:ignored|lied about) (?:my|our|me|us)\b/gi,
    ],
    why: 'How they were treated last time is what they expect now; acknowledge it before the fix.',
    examples: {
      fires: ['Your agent hung up on me. Twice.', 'The person on the phone was rude to me.', 'You have ignored my emails for a week.'],
      quiet: ['The line dropped and I was cut off, could you call back?', 'Your agent was very patient with me.'],
    },
  },

  // ---------- bounced between teams ----------
  {
    id: 'bounced',
    label: 'Passed between teams',
    category: 'bounced',
    anchors: ['transfer', 'passed', 'bounced', 'shuffled', 'sent', 'redirected', 'pushed', 'handed', 'forwarded', 'run', 'passing', 'answer', 'story', 'thing', 'excuse', 'told', 'tells', 'telling', 'nobody', 'no', 'spoke', 'talked', 'chatted', 'dealt', 'different'],
    patterns: [
      /\b(?:transferred|passed|bounced|shuffled|sent|redirected|pushed|handed|forwarded|transfer(?:ring)?)\s+(?:me\s+|us\s+)?(?:around|back and forth|from (?:one|department|team|person|agent)\b[^.!?\n]{0,20}|between (?:departments|teams|people|agents)|between\s+(?:\w+\s+){1,3}and\s+(?:\w+\s+){0,2}(?:team|department|support|billing|sales|you)\b|(?:\w+\s+){0,2}(?:times|again)\b|to (?:another|yet another|a different|the wrong) (?:department|team|agent|person|number))/gi,
      /\b(?:the )?run[- ]?around\b/gi,
      /\bpassing the buck\b/gi,
      /\b(?:each|every|a different) (?:agent|person|rep|representative|time I call)\b[^.!?\n]{0,40}\b(?:different|another|new) (?:answer|story|thing|excuse)\b/gi,
      /\b(?:told|tells|telling) me to (?:contact|call|email|ask) (?:you|the other|another|a different|(?:your |the )?(?:\w+ )?(?:support|team|department|billing|sales|branch|store))\b/gi,
      /\b(?:told|tells|telling) me (?:this|it|that) (?:is|was)(?: a)? (?:\w+ )?(?:matter|issue|problem|question|thing) for (?:\w+ ){0,2}(?:team|department|support|billing|them|you)\b|\b(?:told|tells|telling) me (?:this|it|that) (?:is|was) a (?:billing|technical|tech|sales|branch|online|accounts?|delivery|warehouse) (?:matter|issue|problem|question|thing)\b/gi,
      /\bnobody (?:seems to )?knows? (?:who|what|how)\b/gi,
      /\b(?:nobody|no one|no-one) (?:seems to |wants to |will )?(?:owns?|takes? ownership of|takes? responsibility for|is responsible for)\b/gi,
      new RegExp(`\\b(?:spoken|spoke|talked|chatted|dealt) (?:to|with) (?:${NUM_WORD}) (?:different |separate )?(?:agents|people|reps|representatives|advisers|advisors|members of (?:your )?staff|departments|teams)\\b`, 'gi'),
      new RegExp(`\\b(?:${NUM_WORD}) different (?:answers|stories|explanations|excuses)\\b`, 'gi'),
    ],
    why: 'Being handed from team to team makes every new contact start from zero.',
    examples: {
      fires: ['I have been transferred three times.', 'Your billing team told me to contact you.', 'All I get is the runaround.', 'Every agent gives me a different answer.', "I've been passed between billing and tech support all week.", 'Nobody owns this problem.', 'I have spoken to five different agents.', 'Billing told me to contact technical support.', 'Technical support told me this is a billing matter.'],
      quiet: ['I was transferred to billing and they fixed it.', 'I sent the form to your billing team.', 'We split the licences between sales and support.', 'I spoke to two of your engineers and they were great.'],
    },
  },

  // ---------- sarcasm ----------
  {
    id: 'praise-on-failure',
    label: 'Sarcastic praise',
    category: 'sarcasm',
    anchors: ['great', 'wonderful', 'fantastic', 'perfect', 'brilliant', 'awesome', 'lovely', 'excellent', 'marvel', 'superb', 'splendid', 'terrific', 'nice', 'amazing', 'cool', 'love', 'adore', 'enjoy', 'usual', 'always', 'typical', 'classic', 'job'],
    patterns: [
      /\b(?:oh\s+)?(?:just\s+)?(?:great|wonderful|fantastic|perfect|brilliant|awesome|lovely|excellent|marvell?ous|superb|splendid|terrific|nice|amazing|cool)\b[,!.]*\s*(?=(?:so\s+)?(?:another|yet another|now|again|just what I needed|exactly what I needed|more)\b)/gi,
      /\b(?:I|we)\s+(?:just\s+|really\s+|absolutely\s+)?(?:love|adore|enjoy)\s+(?:how|that|the way|it when|being|waiting|paying|getting)\b/gi,
      /(?=[lagyd])(?<!\w\s*)(?:love|adore|gotta love|got to love|you have to love|don't you love)\s+(?:how|the way|it when|that)\b/gi, // (?=…) first: the look-behind runs only where a match can start
      /\b(?:as usual|as always|like always|per usual|typical|classic)\b[.!]*/gi,
      /\b(?:good|great) job\b(?=[^.!?\n]*\b(?:not|again|another|nothing|never)\b)/gi,
    ],
    // the failure within a few clauses of the praise (a bounded window: a run-on paste has no sentence ends)
    check: ({ sentence, at, text }) => FAILURE.test(sentence.slice(Math.max(0, at - 300), at) + ' ' + sentence.slice(at + text.length, at + text.length + 300)),
    why: 'Praise wrapped around a failure (“Great, another outage”) is anger in a polite costume.',
    examples: {
      fires: ['Great, another outage.', 'I love how you charged me twice.', 'Down again, as usual.', 'Perfect, now I cannot log in at all.', "Love that I get a marketing email every morning but can't get one reply."],
      quiet: ['Great, thanks for the quick fix!', 'I love how easy the new dashboard is.', 'Thanks as always for your help.'],
    },
  },
  {
    id: 'thanks-for-nothing',
    label: '“Thanks for nothing”',
    category: 'sarcasm',
    anchors: ['thank'],
    patterns: [
      /\bthanks?(?: you)?(?: so much| a lot)? for (?:absolutely )?(?:nothing|wasting my time|ruining|making (?:this|it|things) worse|the (?:non-)?help(?=,|\.|!)|(?:all )?your ["']help["'])/gi,
      /\bthanks a bunch\b/gi,
      /\bthanks?(?: you)? (?:so much )?for (?:nothing|the runaround)\b/gi,
      /\bthanks,? I guess\b/gi,
      // thanking a machine: "thanks for the automated reply. Now could a human read it?"
      /\bthanks?(?: you)?(?: so much| a lot)? for (?:the|your) (?:automated|automatic|auto-?generated|auto|canned|generic|template|templated|scripted|copy[- ]and[- ]paste[d]?|copy-pasted|boilerplate|bot) ?(?:reply|response|answer|message|email)\b(?!\s+(?:confirming|with (?:the|my|a) (?:ticket|case|reference)))/gi,
    ],
    why: 'Sarcastic thanks reads as a sign-off, but it is a complaint.',
    examples: {
      fires: ['Thanks for nothing.', 'Thanks for wasting my time.', 'Thanks a bunch.', 'Thank you for the canned response; my question is still open.', 'Thanks for the automated email. Can a person look at this?'],
      quiet: ['Thanks for the quick reply.', 'Thank you for your help.', 'Thanks for the automatic reply confirming my ticket number.'],
    },
  },
  {
    id: 'mock-amount',
    label: 'Mocking how long a fix lasted',
    category: 'sarcasm',
    anchors: ['whole', 'grand', 'all'],
    patterns: [
      new RegExp(`\\b(?:a whole|a grand total of|all of)\\s+(?:${NUM_WORD})\\s+(?:seconds?|minutes?|hours?|days?|weeks?)\\b`, 'gi'),
    ],
    // "It took all of five minutes to set up" is praise; a fix that "lasted all of five minutes" is not.
    check: ({ sentence, text }) =>
      /\b(?:lasted|worked|held|held up|survived|stayed (?:up|fixed|working|online)|kept working|managed)\b/i.test(sentence) ||
      (/^a (?:whole|grand)/i.test(text) && /\b(?:took|waited|wait|spent|wasted)\b/i.test(sentence)),
    why: 'Measuring a fix in minutes (“it lasted a whole two hours”) is sarcasm about a repair that failed.',
    examples: {
      fires: ['It lasted a whole two hours.', 'The fix worked for all of ten minutes.', 'I waited a whole three weeks for this reply.'],
      quiet: ['Setup took all of five minutes, great job!', 'We have a whole two days for the workshop.'],
    },
  },
  {
    id: 'scare-quotes',
    label: 'Scare quotes',
    category: 'sarcasm',
    patterns: [
      /["'](?:(?:quick|temporary|permanent|final|simple|easy|new|latest|so-called|real|priority|premium|dedicated|customer|express|24\/7|fast|excellent|great)\s+)?(?:fix|fixed|fixes|support|help|helpful|service|customer service|solution|solved|resolved|update|upgrade|priority|premium|express|guaranteed?|team|experts?|technicians?|refund|compensation|apology|investigating|working on it|next day|24\/7|unlimited|free|quick|fast)["']/gi,
      // a status word in quotes after "been"/"still"/"stuck": "has been 'processing' for a fortnight"
      // (the quote first: the look-behind runs only at quote marks)
      /["'](?<=\b(?:been|still|stuck (?:on|in|at|as)|sitting (?:on|in|at|as)|sat (?:on|in|at|as)|remains?|remained) ["'])(?:processing|in progress|pending|in transit|on (?:its|the) way|dispatched|shipped|being (?:processed|handled|looked into|investigated|reviewed|dealt with)|under review|in review|awaiting \w+|escalated|looking into it|on hold|queued|scheduled|out for delivery|with the (?:team|engineers?|courier))["']/gi,
      /\bso[- ]called\s+(?:fix|fixes|support|help|service|customer service|solution|update|upgrade|priority|premium|express|guarantee|team|experts?|technicians?|refund|compensation|apology)\b/gi,
    ],
    why: 'Quotes around “fix” or “support” say the customer no longer believes the word.',
    examples: {
      fires: ['Your "fix" broke everything.', "So much for 'support'.", 'The "express" shipping took 12 days.', "Thanks for the 'quick fix'.", 'Your so-called support team never replied.', "Not sure what the point of your 'priority support' is.", 'My refund has been "pending" for three weeks now.', "The repair is still 'in progress', apparently."],
      quiet: ['I clicked the "Update" button.', 'The menu item "Support" is missing on mobile.', "The tracking page says 'in transit', is that the latest?", 'The status has been set to "Pending", which I clicked to confirm.'],
    },
    unless: /\b(?:clicked|click|button|menu|tab|link|field|option|select|chose|choose|labelled|labeled|(?<!so[- ])called|named)\b/i,
  },

  {
    id: 'when-i-actually',
    label: 'Sarcastic “once I actually get some”',
    category: 'sarcasm',
    anchors: ['actually', 'ever'],
    patterns: [
      /\b(?:once|when|if) (?:I|we) (?:actually|ever) (?:get|receive|see|hear|have)\b(?= (?:some|any|one|it|them|a (?:reply|response|answer|refund)|an? (?:answer|update))\b)/gi,
    ],
    why: 'A promise made conditional on something that never arrives (“I’ll rate your support once I actually get some”) is sarcasm about that thing.',
    examples: {
      fires: ["I'll fill in the survey once I actually get some help.", "Happy to confirm the details when we actually get a reply."],
      quiet: ['Let me know when I can expect the parcel.', "I'll actually get the new router next week, so no need to send one."],
    },
  },

  // ---------- controlled formality ----------
  {
    id: 'kindly-advise',
    label: 'Formal pressure (“kindly advise”)',
    category: 'controlled-formality',
    anchors: ['kindly', 'please', 'earliest', 'soonest', 'trust', 'surely'],
    patterns: [
      /\bkindly\s+(?:advise|confirm|respond|reply|look into|arrange|expedite|process|provide|update|explain|refund|resolve|ensure|rectify|escalate|get back|revert|action|note|address|investigate)\b/gi,
      /\bplease (?:advise|explain|clarify) (?:why|how (?:this|it)|what (?:you intend|is being done|happened))\b/gi,
      /\bat your (?:earliest|soonest) (?:convenience|opportunity|possible)\b/gi,
      /\bI trust (?:you|this|that|the matter) (?:will|can|understand)\b/gi,
      /\bI trust (?:that )?(?:\w+ ){1,10}?will (?:now|finally|this time)\b/gi,
      /\bsurely (?:you|it|this|someone|somebody|there)\b/gi,
    ],
    why: 'Stiff, formal phrasing from a customer who used to write casually is restraint, not calm.',
    examples: {
      fires: ['Kindly advise when this will be resolved.', 'Please explain why this was not done.', 'I trust you will resolve this promptly.', 'Surely someone can fix this.', 'I trust that the estimated reading on my bill will now be corrected.'],
      quiet: ['Please let me know if you need anything else.', 'Kind regards from the whole team!'],
    },
  },
  {
    id: 'appreciate-this-time',
    label: '“I would appreciate it if … this time”',
    category: 'controlled-formality',
    anchors: ['appreciate', 'once', 'time', 'further', 'thank', 'going', 'honest', 'straight'],
    patterns: [
      /\bI(?:'d| would) (?:really |greatly |very much |truly )?appreciate\b[^.!?\n]{0,80}?\b(?:this time|for once|at least|actually|finally|properly|promptly|in a timely manner|without further delay|as soon as possible|correctly|the courtesy|someone|a (?:straight|proper|real|direct|clear) answer)\b/gi,
      /\b(?:for once|(?:get|do|make|have) (?:it|this|things) right this time|(?:actually|properly|correctly|really) [^.!?\n]{0,40}\bthis time)\b/gi,
      // asking for an *honest* estimate says the earlier ones were not
      /\b(?:an? |your )?(?:honest|straight|straightforward) (?:answer|estimate|timeline|timeframe|eta|update|response|date)\b/gi,
      /\bthanks?(?: you)? for finally\b|\bgoing forward,? (?:it would (?:help|be (?:good|nice|helpful))|I(?:'d| would) (?:expect|appreciate|ask)|please (?:make sure|ensure))\b/gi,
      /\b(?:(?:will|won'?t|should|shouldn'?t) (?:not )?(?:require|need) (?:a |any )?further|without (?:the need for |needing |requiring )?(?:a |any )?further) (?:emails?|chasing|reminders?|follow[- ]ups?|calls?|contact)\b/gi,
    ],
    why: 'A polite request with a sting (“this time”, “for once”) tells you earlier attempts failed.',
    examples: {
      fires: ['I would appreciate it if someone actually called me this time.', 'I would appreciate a straight answer.', 'Could you please get it right this time?', 'Thank you for your prompt attention, which I trust will not require a further email.', 'Thanks for finally getting back to me.', 'Going forward, it would help if the response time matched your SLA.', 'Could you please give me an honest estimate?'],
      quiet: ['I would appreciate it if you could send the invoice.', 'I would appreciate your help with the setup.', 'I would value your honest opinion on which plan suits us.'],
    },
  },
  {
    id: 'respectfully',
    label: 'Pointed courtesy',
    category: 'controlled-formality',
    anchors: ['respect', 'frank', 'honest', 'blunt', 'must', 'have', 'needless'],
    patterns: [
      /\b(?:respectfully|with (?:all )?due respect|with respect)\b(?=[^\n]{3})/gi,
      /\b(?:quite )?frankly\b|\bto be (?:perfectly )?(?:honest|frank|blunt)\b|\bI (?:must|have to) say\b|\bneedless to say\b/gi,
    ],
    why: 'Courtesy used as a preface (“with all due respect”) usually comes before criticism.',
    examples: {
      fires: ['With all due respect, this is not good enough.', 'Frankly, I expected more.', 'Respectfully, the problem is on your side.'],
      quiet: ['We respect your privacy policy.'],
    },
  },

  // ---------- disappointment and lowered trust ----------
  {
    id: 'disappointed',
    label: 'Disappointed',
    category: 'disappointment',
    anchors: ['disappoint', 'let', 'dissatisf', 'unsatisf', 'unhappy', 'happy', 'impressed', 'pleased', 'satisfied', 'unimpress', 'frustrat', 'fed', 'sick', 'tired', 'enough', 'annoy', 'upset', 'appall', 'dismay', 'disgust', 'shock', 'baffl', 'wits', 'patience', 'exasperat'],
    patterns: [
      /\b(?:disappoint(?:ed|ing|ment)|let (?:me |us )?down|dissatisfied|unsatisfied|unhappy|not (?:happy|impressed|pleased|satisfied)|unimpressed|frustrat(?:ed|ing|ion)|fed up|sick (?:and tired )?of|tired of|had enough|annoy(?:ed|ing|ance)|upset|appalled|dismayed|disgusted|shocked|baffled|at (?:my|our) wits'? end|(?:losing|lost|running out of|out of) (?:my |our )?patience|exasperat(?:ed|ing))\b/gi,
    ],
    negatable: true,
    // someone else's mild letdown, told in passing ("my son was a little disappointed it was sold out")
    unless: /\b(?:my|our) (?:son|daughter|kids?|children|child|boy|girl|husband|wife|partner|friend|mum|mom|dad)\b[^.!?]{0,20}\b(?:was|were|is|are|got|seemed)\s+(?:a (?:little|bit|tad)|slightly|somewhat)\s+(?:disappointed|upset|sad)\b/i,
    why: 'Naming the feeling is the clearest signal there is, and it is often the only one in a polite email.',
    examples: {
      fires: [
        'I am very disappointed with the service.',
        'Honestly this is frustrating.',
        'I am losing patience.',
        "I've never been so disappointed.",
        "I'm not sure why, but I'm really disappointed.",
        'My wife was really upset by how your agent spoke to her.',
      ],
      quiet: [
        'I am not disappointed at all.',
        'Never once have we been disappointed by your team.',
        'We were not unhappy with the result.',
        'My daughter was a little disappointed that the blue one was sold out. Will it be back?',
      ],
    },
  },
  {
    id: 'resigned',
    label: 'Resigned (“I’ll just wait, I suppose”)',
    category: 'disappointment',
    anchors: ['suppose', 'guess'],
    patterns: [
      /\bI(?:'ll| will| shall)? (?:just )?(?:wait|keep waiting|carry on waiting|sit tight|keep trying|try again|keep chasing|give up)(?:,? then)?,? I (?:suppose|guess)\b/gi,
      /\b(?:I suppose|I guess) I(?:'ll| will)(?: just)? (?:wait|keep waiting|carry on waiting|sit tight|keep trying|try again|keep chasing|have to wait|chase|call again|write again|give up)\b/gi,
    ],
    why: 'Shrugging acceptance (“I’ll just wait then, I suppose”) is a customer who has stopped expecting an answer.',
    examples: {
      fires: ["Ok. I'll just wait then, I suppose.", 'I guess I will keep waiting.', 'I suppose I will try again next week.'],
      quiet: ['I suppose the parcel will come on Monday.', 'I guess the new plan suits us better.'],
    },
  },
  {
    id: 'expected-better',
    label: 'Expected better',
    category: 'disappointment',
    anchors: ['expect', 'paid', 'signed', 'was', 'were', 'better', 'good', 'great', 'reliable', 'enough', 'unacceptable', 'inexcusable', 'acceptable', 'ok', 'allowed', 'permitted', 'able', 'why', 'point', 'wow', 'understand'],
    patterns: [
      /\b(?:I|we)(?:'d| had| would have)? (?:expected|expect) (?:better|more|much more|a lot more)\b/gi,
      /\b(?:expected|expect) (?:better|more) (?:from|of) (?:you|your|a company)\b/gi,
      /\bnot what (?:I|we) (?:expected|paid for|signed up for|was promised|were promised)\b/gi,
      /\b(?:you|this|it|the service) (?:used to be|was once) (?:better|good|great|reliable)\b/gi,
      /\b(?:not|isn'?t|wasn'?t|aren'?t) (?:\w+ )?good enough\b/gi,
      /\bhow (?:this|that|it) (?:was|were|could be|could have been|is) (?:allowed|permitted|able) to happen\b/gi,
      /\bwhy is (?:it|this) so (?:hard|difficult|complicated|impossible) to (?:get|reach|speak|talk|have|receive|obtain)\b(?=[^.!?\n]{0,30}\b(?:answer|someone|anyone|response|reply|refund|help|human|person|support|manager|call)\b)/gi,
      /\bwhat(?:'s| is) the point (?:of|in)\b/gi,
      /\b(?:I'd|I would|we'd|we would) (?:like|want) to understand how (?:this|that|it|you|your|an?|the|anyone|someone)\b(?=[^.!?\n]{0,120}\b(?:when|despite|even though|after|without)\b)/gi,
      /\bwow\.?,? just wow\b/gi,
      /\b(?:unacceptable|inexcusable|not acceptable|not ok(?:ay)?)\b/gi,
    ],
    negatable: true,
    why: 'Comparing you to what they expected is disappointment in measured words.',
    examples: {
      fires: ['I expected better from you.', 'This is not what I paid for.', 'Frankly this is unacceptable.', 'This is not good enough.', "This simply isn't good enough anymore.", 'I want an explanation of how this was allowed to happen.', 'Why is it so difficult to get a straight answer?', "What's the point of paying for support?", 'Wow. Just wow.', "I'd like to understand how an engineer can mark me as not home when I was in all day."],
      quiet: ['The update is better than we expected.', 'That is acceptable, thanks.', 'Is the free plan good enough for a team of three?', "I'd like to understand how the export works before we upgrade.", 'Why is it so hard to find the export button? Is it hidden on mobile?'],
    },
  },
  {
    id: 'trust',
    label: 'Lost trust',
    category: 'disappointment',
    anchors: ['trust', 'rely', 'believe', 'count', 'depend', 'faith', 'confidence', 'surprised', 'shocked', 'expect'],
    feature: 'trust',
    patterns: [
      /\bhow (?:can|could|am|are|should|do you expect) (?:I|we|anyone|anybody|customers|people)(?: ever)?(?: be expected to)? (?:trust|rely on|believe|count on|depend on)\b/gi,
      /\b(?:lost|losing|lose) (?:all |any |my |our )?(?:trust|faith|confidence)\b/gi,
      /\b(?:no longer|can'?t|cannot|don'?t|do not) (?:trust|rely on|believe (?:you|anything)|count on)\b/gi,
      /\b(?:hard|difficult|impossible) to (?:trust|believe)\b/gi,
      /\b(?:(?:not sure|don'?t know) what to believe|what (?:am I|are we) (?:supposed|meant) to believe)\b/gi,
      /\b(?:not|no longer|hardly|never) (?:even |really )?(?:surprised|shocked)\b(?=[^.!?\n]{0,20}\b(?:anymore|any more|at this point|by now|these days|with you)\b)/gi,
      /\b(?:I|we) (?:no longer|don'?t|do not) (?:even )?expect (?:anything|much|better|a (?:reply|response|fix|solution))\b/gi,
    ],
    why: 'When trust goes, reassurance stops working; specifics and commitments are what help.',
    examples: {
      fires: ['How can I trust you with my data now?', 'We have lost all confidence in your team.', 'I no longer trust your updates.', 'Not surprised at this point.', "Honestly I don't expect a reply.", "Honestly I'm not sure what to believe anymore."],
      quiet: ['We trust your team with our data.', 'I believe the update fixed it.', "I'm not surprised it sold out, it's a great product.", 'I expect a reply by Friday.'],
    },
  },

  // ---------- time pressure ----------
  {
    id: 'asap',
    label: 'Urgent',
    category: 'time-pressure',
    anchors: ['asap', 'a.s.a.p', 'soon', 'urgent', 'immediately', 'right', 'straight', 'without', 'time', 'top', 'emergency'],
    patterns: [
      /\b(?:ASAP|A\.S\.A\.P\.?|as soon as (?:possible|you can|humanly possible)|urgent(?:ly)?|immediately|right away|straight away|without (?:further )?delay|time[- ]sensitive|top priority|emergency)\b/gi,
      /\bright now\b(?=[^.!?\n]*[!?]|[^.!?\n]*\b(?:need|want|fix|now)\b)/gi,
    ],
    negatable: true,
    unless: /\b(?:no rush|no hurry|not urgent|whenever (?:you|it)|when you (?:get a chance|have time))\b/i,
    why: 'Urgency words mean the cost of waiting has become the customer’s problem.',
    examples: {
      fires: ['Please fix this ASAP.', 'This is urgent.', 'I need a refund immediately.'],
      quiet: ['It is not urgent, whenever you get a chance.', 'No rush at all.'],
    },
  },
  {
    id: 'deadline',
    label: 'Deadline',
    category: 'time-pressure',
    anchors: ['by', 'before', 'within', 'else', 'otherwise', 'will'],
    patterns: [
      /\b(?:by|before) (?:the )?(?:end of (?:the )?(?:day|week|business|month|today)|EOD|COB|close of business|tomorrow(?: morning)?|tonight|today|noon|midday|\d{1,2}(?::\d\d)?\s*(?:am|pm)|(?:this )?(?:monday|tuesday|wednesday|thursday|friday))\b(?<!\bI(?:'ll| will) \w+ (?:it |this |them )?(?:by|before) \w+)/gi,
      /\bwithin (?:the next )?(?:24|48|72|one|two|an?|\d+) (?:hours?|business days?)\b(?=[^.!?\n]*\b(?:or|otherwise|else|expect|need|want)\b)/gi,
      /\b(?:or else|otherwise I will|or I will)\b/gi,
      /\bwithin (?:the|an|the next) hour\b/gi,
    ],
    why: 'A deadline from the customer is a threshold; missing it will escalate.',
    examples: {
      fires: ['I need this resolved by end of day.', 'Please reply before 5pm today.', 'I need this resolved within the hour.', 'Fix it within 24 hours or I will cancel.', 'If I do not hear back by Friday I will escalate.'],
      quiet: ['The report is due at the end of the month.', "I'll send it by Friday."],
    },
  },

  // ---------- overt anger ----------
  {
    id: 'profanity',
    label: 'Swearing',
    category: 'overt-anger',
    feature: 'anger-profanity',
    // every swear's beginning, obfuscated ones too ("f*ck", "ffs", "sh*t")
    anchors: ['fu', 'ff', 'f*', 'f#', 'f@', 'f!', 'shit', 'sh*', 'bull', 'crap', 'damn', 'dammit', 'goddam', 'hell', 'wtf', 'wth', 'smh', 'piss', 'bastard', 'bloody', 'screw', 'suck', 'asshole', 'arse', 'bitch', 'effing', 'freaking', 'frig', 'frick', 'mother', 'mutha', 'damit'],
    patterns: [
      /\b(?:f+u+c+k+\w*|(?:mother|mutha)f(?:u+c+k+|\*+c?k|[*#@!]{2,})\w*|f\*+k\w*|f[*#@!]{2,}\w*|shit\w*|sh\*t|bullshit|crap(?:py)?|damn(?:ed|it)?|dammit|damit|goddamm?\w*|hell(?! of)|wtf|wth|ffs|smh|pissed(?: off)?|pissing|pissy|pisses (?:me|us) off|piss off|bastards?|bloody|screw (?:you|this|your|up)|sucks?|suck(?:ed|ing)|assholes?|arse\w*|bitch\w*|effing|freaking|frigging|friggin|fricking|frickin)\b/gi,
    ],
    why: 'Swearing is overt anger; lead with an apology and a fix, not policy.',
    examples: {
      fires: ['This is bullshit.', 'WTF is going on?', 'Your app sucks.', 'Dammit, it crashed again.', 'This motherfucking router again.', 'It pisses me off.', 'Damit, not again.'],
      quiet: ['Hello, how do I change my password?', 'The shell script finished.'],
    },
  },
  {
    id: 'insult',
    label: 'Insults and contempt',
    category: 'overt-anger',
    feature: 'anger-insult',
    anchors: ['idiot', 'stupid', 'moron', 'dumb', 'dipshit', 'jackass', 'douche', 'scum', 'dare', 'incompeten', 'useless', 'clueless', 'imbecil', 'liar', 'lying', 'thie', 'crook', 'scam', 'fraud', 'rip', 'clown', 'pathetic', 'garbage', 'trash', 'rubbish', 'worthless', 'joke', 'disgrace', 'ridiculous', 'absurd', 'outrageous', 'horrible', 'horrendous', 'terrible', 'awful', 'worst', 'atrocious', 'appalling', 'abysmal', 'shameful', 'shocking', 'laughable', 'criminal'],
    patterns: [
      /\b(?:idiot\w*|stupid\w*|moron\w*|dumbass\w*|dipshit\w*|jackass\w*|douchebag\w*|scumbags?|how dare (?:you|they|anyone)|incompeten\w+|useless|clueless|imbecile\w*|dumb|liars?|lying|thie(?:f|ves)|crooks?|scam(?:mers?|ming)?|fraud(?:ulent|sters?)?|rip[- ]?off|ripping (?:me|us|people) off|clowns?|pathetic|garbage|trash|rubbish|worthless|joke of a|a joke|disgrace\w*|ridiculous|absurd|outrageous|horrible|horrendous|terrible|awful|worst|atrocious|appalling|abysmal|shameful|shocking|laughable|criminal)\b/gi,
    ],
    negatable: true,
    why: 'Contempt words (“useless”, “a joke”, “worst”) are anger, whatever the rest of the tone.',
    examples: {
      fires: ['Your support is useless.', 'This is the worst service ever.', 'What a joke.', 'This is ridiculous.', 'How dare you charge me twice.'],
      quiet: ['The update was not terrible, just slow.', 'Thanks, that was not bad at all.'],
    },
  },
  {
    id: 'shouting',
    label: 'Capitals (shouting)',
    category: 'overt-anger',
    feature: 'anger-caps',
    patterns: [/\b[A-Z][A-Z']{1,}(?:\s+[A-Z][A-Z']+)*\b/g],
    // not a bracketed placeholder or tag: "[NAME]", "[EXTERNAL]"
    check: ({ text, sentence, at }) => !(sentence[at - 1] === '[' && sentence[at + text.length] === ']') && isShouting(text),
    why: 'Words in capitals are raised voice.',
    examples: {
      fires: ['This is NOT acceptable.', 'I WANT MY MONEY BACK', 'Why is it STILL broken?'],
      quiet: ['The API returns a 404 on the PDF export.', 'Please call me ASAP at the NYC office.', 'I flew LAX to JFK.', 'Hi [NAME], thanks for the update.'],
    },
  },
  {
    id: 'exclaim',
    label: 'Repeated ! or ?!',
    category: 'overt-anger',
    feature: 'anger-punct',
    patterns: [/!{2,}|\?+!+[?!]*|!+\?+[?!]*|\?{3,}/g],
    why: 'Stacked punctuation (“!!!”, “?!”) is raised voice in writing.',
    examples: {
      fires: ['Where is my refund?!', 'Fix it!!!', 'Why???'],
      quiet: ['Thanks!', 'Can you help?'],
    },
  },
];

/** Common capitalised acronyms that are not shouting. */
const ACRONYMS = new Set(
  (
    'ASAP URL API HTML CSS CSV PDF USA UK EU US FAQ CEO CFO CTO COO SSO VPN DNS SMS SLA ETA ID OK IT CRM SQL JSON XML HTTP HTTPS PST EST CST MST GMT UTC BST CET EOD COB PIN ATM UPS DHL USPS FEDEX TV PC IOS MAC IP ISP BBB FYI AWS GCP SSL TLS CPU GPU RAM SSD HDD USB HDMI LTE GPS NYC LA SF DC AM PM TBD TBA RSVP IMO IMHO AKA DIY FTC FCC CFPB VIP HR PR QA UX UI SDK CLI SaaS OTP MFA TFA SIM ESIM NFC TSA FAA DOT ATC LAX JFK SFO ORD ATL DFW DEN SEA BOS EWR IAD MIA PHX LAS MCO CLT IAH DCA LGA PHL MSP DTW SAN AUS BNA RDU MDW HOU OAK SJC SMF PDX SLC STL TPA FLL BWI PIT CLE IND CMH MCI BDL ROC BUF ABQ OMA JAX RIC ORF SAT MSY OKC MEM ANC HNL OGG KOA LIH ERROR WARN INFO DEBUG FATAL NOTE PS NB RE FW FWD LOL OMG IIRC TLDR TL DR AFAIK BTW NGL IDK'
  ).split(' '),
);
const EMPHATIC = new Set(['NOT', 'NO', 'NOW', 'WHY', 'YOU', 'ALL', 'ANY', 'WAS', 'DID', 'HAS', 'CAN', 'THE', 'AND', 'BUT', 'GET', 'YET', 'OUT']);

/** A run of capitals is shouting unless it is acronyms: one word of 4+ letters, an emphatic short word, or 3+ words. */
export function isShouting(run: string): boolean {
  const words = run.split(/\s+/).map((w) => w.replace(/'.*$/, '')).filter((w) => !ACRONYMS.has(w));
  if (words.length === 0) return false;
  if (words.length >= 3) return true;
  return words.some((w) => w.length >= 4 || EMPHATIC.has(w));
}

// ---------- the engine ----------

export interface FoundSignal {
  id: string;
  label: string;
  category: SignalCategory;
  feature: string;
  /** Offsets into the text given to findSignals. */
  start: number;
  end: number;
  text: string;
}

const NEGATOR_NEAR = /\b(?:not|no|never|none|nobody|without|hardly|barely|neither|nor|\w+n't)\b[^.!?;:,\n]{0,40}$/i;
const NEGATOR_ADJACENT =
  /\b(?:not|never|no|\w+n't|without|hardly|barely)(?:\s+(?:very|really|at all|particularly|overly|too|that|remotely|even|once|ever|been|be|feel|feeling|getting|a bit|in the least))*\s+$/i;
const VEILED = /\b(?:rather not|(?:do not|don't|wouldn't|would not|do not wish to|don't wish to) (?:want|wish|like) to|(?:would|'d) hate to|hate to|prefer not to|reluctant to|loath to)\b[^.!?;]{0,40}$/i;
/** A clause break between a negator and the trigger: the negation stays in its own clause. */
const BREAK_AFTER_NEGATOR = /\b(?:not|no|never|none|nobody|without|hardly|barely|neither|nor|\w+n't)\b.*?(?:[;:]|,\s*(?:but|and|so|because|although|though|yet)\b|\b(?:but|although|though|however|whereas)\b)(?!.*\b(?:not|no|never|none|nobody|without|hardly|barely|neither|nor|\w+n't)\b)/i;
const INTENSIFYING_NEGATION = /\b(?:not|n't|never)\b[^.!?]{0,30}\b(?:so|this|more|as|how)\s+$|\bnot (?:just|only|merely|simply)\s+$/i;

interface SentenceIndex {
  starts: number[];
  ends: number[];
}

function sentenceAt(idx: SentenceIndex, at: number): number {
  let lo = 0;
  let hi = idx.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (idx.starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Decides whether a negation governs the words at `at`: cheap cases here, the rest via compromise. */
export function isNegated(sentence: string, at: number): boolean {
  const before = sentence.slice(Math.max(0, at - 60), at);
  if (!NEGATOR_NEAR.test(before)) return false;
  if (INTENSIFYING_NEGATION.test(before)) return false;
  if (NEGATOR_ADJACENT.test(before)) return true;
  if (BREAK_AFTER_NEGATOR.test(before)) return false;
  return negatedInClause(sentence, at);
}

/** Straightens quotes and spaces without changing length, so offsets stay valid. */
export function matchable(text: string): string {
  return text.replace(/[’‘‛`´]/g, "'").replace(/[“”„‟]/g, '"').replace(/\u00a0/g, ' ');
}

/** Lower case that never changes length (offsets stay valid): full lower-casing when it keeps the
 * length, else ASCII letters only. */
export function lowerSameLength(text: string): string {
  const l = text.toLowerCase();
  return l.length === text.length ? l : text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}

/** A pattern's source with its literal capitals lowered (escapes such as \S, \W, \B kept). */
function lowerSource(source: string): string {
  return source.replace(/\\.|[A-Z]/g, (m) => (m.length === 2 ? m : m.toLowerCase()));
}

interface Compiled {
  re: RegExp;
  lower: boolean;
  /** The record's anchors this pattern can need: those written in its source (digits when it has \d). */
  anchors?: string[];
}
const compiledCache = new WeakMap<SignalRecord, Compiled[]>();
function compiled(rec: SignalRecord): Compiled[] {
  let c = compiledCache.get(rec);
  if (!c) {
    const sources = rec.patterns.map((re) => lowerSource(re.source));
    const written = (a: string, source: string) => (/^\d$/.test(a) ? /\\d/.test(source) || source.includes(a) : source.includes(a));
    // An anchor no source spells out ("fu" for f+u+c+k+, "a.s.a.p" for a\.s\.a\.p) may be any pattern's.
    const unwritten = rec.anchors?.filter((a) => !sources.some((source) => written(a, source))) ?? [];
    c = rec.patterns.map((re, i) => {
      const source = sources[i]!;
      const own = rec.anchors?.filter((a) => written(a, source));
      const anchors = rec.anchors ? (own && own.length ? [...own, ...unwritten] : rec.anchors) : undefined;
      return re.flags.includes('i')
        ? { re: new RegExp(source, re.flags.replace('i', '')), lower: true, ...(anchors ? { anchors } : {}) }
        : { re, lower: false, ...(anchors ? { anchors } : {}) };
    });
    compiledCache.set(rec, c);
  }
  return c;
}

/**
 * Every anchor of a set of records in a trie over lower-case ASCII, each anchor numbered, with the
 * patterns that list it and each record's anchors by number. One walk of the text from each word
 * start finds every anchor there (an anchor found also stands for each shorter one it starts with:
 * "chargeback" → "charge").
 */
interface AnchorIndex {
  anchors: string[];
  /** Char code (< 128) → symbol, or -1 for a character no anchor has. */
  symbol: Int8Array;
  symbols: number;
  /** Node × symbols + symbol → child node (0: none; the root, node 0, is nobody's child). */
  children: Uint16Array;
  /** Node → the anchor ending there, or -1. */
  ends: Int16Array;
  /** Anchor → the patterns that list it, by pattern number. */
  patternsOf: number[][];
  patterns: Compiled[];
  /** Pattern → its number. */
  patternNo: Map<Compiled, number>;
  /** Record → its anchors' numbers. */
  recordAnchors: Map<SignalRecord, number[]>;
}

const anchorIndexes = new WeakMap<SignalRecord[], AnchorIndex>();
function anchorIndex(records: SignalRecord[]): AnchorIndex {
  const cached = anchorIndexes.get(records);
  if (cached) return cached;
  const anchors = [...new Set(records.flatMap((r) => r.anchors ?? []))];
  const number = new Map(anchors.map((a, i) => [a, i]));
  const symbol = new Int8Array(128).fill(-1);
  let symbols = 0;
  for (const a of anchors) {
    for (let i = 0; i < a.length; i++) {
      const c = a.charCodeAt(i);
      if (c >= 128 || /[A-Z]/.test(a[i]!)) throw new Error(`anchor "${a}": lower-case ASCII only`);
      if (symbol[c] === -1) symbol[c] = symbols++;
    }
  }
  const rows: number[] = [];
  const ends: number[] = [];
  const node = () => {
    for (let i = 0; i < symbols; i++) rows.push(0);
    ends.push(-1);
    return ends.length - 1;
  };
  node();
  anchors.forEach((a, id) => {
    let at = 0;
    for (let i = 0; i < a.length; i++) {
      const slot = at * symbols + symbol[a.charCodeAt(i)]!;
      if (rows[slot] === 0) rows[slot] = node();
      at = rows[slot]!;
    }
    ends[at] = id;
  });
  const patterns = records.flatMap((rec) => compiled(rec));
  const patternNo = new Map(patterns.map((p, i) => [p, i]));
  const patternsOf: number[][] = anchors.map(() => []);
  patterns.forEach((p, i) => {
    for (const a of new Set(p.anchors ?? [])) patternsOf[number.get(a)!]!.push(i);
  });
  const index: AnchorIndex = {
    anchors,
    symbol,
    symbols,
    children: Uint16Array.from(rows),
    ends: Int16Array.from(ends),
    patternsOf,
    patterns,
    patternNo,
    recordAnchors: new Map(records.map((r) => [r, (r.anchors ?? []).map((a) => number.get(a)!)])),
  };
  if (ends.length > 0xffff || anchors.length > 0x7fff) throw new Error('too many anchors for the index');
  anchorIndexes.set(records, index);
  return index;
}

const isWordChar = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || c === 95;

/**
 * Calls `found(anchor number, position)` for each anchor at a word start of `lower`, in text order,
 * as the regular expression \b(?:anchor|…) with the longest alternative first would: after a match
 * the walk goes on where the longest anchor there ends.
 */
function scanAnchors(lower: string, index: AnchorIndex, found: (anchor: number, at: number) => void): void {
  const { symbol, symbols, children, ends } = index;
  const n = lower.length;
  let prevWord = false;
  for (let p = 0; p < n; ) {
    const word = isWordChar(lower.charCodeAt(p));
    if (!word || prevWord) {
      prevWord = word;
      p++;
      continue;
    }
    let at = 0;
    let longest = 0;
    for (let k = p; k < n; k++) {
      const c = lower.charCodeAt(k);
      const sym = c < 128 ? symbol[c]! : -1;
      if (sym === -1) break;
      at = children[at * symbols + sym]!;
      if (at === 0) break;
      const id = ends[at]!;
      if (id !== -1) {
        longest = k + 1 - p;
        found(id, p);
      }
    }
    if (longest > 0) {
      p += longest;
      prevWord = isWordChar(lower.charCodeAt(p - 1));
    } else {
      prevWord = true;
      p++;
    }
  }
}

/** Where each anchor (word beginning) occurs in the lower-cased text. */
export function anchorsPresent(lower: string, records: SignalRecord[] = SIGNALS): Map<string, number[]> {
  const index = anchorIndex(records);
  const present = new Map<string, number[]>();
  scanAnchors(lower, index, (id, at) => {
    const a = index.anchors[id]!;
    const list = present.get(a);
    if (list) list.push(at);
    else present.set(a, [at]);
  });
  return present;
}

export interface FindOptions {
  /** Run every record over the whole text regardless of its anchors (tests compare both ways). */
  ignoreAnchors?: boolean;
  /** matchable(text) and its lower case, when the caller has them already. */
  prepared?: { matchable: string; lower: string };
}

/**
 * Runs every record over `text` (already cleaned). `sentences` are [start, end) spans of `text`.
 * A record with anchors runs only on the sentences that hold one of them (V8 spends ≈ 3 ns per
 * character on every pattern that starts with \b, so 70 patterns over a whole 2 KB email would cost
 * more than everything else together). Signals of one record never overlap; results are in text order.
 */
export function findSignals(
  text: string,
  sentences: { start: number; end: number }[],
  records: SignalRecord[] = SIGNALS,
  opts: FindOptions = {},
): FoundSignal[] {
  const t = opts.prepared?.matchable ?? matchable(text);
  const lower = opts.prepared?.lower ?? lowerSameLength(t);
  const index = opts.ignoreAnchors ? undefined : anchorIndex(records);
  const idx: SentenceIndex = { starts: sentences.map((s) => s.start), ends: sentences.map((s) => s.end) };
  if (idx.starts.length === 0) {
    idx.starts.push(0);
    idx.ends.push(text.length);
  }
  const whole = [{ start: 0, end: text.length }];
  // The anchors present, and the sentences each pattern must run on: those holding one of its anchors.
  const seen = index ? new Uint8Array(index.anchors.length) : undefined;
  const sentencesFor: (number[] | undefined)[] = [];
  if (index) {
    let si = 0;
    scanAnchors(lower, index, (id, at) => {
      while (si + 1 < idx.starts.length && idx.starts[si + 1]! <= at) si++; // positions come in text order
      seen![id] = 1;
      for (const p of index.patternsOf[id]!) {
        const list = sentencesFor[p];
        if (!list) sentencesFor[p] = [si];
        else if (list[list.length - 1] !== si) list.push(si);
      }
    });
  }
  const marks = new Uint8Array(idx.starts.length);
  /** The sentences (merged into runs) holding one of `pattern`'s anchors. */
  const chunksFor = (pattern: Compiled): { start: number; end: number }[] => {
    const chunks: { start: number; end: number }[] = [];
    const list = sentencesFor[index!.patternNo.get(pattern)!];
    if (!list) return chunks;
    let lo = marks.length;
    let hi = -1;
    for (const si of list) {
      marks[si] = 1;
      if (si < lo) lo = si;
      if (si > hi) hi = si;
    }
    for (let si = lo; si <= hi; si++) {
      if (!marks[si]) continue;
      marks[si] = 0;
      const last = chunks[chunks.length - 1];
      if (last && last.end >= idx.starts[si]! - 2) last.end = Math.max(last.end, idx.ends[si]!);
      else chunks.push({ start: idx.starts[si]!, end: idx.ends[si]! });
    }
    return chunks;
  };
  const out: FoundSignal[] = [];
  for (const rec of records) {
    if (index && rec.anchors && !index.recordAnchors.get(rec)!.some((id) => seen![id] === 1)) continue;
    let lastEnd = -1;
    const hits: FoundSignal[] = [];
    for (const pattern of compiled(rec)) {
      const { re, lower: useLower, anchors } = pattern;
      const full = useLower ? lower : t;
      const chunks = index && anchors ? chunksFor(pattern) : whole;
      for (const chunk of chunks) {
        const subject = chunk === whole[0] ? full : full.slice(chunk.start, chunk.end);
        const offset = chunk === whole[0] ? 0 : chunk.start;
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(subject))) {
          if (m[0].length === 0) {
            re.lastIndex++;
            continue;
          }
          const start = m.index + offset;
          const end = start + m[0].replace(/\s+$/, '').length;
          const si = sentenceAt(idx, start);
          const sStart = Math.min(idx.starts[si]!, start);
          const sEnd = Math.max(idx.ends[si]!, end);
          const sentence = t.slice(sStart, sEnd);
          const at = start - sStart;
          if (rec.unless && rec.unless.test(sentence)) continue;
          if (rec.negatable && !(rec.veiled && VEILED.test(sentence.slice(Math.max(0, at - 60), at))) && isNegated(sentence, at)) continue;
          if (rec.check && !rec.check({ text: t.slice(start, end), sentence, at, match: m })) continue;
          hits.push({ id: rec.id, label: rec.label, category: rec.category, feature: rec.feature ?? rec.category, start, end, text: text.slice(start, end) });
        }
      }
    }
    if (hits.length > 1) hits.sort((a, b) => a.start - b.start || b.end - a.end);
    for (const h of hits) {
      if (h.start < lastEnd) continue;
      out.push(h);
      lastEnd = h.end;
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Every model feature a signal can feed, in a stable order. */
export const SIGNAL_FEATURES: string[] = [...new Set(SIGNALS.map((r) => r.feature ?? r.category))];

/** Label for a signal feature, for the evidence list. */
export function signalFeatureLabel(feature: string): string {
  const labels: Record<string, string> = {
    'repeat-contact': 'Has written before / still not fixed',
    'broken-promise': 'A promise was not kept',
    'elapsed-time': 'Has been waiting a long time',
    'churn-threat': 'Threatens to leave or cancel',
    'legal-threat': 'Chargeback or legal threat',
    'public-review': 'Threatens a public review',
    'escalation-demand': 'Asks for a manager / escalation',
    bounced: 'Passed between teams',
    sarcasm: 'Sarcasm',
    'controlled-formality': 'Formal, controlled pressure',
    disappointment: 'Says they are disappointed',
    trust: 'Says they have lost trust',
    'time-pressure': 'Urgency or a deadline',
    'anger-profanity': 'Swearing',
    'anger-insult': 'Insults or contempt',
    'anger-caps': 'Shouting in capitals',
    'anger-punct': 'Stacked !!! or ?!',
  };
  return labels[feature] ?? feature;
}
