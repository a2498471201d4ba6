// Listen and be human: no "calm down", no "as I already explained", no "obviously", no "per policy
// there is nothing I can do". Each finding comes with the sentence rewritten, not a "rephrase this".
import { fill } from '../slots';
import { firstMatch, sentenceHit, type Hit, type Pattern, type Rule } from '../rule';
import { caseLike, negatedNear, offersActionAfter, swapIn } from './helpers';
import type { Sentence } from '../text';
import { docsOf } from './docs';

/** The rep goes on to ask to hear more: "... could you tell me what's wrong?" */
function asksToHearMore(s: Sentence, m: RegExpExecArray): boolean {
  return /\b(?:(?:could|can|would) you (?:tell|let|explain|help)|let me know|help me understand)\b/i.test(s.norm.slice(m.index + m[0].length));
}

/** The rep does something in the sentence: "there's nothing to worry about: I've already refunded it". */
const REP_ACTS = /\b(?:i|we)(?:'ve| have|'ll| will|'m| am|'re| are)\s+(?:already |just |now |also )?(?:refunded|sent|booked|fixed|cancell?ed|blocked|credited|arranged|raised|escalated|checked|processed|issued|applied|waived|removed|reversed|replaced|rebooked|looking|checking|sending|booking|arranging|call|send|book|check|refund|arrange|fix|look|waive|replace)\b/i;

/** "it only takes a minute", "just takes a few clicks": the `simple` pattern, and the part its rewrite drops. */
const TAKES_A_MINUTE = String.raw`(?:only|just) takes (?:a (?:minute|second|moment|few (?:minutes|seconds|clicks))|(?:a )?(?:couple of|few) (?:minutes|seconds|clicks)|seconds)`;

// Ways of playing the customer's problem down (the minimise pattern below): one family a line, with the words it catches.
const MINIMISING = [
  String.raw`(?:try not to|don't|do not) (?:panic|stress|get (?:so )?worked up)`, // try not to panic
  String.raw`(?:it's|that's|this is|it is) (?:probably|likely|almost certainly|most likely) nothing\b`, // it's probably nothing
  String.raw`(?:keep|put) (?:it|this|things|that) (?:in|into) perspective`, // let's keep it in perspective
  String.raw`(?:people|customers|users|patients|everyone|folks) (?:\w+ )?(?:get|gets|getting) (?:\w+ )?(?:worked up|upset|worried|stressed|anxious|panicked) (?:about|over) (?:these|this|that|it|things)`, // people get worked up about these
  String.raw`(?:isn't|aren't|is not|are not|wasn't) (?:usually |really |normally |generally |typically )?(?:anything|something) (?:to worry about|(?:that )?(?:should|you should|you need to|to) be (?:a )?(?:concern|worry|worried about))`, // aren't usually anything to worry about
  String.raw`(?:is|are) (?:usually |normally |generally |really )?nothing to worry about`, // is nothing to worry about
  String.raw`(?:these things|such things|this (?:sort|kind) of thing|things like this) (?:do )?happen`, // these things happen
  // missed callbacks do happen (and …) — not "refunds do happen automatically once …" (how a thing works)
  String.raw`\w+s do happen(?=\s*(?:[.,;:!]|$|and\b|but\b|sometimes|from time to time|occasionally|now and (?:then|again)|I'm afraid))`,
  String.raw`(?:completely|perfectly|totally|fairly|pretty|quite|entirely) (?:normal|common|standard|usual) (?:for|in|at|with|on)\b(?! (?:\w+ ){1,4}to\b)`, // fairly normal in a busy area
  String.raw`(?:standard|normal|common) (?:across|in|throughout) the industry`, // standard across the industry
  String.raw`not really (?:a|an) (?:fault|problem|issue|big deal)`, // not really a fault
  String.raw`(?:a|an) (?:fault|problem|issue) as such`, // a problem as such
  String.raw`(?:it's|it is|that's|this is|it was) (?:only |just |quite |fairly |really |very |such |a very )+(?:a )?(?:small|minor|tiny|little|slight) (?:mark|scratch|dent|chip|stain|delay|difference|amount|fee|charge|issue|problem|thing|glitch|blip|fault|inconvenience)\b`, // it's quite a small mark
  String.raw`you'll (?:soon )?get (?:the hang of it|used to it)`, // you'll get the hang of it
  String.raw`(?:plenty of|most|lots of|many|the (?:vast )?majority of|other) (?:users|customers|people|patients|members|clients|callers) (?:\w+ )?(?:manage|cope|get by|end up preferring|have no (?:trouble|problem)|don't have (?:any )?(?:trouble|problems))`, // plenty of patients manage it
  String.raw`(?:be|being) (?:a (?:little |bit )*)?more patient`, // being a little more patient
  String.raw`please be patient`, // please be patient
].join('|');

const PATTERNS: Pattern[] = [
  // "Please calm down." / "There's no need to shout." / "There's no need to use that tone with me." / "You're overreacting."
  {
    kind: 'tone',
    re: /\b(?:(?:please |just |now )?(?:calm down|settle down)|(?:^|please |just |so )relax\b|(?:there's |there is )?no need (?:to (?:get |be )?(?:upset|angry|rude|shout|aggressive|worked up)|to (?:use|take) (?:that|this|such a) tone|for (?:that|this) tone)(?: with (?:me|us))?|(?:please )?(?:don't|do not) (?:use|take) (?:that|this) tone(?: with (?:me|us))?|there's no need for (?:that|this|rudeness)|(?:please )?(?:don't|do not|stop) (?:shout|shouting|yelling|swearing)|(?:you're|you are) (?:overreacting|being (?:rude|unreasonable|dramatic))|watch your (?:tone|language)|lower your tone|don't (?:be|get) (?:so )?(?:upset|worked up|emotional))/i,
  },
  // "I'm not sure why you're upset." / "I don't see why you're so angry." — questions the feeling instead of hearing it;
  // not when the rep asks to hear more ("I'm not sure why you're unhappy with the repair: could you tell me?").
  {
    kind: 'feelings',
    when: /\bwhy\b|\bno reason\b/i,
    re: /\b(?:(?:i'm|i am) not sure why|i (?:don't|do not|can't|cannot) (?:see|understand) why|i don't know why|(?:there's|there is) no reason (?:for you )?to be) (?:you(?:'re| are| were| would be| got)? )?(?:so |this |that |getting )?(?:upset|angry|annoyed|frustrated|unhappy|cross|complaining|worked up|bothered)\b/i,
    confirm: (s, m) => !asksToHearMore(s, m),
  },
  // "I'm not sure what you expected from the call." / "I can't see what the problem is." — same doubt, other words.
  {
    kind: 'feelings',
    when: /\bwhat\b/i,
    re: /\b(?:(?:i'm|i am) not sure what (?:(?:else )?you (?:expected|were expecting|want(?:ed)? (?:us|me) to do))|i (?:can't|cannot|don't|do not|fail to) see what the (?:problem|issue|fuss|big deal) (?:is|was))\b/i,
    confirm: (s, m) => !asksToHearMore(s, m),
  },
  // "As I already explained, ..." / "As previously stated ..." / "For the third time, ..."
  {
    kind: 'repeat',
    re: /\b(?:as (?:i|we) (?:have )?(?:already |previously |clearly )?(?:explained|said|stated|mentioned|told you|noted|advised|pointed out)(?: (?:before|previously|earlier|already|in my (?:last|previous) (?:email|message|reply)))?|as (?:previously|already) (?:explained|stated|mentioned|advised|said)|as (?:mentioned|explained|stated|noted|advised|said|discussed) (?:before|previously|earlier|above|(?:in|on) (?:my|our|the) (?:previous|last|earlier|prior|first) (?:email|message|reply|response|call|letter))|as stated (?:above|below|before|previously|in my (?:last|previous) (?:email|message))|like i (?:said|told you)(?: before| earlier| already| previously)?|(?:as )?per my (?:last |previous |earlier |colleague's |colleague’s )?(?:email|message|reply|response|note|letter)(?: (?:on|from|of) (?:the )?(?:\d{1,2}(?:st|nd|rd|th)?|\w+day))?|as (?:mentioned|explained|stated|noted|advised|said|discussed) (?:in|on) (?:my|our) (?:\w+ )?(?:email|message|reply|response|call|letter)(?: (?:on|from|of) (?:the )?(?:\d{1,2}(?:st|nd|rd|th)?|\w+day))?|(?:i've|i have|we've|we have) already (?:explained|told you|said|answered)(?: this| that)?|(?:i've|i have|we've|we have) (?:explained|told you|said|answered)(?: this| that| it)? (?:before|previously|twice|several times|more than once|repeatedly|(?:two|three|four|five|many) times)(?: now)?|i (?:have )?already told you|for the (?:last|second|third|fourth|fifth|hundredth) time|to (?:clarify|explain|repeat|reiterate) (?:once more|once again|again)|(?:i can see |it seems |it looks like )?there(?:'s| has) been (?:some |a (?:bit of a |little )?)?(?:confusion|misunderstanding) (?:here|on your (?:end|side|part)))\b[,:]?/i,
  },
  // "If you follow the steps I sent previously it should work." — the rewrite drops "previously".
  {
    kind: 'repeat',
    when: /\b(?:previously|before|earlier|already|last time)\b/i,
    re: /(?<=\b(?:the|those|these|my) (?:steps|instructions|link|details|information|guide|answer) (?:i|we) (?:sent|gave|emailed|explained)(?: you)?) (?:previously|before|earlier|already|last time)\b/i,
    // not the rep owning that the earlier answer was wrong: "The steps I sent earlier were wrong, I'm sorry."
    confirm: (s) => !/\b(?:wrong|incorrect|out of date|outdated|mistaken|a mistake|my mistake|didn't work|did not work|sorry|apologi[sz]e)\b/i.test(s.norm),
  },
  // "Obviously the update will fix it." — not "Obviously this isn't good enough".
  {
    kind: 'obvious',
    re: /\b(?:obviously|clearly,? you|surely you|as anyone (?:can|could) see)\b,?/i,
    confirm: (s, m) => !/^[\s,]*(?:this|that|it)(?:'s| is| isn't| wasn't| was)?\s+(?:not |been )?(?:frustrating|good enough|not good enough|unacceptable|disappointing|upsetting|stressful|the last thing|our (?:mistake|fault)|on us|not ok|not okay|awful)/i.test(s.norm.slice(m.index + m[0].length)),
  },
  // "With respect, the fee is correct." / "..., as I'm sure you'll appreciate." — talks down; the rewrite drops it.
  {
    kind: 'condescending',
    when: /\b(?:respect|sure you)\b/i,
    // "with respect" only as an opener ("treat your data with respect" is fine); "I'm sure you can appreciate that ..."
    re: /(?<=^|\b(?:but|however),?\s+)with (?:all due |the greatest |the utmost )?respect\b(?! (?:to|for|of)\b),?|(?:,\s*)?\bas i'm sure you(?: can| will|'ll| would)? (?:appreciate|understand|know|agree|realise|realize)\b,?|\bi'm sure you(?: can| will|'ll| would)? (?:appreciate|understand) (?:that|why)\b/i,
  },
  // "You should have read the terms." / "As you should know, ..." / "Did you even read the FAQ?"
  {
    kind: 'lecture',
    re: /\b(?:you (?:should|could|ought to)(?: have|'ve) (?:known|read|seen|checked|noticed|realised|realized|looked|paid attention)|as you (?:should|must|would|ought to) (?:know|be aware|have seen|have read|understand)|if you had (?:read|checked|looked)|(?:did|have) you (?:even )?(?:read|check|look at|bother)|(?:read|check|see) (?:the|our) (?:faq|manual|terms|instructions|help (?:centre|center|page|article)) (?:first|before (?:contacting|writing|emailing))|(?:it's|it is|this is) (?:all )?(?:clearly )?(?:explained|stated|written) in (?:the|our)|you (?:need|have|ought) to understand)\b/i,
  },
  // "This is all covered in our help centre article." / "The guide plainly says to back up first." /
  // "It's part of the terms you agreed to when you signed up." / "Have you actually checked your spam folder?" /
  // "It resolves most questions when it's used correctly." — not "it's covered in our returns policy, so I've sent you a label".
  {
    kind: 'lecture',
    re: /\b(?:(?:it's|it is|this is|that's|that is|this was|it was) (?:all |clearly |also |already )*(?:covered|set out|described|detailed|mentioned|listed|explained|stated|written) in (?:the|our) (?:\w+ ){0,2}(?:description|terms|t&cs|guide|faq|manual|article|help (?:centre|center|page)|instructions|page|policy|contract|agreement|documentation|docs)|(?:the|our) (?:guide|instructions|manual|terms|t&cs|description|faq|help (?:centre|center) article|article|page|contract|policy|documentation|docs) (?:plainly|clearly|explicitly) (?:says|states|explains|shows|tells you|mentions|said|stated)|(?:terms|t&cs|conditions|contract|policy|agreement) (?:that )?you (?:agreed to|accepted|signed)|you (?:agreed to|accepted) (?:this|these|the terms|our terms|them|it) when you|(?:did|have) you (?:even|actually|really) (?:read|check(?:ed)?|look(?:ed)? at|tr(?:y|ied)|bother(?:ed)?)|(?:when|if|as long as) (?:it's|it is|they're|they are) used (?:correctly|properly|right|as intended))\b/i,
    confirm: (s, m) => !REP_ACTS.test(s.norm.slice(m.index + m[0].length)),
  },
  // "Per our policy there is nothing I can do." / "It is what it is." — not "I can't change the fee, but I can ..."
  {
    kind: 'no-options',
    re: /\b(?:(?:there's|there is|there isn't|there is not) (?:really )?(?:nothing|anything) (?:more |else |further )?(?:i|we) (?:can|could) do|(?:i|we) (?:can't|cannot|can not) do anything(?: more| else)?|nothing (?:more |else )?(?:i|we) can do|(?:that's|that is|it's|it is) (?:just )?(?:our|the|company) policy|(?:that's|this is|that is) (?:just )?how (?:it is|it works|things are)|it is what it is|rules are rules|not (?:my|our) problem|i don't know what (?:else|more) to tell you|take it or leave it|(?:the|our|this) decision is final|end of (?:discussion|story))\b/i,
    confirm: (s, m) => !offersActionAfter(s, m.index + m[0].length),
  },
  // "The change is final." / "I'm afraid there's no flexibility on this." / "The fee applies in all cases." /
  // "The security rules are there for a reason." / "We won't be compensating for this." — not "..., but I can ...".
  {
    kind: 'no-options',
    when: /\b(?:final|flexibility|leeway|wiggle|exceptions?|all cases|reason|won't|will not)\b/i,
    re: /\b(?:(?:the|this|that|our|my) (?:decision|change|charge|fee|answer|outcome|price|cancellation|booking|sale) is (?:final|non-negotiable)|(?:and )?that's final|(?:there's|there is|we have|i have) (?:no|zero) (?:flexibility|leeway|wiggle room|discretion|room for manoeuvre|room to manoeuvre)|(?:applies|apply|is charged|are charged) in all cases|(?:the )?(?:\w+ )?(?:rules|policies|policy|terms|checks|limits|procedures) (?:are|is) (?:there|in place) for a reason|(?:we|i) (?:won't|will not) be (?:compensating|refunding|reimbursing|offering (?:any|a) (?:compensation|refund|goodwill)))\b/i,
    confirm: (s, m) => !offersActionAfter(s, m.index + m[0].length),
  },
  // "I'd ask that you allow that period to pass before contacting us again." / "There's no benefit in chasing it." /
  // "... well worth a read before reaching out next time." — tells the customer not to write; not "no need to chase, I'll call you".
  {
    kind: 'brush-off',
    when: /\b(?:again|next time|chasing|chase|pass|elapse|stop|refrain)\b/i,
    re: /\b(?:no (?:benefit|point|use) (?:in |to )?(?:chasing|chase|contacting us|calling|ringing|emailing|following up)|before (?:reaching out|contacting us|contacting|chasing|getting in touch|writing in|writing|emailing|calling|ringing)(?: us)? (?:again|next time)|(?:allow|wait for) (?:that|this|the) (?:period|time|timeframe|time frame) to (?:pass|elapse)|(?:please )?(?:stop|refrain from) (?:chasing|contacting us|emailing us|calling us))\b/i,
  },
  // Playing it down: "Try not to panic, it's probably nothing." / "Let's keep it in perspective." / "Six weeks is
  // completely normal." / "Missed callbacks do happen and aren't usually anything to worry about." / "It's quite a
  // small mark." / "Plenty of patients manage it that way." / "I'm sure you'll get the hang of it." / "I'd suggest
  // being a little more patient." — not "it's normal for the charge to show as pending" (an explanation),
  // "it's completely normal to feel frustrated", or reassurance the rep backs with action.
  {
    kind: 'minimise',
    re: new RegExp(`\\b(?:${MINIMISING})`, 'i'),
    confirm: (s, m) => !negatedNear(s, m.index, m.index + m[0].length, 2, false) && !REP_ACTS.test(s.norm),
  },
  // "All you need to do is restart it." / "It's very simple."
  {
    kind: 'simple',
    re: new RegExp(String.raw`\b(?:all you (?:need|have) to do is|(?:it's|it is|this is) (?:really |very |quite |pretty )?(?:simple|easy|straightforward)(?=[.!,:;]| really| enough| to)|it's not (?:that )?(?:hard|difficult|complicated)|${TAKES_A_MINUTE}|(?:pretty |really |very |quite )?basic stuff|(?:it's|that's|this is) (?:pretty |really |very |quite )basic)\b`, 'i'),
    // "it only takes a minute" about the customer's own steps ("you just copy it"), not "the refund only takes a few minutes to show"
    confirm: (s, m) =>
      !negatedNear(s, m.index, m.index + m[0].length, 2, false) &&
      (!/takes/i.test(m[0]) || /\byou (?:just|simply|only)\b|(?:^|[,;:]\s*)(?:just|simply) [a-z]+/i.test(s.norm)),
  },
];

const REWRITES: Record<string, string> = {
  tone: "I can hear how frustrating this has been[, {name}], and I want to put it right.",
  feelings: "I can see why this is frustrating[, {name}]. Let me explain what happened, and what I can do to help.",
  lecture: "That's easy to miss, so let me walk you through it.",
  'no-options': "I can't change that myself, but here's what I can do: I'll look for another way to sort this and update you {time}.",
  simple: "Here's the quickest way to do it, step by step.",
  'brush-off': "I know you've been waiting[, {name}], and you shouldn't have to chase us. I'm checking where this is and I'll update you {time}.",
  minimise: "I can see why this matters to you[, {name}], and I'm taking it seriously. I'll look into it properly and update you {time}.",
};

/** "As I already explained, the refund takes five days." → "To recap, the refund takes five days." */
function dropPhrase(s: Sentence, from: number, to: number, atStart: string): string {
  const rewritten = swapIn(s, from, to, from === 0 ? atStart : '');
  return rewritten.split(/\s+/).length < 3 ? "Let me put that more clearly." : rewritten;
}

/** "Relax, your money is safe." → "I understand why you're worried. Your money is safe." */
function withoutTone(s: Sentence, m: RegExpExecArray): string | undefined {
  const rest = swapIn(s, m.index, m.index + m[0].length, '').replace(/^[\s,]+/, '');
  if (rest.split(/\s+/).length < 3) return undefined;
  return `I understand why you're worried. ${caseLike(rest, true)}`;
}

/** "It's really simple: all you need to do is log out." → "The quickest fix is to log out." */
function justTheSteps(s: Sentence): string | undefined {
  const text = s.text
    .replace(/\b(?:it's|it is|this is) (?:really |very |quite |pretty )?(?:simple|easy|straightforward)(?: really| enough)?\s*[:;,.!-]*\s*/i, '')
    .replace(/\ball you (?:need|have) to do is\b/i, 'the quickest fix is to')
    .replace(/\bit's not (?:that )?(?:hard|difficult|complicated)\s*[:;,.!-]*\s*/i, '')
    // "Resetting it only takes a minute: just hold the button." → "Hold the button."
    .replace(new RegExp(String.raw`^[^.!?]*?\b${TAKES_A_MINUTE}(?: or so)?\s*[:;,.!-]*\s*(?:(?:you )?(?:just|simply) )?`, 'i'), '')
    .trim();
  // Nothing dropped ("it only takes a minute"): the fixed rewrite, not the same words back.
  return text !== s.text.trim() && text.split(/\s+/).length >= 3 ? caseLike(text, true) : undefined;
}

export const dismissive: Rule = {
  id: 'dismissive',
  step: 'listen',
  severity: 'warn',
  docs: docsOf('dismissive'),
  match: ({ view, slots }) => {
    const hits: Hit[] = [];
    for (const s of view.body) {
      const found = firstMatch(s, PATTERNS);
      if (!found) continue;
      const { pattern, match } = found;
      const hit = sentenceHit(s, pattern.kind);
      if (pattern.kind === 'tone') hit.rewrite = withoutTone(s, match) ?? fill(REWRITES.tone!, slots);
      else if (pattern.kind === 'repeat') hit.rewrite = dropPhrase(s, match.index, match.index + match[0].length, 'To recap,');
      else if (pattern.kind === 'obvious' || pattern.kind === 'condescending') hit.rewrite = dropPhrase(s, match.index, match.index + match[0].length, '');
      else if (pattern.kind === 'simple') hit.rewrite = justTheSteps(s) ?? fill(REWRITES.simple!, slots);
      else hit.rewrite = fill(REWRITES[pattern.kind]!, slots);
      hits.push(hit);
    }
    return hits;
  },
  message: (hit) =>
    ({
      tone: 'Tells the customer how to feel. Acknowledge the frustration instead.',
      feelings: 'Questions whether the customer has reason to be upset. Acknowledge how they feel instead.',
      repeat: 'Reminds them you already explained: it reads as impatience. Just explain again, more clearly.',
      obvious: '"Obviously" implies they should have known. Leave it out.',
      condescending: 'Talks down to the customer. Leave it out.',
      'brush-off': 'Discourages the customer from getting in touch. Say when you will update them instead.',
      minimise: "Plays down the customer's problem. Take it seriously, even if it turns out to be small.",
      lecture: 'Lectures the customer about what they should have done.',
      'no-options': 'Shuts the door. Say what you can do, even if you cannot do what they asked.',
      simple: 'Calling it simple makes the customer feel slow. Just give the steps.',
    })[hit.kind] ?? 'Sounds dismissive.',
  suggest: (hit) => hit.rewrite!,
  examples: {
    fires: [
      "I can see there's been some confusion here. To clarify once more: the code only applies to full-price items.",
      'Please calm down, we are looking into it.',
      'As I already explained, the refund takes five working days.',
      'Obviously the update needs to be installed first.',
      'You should have read the terms before ordering.',
      'Per our policy there is nothing I can do.',
      "It's very simple, just restart the router.",
      "I'm not sure why you're upset, this is standard procedure.",
      "There's no need to use that tone with me.",
      'As per my last email, the refund was sent on Monday.',
      'With respect, the charge is correct.',
      "There's no point chasing this.",
      "Try not to stress, it's probably nothing.",
      "It's all set out in our terms.",
    ],
    quiet: [
      "I can hear how frustrating this has been, and I'm sorry.",
      'To recap, the refund takes five working days, and I will confirm when it lands.',
      "Obviously this isn't good enough, and I'm sorry.",
      "I can't change the fee, but I can waive the delivery charge for you today.",
      'You should have received a confirmation email this morning.',
      "I understand why you're upset, and I'm sorry.",
      "I'm not sure why you were charged twice, but I'll find out and tell you by 3pm.",
      "I'm not sure why you're unhappy with the repair: could you tell me what's wrong?",
      "There's no need to apologise, it happens!",
      "There's no need to chase: I'll call you at 3pm.",
      "It's completely normal for the pending charge to drop off within five days.",
      "We treat your data with respect, and I've deleted the old copy.",
      'The refund only takes a few minutes to show on your statement.',
    ],
  },
};
