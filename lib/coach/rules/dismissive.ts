// Listen and be human: no "calm down", no "as I already explained", no "obviously", no "per policy
// there is nothing I can do". Each finding comes with the sentence rewritten, not a "rephrase this".
import { fill } from '../slots';
import { firstMatch, sentenceHit, type Hit, type Pattern, type Rule } from '../rule';
import { caseLike, negatedNear, offersActionAfter, swapIn } from './helpers';
import type { Sentence } from '../text';
import { docsOf } from './docs';

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
    confirm: (s, m) => !/\b(?:(?:could|can|would) you (?:tell|let|explain|help)|let me know|help me understand)\b/i.test(s.norm.slice(m.index + m[0].length)),
  },
  // "As I already explained, ..." / "As previously stated ..." / "For the third time, ..."
  {
    kind: 'repeat',
    re: /\b(?:as (?:i|we) (?:have )?(?:already |previously |clearly )?(?:explained|said|stated|mentioned|told you|noted|advised|pointed out)(?: (?:before|previously|earlier|already|in my (?:last|previous) (?:email|message|reply)))?|as (?:previously|already) (?:explained|stated|mentioned|advised|said)|as (?:mentioned|explained|stated|noted|advised|said|discussed) (?:before|previously|earlier|above|(?:in|on) (?:my|our|the) (?:previous|last|earlier|prior|first) (?:email|message|reply|response|call|letter))|as stated (?:above|below|before|previously|in my (?:last|previous) (?:email|message))|like i (?:said|told you)(?: before| earlier| already| previously)?|(?:i've|i have|we've|we have) already (?:explained|told you|said|answered)(?: this| that)?|(?:i've|i have|we've|we have) (?:explained|told you|said|answered)(?: this| that| it)? (?:before|previously|twice|several times|more than once|repeatedly|(?:two|three|four|five|many) times)(?: now)?|i (?:have )?already told you|for the (?:last|second|third|fourth|fifth|hundredth) time|to (?:clarify|explain|repeat|reiterate) (?:once more|once again|again)|(?:i can see |it seems |it looks like )?there(?:'s| has) been (?:some |a (?:bit of a |little )?)?(?:confusion|misunderstanding) (?:here|on your (?:end|side|part)))\b[,:]?/i,
  },
  // "Obviously the update will fix it." — not "Obviously this isn't good enough".
  {
    kind: 'obvious',
    re: /\b(?:obviously|clearly,? you|surely you|as anyone (?:can|could) see)\b,?/i,
    confirm: (s, m) => !/^[\s,]*(?:this|that|it)(?:'s| is| isn't| wasn't| was)?\s+(?:not |been )?(?:frustrating|good enough|not good enough|unacceptable|disappointing|upsetting|stressful|the last thing|our (?:mistake|fault)|on us|not ok|not okay|awful)/i.test(s.norm.slice(m.index + m[0].length)),
  },
  // "You should have read the terms." / "As you should know, ..." / "Did you even read the FAQ?"
  {
    kind: 'lecture',
    re: /\b(?:you (?:should|could|ought to)(?: have|'ve) (?:known|read|seen|checked|noticed|realised|realized|looked|paid attention)|as you (?:should|must|would|ought to) (?:know|be aware|have seen|have read|understand)|if you had (?:read|checked|looked)|(?:did|have) you (?:even )?(?:read|check|look at|bother)|(?:read|check|see) (?:the|our) (?:faq|manual|terms|instructions|help (?:centre|center|page|article)) (?:first|before (?:contacting|writing|emailing))|(?:it's|it is|this is) (?:all )?(?:clearly )?(?:explained|stated|written) in (?:the|our)|you (?:need|have|ought) to understand)\b/i,
  },
  // "Per our policy there is nothing I can do." / "It is what it is." — not "I can't change the fee, but I can ..."
  {
    kind: 'no-options',
    re: /\b(?:(?:there's|there is|there isn't|there is not) (?:really )?(?:nothing|anything) (?:more |else |further )?(?:i|we) (?:can|could) do|(?:i|we) (?:can't|cannot|can not) do anything(?: more| else)?|nothing (?:more |else )?(?:i|we) can do|(?:that's|that is|it's|it is) (?:just )?(?:our|the|company) policy|(?:that's|this is|that is) (?:just )?how (?:it is|it works|things are)|it is what it is|rules are rules|not (?:my|our) problem|i don't know what (?:else|more) to tell you|take it or leave it|(?:the|our|this) decision is final|end of (?:discussion|story))\b/i,
    confirm: (s, m) => !offersActionAfter(s, m.index + m[0].length),
  },
  // "All you need to do is restart it." / "It's very simple."
  {
    kind: 'simple',
    re: /\b(?:all you (?:need|have) to do is|(?:it's|it is|this is) (?:really |very |quite |pretty )?(?:simple|easy|straightforward)(?=[.!,:;]| really| enough| to)|it's not (?:that )?(?:hard|difficult|complicated))\b/i,
    confirm: (s, m) => !negatedNear(s, m.index, m.index + m[0].length, 2, false),
  },
];

const REWRITES: Record<string, string> = {
  tone: "I can hear how frustrating this has been[, {name}], and I want to put it right.",
  feelings: "I can see why this is frustrating[, {name}]. Let me explain what happened, and what I can do to help.",
  lecture: "That's easy to miss, so let me walk you through it.",
  'no-options': "I can't change that myself, but here's what I can do: I'll look for another way to sort this and update you {time}.",
  simple: "Here's the quickest way to do it, step by step.",
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
    .trim();
  return text.split(/\s+/).length >= 3 ? caseLike(text, true) : undefined;
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
      else if (pattern.kind === 'obvious') hit.rewrite = dropPhrase(s, match.index, match.index + match[0].length, '');
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
    ],
  },
};
