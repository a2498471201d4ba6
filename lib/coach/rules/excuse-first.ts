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
  // "The start of term is always our busiest time." / "Tickets sit longer than we'd like." / "Our transfer partner
  // has had a very difficult week."
  {
    kind: 'volume',
    re: /\b(?:(?:our|the) busiest (?:time|period|season|week|month|day)|(?:take|takes|taking|taken|took|sit|sits|sitting|wait|waiting) (?:a (?:bit|little) |much |far )?longer than (?:usual|normal|expected|we'd like|we would like|it should)|(?:has|have|'ve) had a (?:very |really |particularly |incredibly )?(?:difficult|tough|hard|busy|challenging|hectic) (?:week|few weeks|month|few days|time))\b/i,
  },
  // "Our meter reading team has been cut back this year." / "Our support team is only 4 people." / "Several
  // drivers are off sick." / "Our engineers have been stretched very thin."
  {
    kind: 'staff',
    re: /\b(?:(?:team|staff|department|headcount)s? (?:has|have|was|were) been (?:cut(?: back)?|reduced|halved|stretched)|(?:team|we) (?:is|are) only (?:\d+|one|two|three|four|five|six|a few|a handful of) (?:people|agents|of us|strong|staff)|(?:several|some|many|a few|a number of|two|three|four|half (?:of )?(?:our|the)) (?:\w+ )?(?:drivers|engineers|staff|agents|colleagues|people|team members|members of staff|nurses|doctors|technicians) (?:\w+ )?(?:off sick|out sick|off|on leave|away)|stretched (?:very |really |so |too )?thin)\b/i,
  },
  // How the business works, before what was done: "As a marketplace, we don't hold stock." / "As a small
  // family-run business ..." / "Our billing system automatically sends an invoice after 30 days." / "Late fees
  // are applied automatically by the system." — not "as a business customer" (who they are), "as a thank you", nor
  // what the system did this time ("the system automatically cancelled your order", blame-shifting's business).
  {
    kind: 'process',
    re: /\b(?:as (?:a|an) (?:[\w-]+ ){0,3}(?:team|company|business|shop|marketplace|platform|supplier|retailer|charity|practice|provider|firm|store|start-?up|service|operation)\b(?!\s+(?:customer|account|user|member|client|owner|plan|partner)s?\b)|system (?:automatically |auto-)(?!(?:was|has)\b)\w+s\b|system (?!(?:was|has|is)\b)\w+s (?:[\w-]+ ){0,3}automatically\b|\b(?:is|are|get|gets) (?:automatically [\w-]+|[\w-]+ automatically) by (?:the|our) (?:[\w-]+ )?system\b)/i,
  },
  {
    kind: 'policy',
    re: /\b(?:(?:our|company|the|store|shop) polic(?:y|ies)|per (?:our |company )?policy|according to (?:our|the) (?:policy|policies|terms|t&cs|terms and conditions)|as per (?:our |the )?(?:terms|policy|procedure|process)|our (?:terms|procedures?|process|rules) (?:state|states|say|says|require|requires)|(?:due to|for) (?:security|compliance|data protection|gdpr|legal) (?:reasons|purposes)|our system (?:doesn't|does not|won't|will not|can't|cannot) (?:allow|let)|(?:set out|stated|outlined|laid out|written) in (?:our|the) (?:\w+ )?(?:terms|t&cs|policy|contract|agreement)|the terms (?:that )?you (?:agreed to|accepted|signed))\b/i,
  },
  {
    kind: 'reason',
    re: /\b(?:(?:system|software|platform|website|site|app) (?:upgrades?|migrations?|outages?|issues?|problems?|glitch(?:es)?|maintenance|updates?|changes?)|(?:system|software|platform|website|site|app|servers?) (?:was|were|went|has been|had been) down|technical (?:issues|difficulties|problems)|(?:we(?:'ve| have)|we're|we are) (?:been )?(?:experiencing|having) (?:some |a few |a number of )?(?:issues|problems|difficulties|delays)|(?:due to|because of|owing to|as a result of) (?!(?:arrive|be|ship|land|reach|expire|start|go|your|you)\b)|unfortunately,? (?:as|because|due)|(?:moved|switched|changed|migrated|upgraded) (?:over )?to a new (?:\w+ )?(?:system|platform|provider|supplier|warehouse|courier|software)|(?:some|several|a number of|many|a few) (?:accounts|customers|orders|users|invoices) (?:were|have been|are|got) (?:affected|impacted|caught up))/i,
  },
  // More reasons ahead of the fix: "we've introduced a new timetabling system", "our warehouse moved to a new
  // site", "our hosting provider suffered a major outage ... not just us", "the timescales aren't something we
  // can control", "some users on older iPads are hitting crashes", "..., which is why the port keeps failing".
  {
    kind: 'reason',
    re: new RegExp(
      [
        "\\b(?:introduced|rolled out|brought in|launched|implemented|moved (?:over )?to|switched to|migrated to) a new (?:[\\w-]+ ){0,2}(?:system|platform|provider|supplier|warehouse|site|office|premises|building|location|courier|software|process)\\b",
        "\\b(?:(?:major|big|huge|widespread|nationwide|global|hosting|network|power|cloud) outage|teething (?:problems|issues|troubles)|ironing out|(?:printer|machine|equipment|servers?|van|lorry) (?:broke|had broken|has broken) down)\\b",
        "\\b(?:(?:beyond|outside|out of) our control|out of our hands|(?:not|isn't|aren't|wasn't|weren't) something (?:we|i) (?:can|could) (?:fully |really |always )?control)\\b",
        "\\b(?:(?:it's|it is|it was) not just you|not just us|affect(?:ed|ing|s) (?:thousands|hundreds|lots|many|a lot) of)\\b",
        "\\b(?:some|several|a number of|many|a few|lots of|thousands of|hundreds of) (?:\\w+ )?(?:accounts|customers|orders|users|invoices|people) (?:\\w+ ){0,3}(?:are|were|have been) (?:hitting|seeing|getting|experiencing|having|on)\\b",
        "[,;—–-] (?:which|that) (?:is|was) (?:why|what caused|the reason)\\b",
      ].join('|'),
      'i',
    ),
  },
];

/** Acknowledges or already acts: "I'm sorry", "I've refunded", "I'm looking at it now", "Let me fix this". */
const ACTS = /\b(?:(?:i'm|i am|i've|i have|i'll|i will|let me|we've|we have)\s+(?:just\s+|already\s+|now\s+)?(?:looking|look|looked|checked|checking|check|fix|fixing|fixed|sort|sorting|sorted|refund|refunding|chased|chasing|called|calling|raised|escalat\w*|taking|take|arranged|arranging|booked|booking|issued|issuing|processed|processing|put|putting|found|reset|replaced|sending|sent|pushed|added|cancell?ed|credited|restored|unlocked|resent|moved|updated|changed|completed|approved))/i;

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
      : `Opens with reasons (${hit.kind === 'volume' ? 'how busy we are' : hit.kind === 'staff' ? 'staffing' : hit.kind === 'process' ? 'how things work on our side' : 'what went wrong internally'}) before acknowledging or fixing. Fix first, explain after.`,
  suggest: (hit, { slots, view }) => {
    if (hit.kind === 'policy') return fill("I'm sorry about this[, {name}]. Here's what I can do for you right now, and then I'll explain the rule behind it.", slots);
    const sorry = hit.kind === 'reason' || hit.kind === 'process' ? "I'm sorry about this[, {name}]." : "I'm sorry you've been kept waiting[, {name}].";
    // The draft goes on to say what was fixed: the apology is all this opening needs, and the reasons can follow the fix.
    if (view.body.some((s) => s.start >= hit.end && COMPLETED_FIX.test(s.norm))) return fill(sorry, slots);
    const next =
      hit.kind === 'reason'
        ? "I'm fixing [{ref}|it] now, and I'll explain what went wrong once it's sorted."
        : hit.kind === 'process'
          ? "Here's what I'm doing about [{ref}|it] right now, and then I'll explain how it works on our side."
          : "I'm looking at [{ref}|this] right now.";
    return fill(`${sorry} ${next}`, slots);
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
