// Respond: fix the problem first, explain why after. A draft that opens with reasons (volume, staff,
// policy, the system) before it acknowledges or acts reads as an excuse, however true.
import { ACKNOWLEDGES, COMPLETED_FIX } from '../cues';
import { fill } from '../slots';
import { firstMatch, sentenceHit, type Pattern, type Rule } from '../rule';
import { docsOf } from './docs';

const EXCUSES: Pattern[] = [
  {
    kind: 'volume',
    re: /\b(?:(?:high|heavy|unusual(?:ly high)?|increased|large|huge|record|overwhelming|unprecedented|higher than (?:usual|normal)|exceptional(?:ly high)?) (?:volumes?|numbers?|amounts?|levels?|demand)|busy (?:period|season|time|week|month)|(?:spike|surge|rush) in (?:\w+ )?(?:tickets|emails|calls|orders|demand|contacts|requests|messages|enquiries|inquiries|queries)|backlog|(?:we are|we're|we have been|we've been|it's been|it has been|things have been|things are) (?:very |extremely |really |incredibly |so )?(?:busy|swamped|inundated|overwhelmed|flooded|hectic)|influx|peak (?:season|period|time))\b/i,
  },
  {
    kind: 'staff',
    re: /\b(?:short[- ]staffed|understaffed|staff(?:ing)? (?:shortages?|issues|levels|sickness|illness)|(?:team|colleague|staff|people|agents?|half the team) (?:is|are|was|were|has been|have been) (?:off|out|on (?:holiday|vacation|leave)|sick|away|off sick)|holiday (?:period|season)|(?:we|the office) (?:are|were|was) closed|as (?:a|such a) small (?:team|company|business|shop)|(?:we're|we are) (?:only )?a small (?:team|company|business)|only (?:have )?(?:one|two|three|a few|a couple of|a handful of) (?:people|agents|of us|staff|team members)|(?:replies|responses|tickets|emails) (?:are|have been) (?:slower|taking longer|delayed|backed up))\b/i,
  },
  {
    kind: 'policy',
    re: /\b(?:(?:our|company|the|store|shop) polic(?:y|ies)|per (?:our |company )?policy|according to (?:our|the) (?:policy|policies|terms|t&cs|terms and conditions)|as per (?:our |the )?(?:terms|policy|procedure|process)|our (?:terms|procedures?|process|rules) (?:state|states|say|says|require|requires)|(?:due to|for) (?:security|compliance|data protection|gdpr|legal) (?:reasons|purposes)|our system (?:doesn't|does not|won't|will not|can't|cannot) (?:allow|let))\b/i,
  },
  {
    kind: 'reason',
    re: /\b(?:(?:system|software|platform|website|site|app) (?:upgrades?|migrations?|outages?|issues?|problems?|glitch(?:es)?|maintenance|updates?|changes?)|(?:system|software|platform|website|site|app|servers?) (?:was|were|went|has been|had been) down|technical (?:issues|difficulties|problems)|(?:we(?:'ve| have)|we're|we are) (?:been )?(?:experiencing|having) (?:some |a few |a number of )?(?:issues|problems|difficulties|delays)|(?:due to|because of|owing to|as a result of) (?!(?:arrive|be|ship|land|reach|expire|start|go)\b)|unfortunately,? (?:as|because|due)|(?:moved|switched|changed|migrated|upgraded) (?:over )?to a new (?:\w+ )?(?:system|platform|provider|supplier|warehouse|courier|software)|(?:some|several|a number of|many|a few) (?:accounts|customers|orders|users|invoices) (?:were|have been|are|got) (?:affected|impacted|caught up))/i,
  },
];

/** Acknowledges or already acts: "I'm sorry", "I've refunded", "I'm looking at it now", "Let me fix this". */
const ACTS = /\b(?:(?:i'm|i am|i've|i have|i'll|i will|let me|we've|we have)\s+(?:just\s+|already\s+|now\s+)?(?:looking|look|looked|checked|checking|check|fix|fixing|fixed|sort|sorting|sorted|refund|refunding|chased|chasing|called|calling|raised|escalat\w*|taking|take|arranged|arranging|booked|booking|issued|issuing|processed|processing|put|putting|found|reset|replaced|sending|sent you|pushed|added|cancell?ed|credited|restored|unlocked|resent|moved|updated|changed|completed|approved))/i;

const OWNED = /\b(?:on our (?:side|end)|our (?:mistake|fault|error|bug)|(?:we|i) (?:made|got (?:it|this|that) wrong)|(?:a|the) (?:mistake|error|bug) (?:on our|of ours))\b/i;

/** Openers that neither excuse nor acknowledge: the rule reads past them. */
const NEUTRAL = /^(?:thanks?|thank you)\b(?!.*\b(?:due to|because|volume|policy)\b)|^i hope\b|^(?:hi|hello)\b/i;

export const excuseFirst: Rule = {
  id: 'excuse-first',
  step: 'respond',
  severity: 'warn',
  docs: docsOf('excuse-first'),
  match: ({ view }) => {
    // The opening: up to three sentences, until one acknowledges or acts.
    for (const s of view.body.slice(0, 3)) {
      const ack = ACKNOWLEDGES.exec(s.norm) ?? ACTS.exec(s.norm) ?? COMPLETED_FIX.exec(s.norm);
      const excuse = firstMatch(s, EXCUSES);
      // The kind is the most specific reason named ("due to high volume" is about volume).
      const kind = EXCUSES.find((p) => p.re.test(s.norm))?.kind;
      // A reason that owns the fault ("a bug on our side") is not an excuse.
      const owned = kind === 'reason' && OWNED.test(s.norm);
      if (excuse && kind && !owned && (!ack || excuse.match.index < ack.index)) return [sentenceHit(s, kind)];
      if (ack) return [];
      if (!NEUTRAL.test(s.norm) && s.norm.split(/\s+/).length > 12) return [];
    }
    return [];
  },
  message: (hit) =>
    hit.kind === 'policy'
      ? 'Opens with policy before acknowledging the problem. Say what you can do first; explain the rule after.'
      : `Opens with reasons (${hit.kind === 'volume' ? 'how busy we are' : hit.kind === 'staff' ? 'staffing' : 'what went wrong internally'}) before acknowledging or fixing. Fix first, explain after.`,
  suggest: (hit, { slots, view }) => {
    if (hit.kind === 'policy') return fill("I'm sorry about this[, {name}]. Here's what I can do for you right now, and then I'll explain the rule behind it.", slots);
    const sorry = hit.kind === 'reason' ? "I'm sorry about this[, {name}]." : "I'm sorry you've been kept waiting[, {name}].";
    // The draft goes on to say what was fixed: the apology is all this opening needs, and the reasons can follow the fix.
    if (view.body.some((s) => s.start >= hit.end && COMPLETED_FIX.test(s.norm))) return fill(sorry, slots);
    return fill(`${sorry} ${hit.kind === 'reason' ? "I'm fixing [{ref}|it] now, and I'll explain what went wrong once it's sorted." : "I'm looking at [{ref}|this] right now."}`, slots);
  },
  examples: {
    fires: [
      "As a small team, we can only process cancellations on weekdays, which is why yours didn't go through. I've cancelled it now.",
      'Due to unusually high volumes, responses are taking longer than normal. Sorry for the wait.',
      'We are currently short-staffed, so replies are slow.',
      'Per our policy, refunds take 10 working days to process.',
      "We've been experiencing technical issues this week, which is why your order didn't go out.",
      'Thank you for contacting us. Due to the holiday period, our warehouse was closed.',
      "Before I get into it, I should explain that we had a huge spike in tickets this week and our system was down. I've refunded the charge.",
    ],
    quiet: [
      "I've pushed your completion through manually — it hadn't synced because of a grading delay — and the certificate will appear within the hour.",
      "I'm sorry for the wait — we've had unusually high volume this week, but that's no excuse.",
      "I've refunded the charge. It happened because of a billing system update, and I'm sorry.",
      'Thanks for your patience. I have checked your order and it leaves the warehouse today.',
      'Your parcel is due to arrive on Thursday.',
      "I've refunded the charge. We had a huge spike in tickets this week and our system was down, which is why it took so long.",
    ],
  },
};
