// Take ownership: never point at the internet, the ISP, the bank, the courier, another vendor,
// another team or the customer. Grammar decides who is blamed: "the courier lost it" blames,
// "I've chased the courier" owns, "it's not your internet" clears the customer.
import { grammarAt, subjectOf, subjectPhrase, tokenAt, verbFor } from '../grammar';
import { fill } from '../slots';
import { firstMatch, sentenceHit, type Hit, type Pattern, type Rule } from '../rule';
import { isQuestion, negatedNear, offersActionAfter, personAt } from './helpers';
import type { Sentence } from '../text';
import { docsOf } from './docs';

// Named couriers and other companies' products: a reply names them without "the" or "your"
// ("on FedEx's side", "a known issue with Chrome", "a Microsoft problem").
const COURIERS = 'royal mail|usps|ups|fedex|dhl|hermes|evri|dpd';
const PLATFORMS = 'chrome|safari|firefox|google|microsoft|apple|android|ios|macos|outlook|gmail|hotmail|yahoo|icloud';
// Other companies the customer's problem passes through ("your insurer", "the airline", "the card scheme").
const OTHERS = 'insurer|insurance (?:company|provider)|airline|airport|hotel|merchant|retailer|(?:council |external |building )?contractor|card scheme|visa|mastercard|amex|openreach';
const TARGET =
  `(?:internet(?: connection)?|(?:\\w+ )?(?:team|department)|colleague|(?:internet |wi-?fi |network |data )?connection|wi-?fi|broadband|router|modem|network|isp|internet (?:service )?provider|(?:phone |mobile |service |email |payment )?provider|phone company|mobile (?:network|carrier)|bank(?! holiday)|card (?:issuer|provider|company)|payment (?:processor|provider|gateway)|paypal|courier|carrier|delivery (?:company|partner|driver|service|firm)|driver|postal service|post office|${COURIERS}|warehouse|supplier|manufacturer|(?:other |third[- ]party |external )?vendor|third[- ]party|(?:delivery |shipping )?partner|device|computer|browser|firewall|antivirus|spam filter|(?:phone|email|account) settings|${PLATFORMS}|${OTHERS})`;
const OWNER = '(?:your|the|their|a|an|our|that|this)';
/** Who a reply points at: "your bank", "the courier's", or a name on its own ("FedEx", "Chrome"). */
const PARTY = `(?:${OWNER}\\s+(?:home\\s+|own\\s+|local\\s+)?${TARGET}|${COURIERS}|${PLATFORMS})`;
// Targets that a copula can blame ("it's your wifi"); "that's the team who ..." is not blame.
// (Teams come early in TARGET so "our warehouse team" reads as colleagues, not as the warehouse.)
const THING = TARGET.replace('|(?:\\w+ )?(?:team|department)|colleague', '');

const FAULT_VERBS = /\b(?:lost|loses|lose|delayed|delays|declined|declines|blocked|blocks|rejected|rejects|dropped|drops|broke|breaks|caused|causes|messed|mixed|held|holds|flagged|damaged|misrouted|mislabell?ed|throttl\w*|(?:sent|picked|packed|shipped|delivered|fitted|supplied) (?:us |you )?(?:the |a )?wrong|got (?:it|this|the \w+) wrong|made (?:a|an) (?:mistake|error)|(?:has|have|had|is|are|was|were) (?:had|having|been having|been) (?:a lot of |lots of |some |many |loads of )?(?:delays|problems|issues|trouble|backlogs?)|is down|was down|are down|were down|(?:is|are|was|were|has been|have been) (?:slow|unreliable|having (?:issues|problems)|the (?:problem|issue|cause)|to blame|responsible|at fault))\b/i;
const DUTY_VERBS = /\b(?:deliver|process|send|update|pass|release|approve|pick|scan|notify|tell|ship|dispatch|handle|follow)\w*\b/i;

const HAS_TARGET = new RegExp(`\\b${TARGET}\\b`, 'i');
const DUTY_FAILED = /\b(?:didn't|did not|never|hasn't|has not|haven't|have not|failed to|forgot to)\b/i;

/** Is the subject of the fault verb a third party (the courier, your bank, the billing team)? */
function thirdPartyDidIt(s: Sentence, m: RegExpExecArray): boolean {
  const rest = s.norm.slice(m.index);
  const fault = FAULT_VERBS.exec(rest);
  const duty = DUTY_FAILED.exec(rest);
  if (!fault && !(duty && DUTY_VERBS.test(rest.slice(duty.index)))) return false; // cheap: no fault word, no grammar
  const faultFirst = !!fault && (!duty || fault.index < duty.index);
  const at = m.index + (faultFirst ? fault!.index : duty!.index);
  const g = grammarAt(s.norm, at + (faultFirst ? fault![0].length : duty![0].length));
  const v = verbFor(g, tokenAt(g, at));
  if (!v) return false;
  const subject = subjectPhrase(g, v);
  if (subjectOf(g, v).person !== 3 || !(subject.some((t) => t.tags.has('ThirdParty')) || HAS_TARGET.test(subject.map((t) => t.text).join(' ')))) return false;
  // "The courier didn't lose it" clears them; "the courier didn't deliver it" blames them.
  return faultFirst ? !v.negative : v.negative;
}

// The thing the customer did not send is group 1, up to where the clause goes on ("..., so we couldn't").
const MISSING =
  /\byou (?:didn't|did not|never|forgot to|failed to|neglected to) (?:attach(?:ed)?|sen[dt](?: us)?|upload(?:ed)?|include[ds]?|enclosed?|provided?|add(?:ed)?|g[ai]ve us) ((?:the|your|a|an|any) [^,.;:!?]+?)(?=\s*(?:[,.;:!?]|$)|\s+(?:so|and|but|which|because|when|with|to|for|before|after|until|yet)\b)/i;

const notNegated = (s: Sentence, m: RegExpExecArray): boolean => !negatedNear(s, m.index, m.index + m[0].length);

// The rep owns it in the same sentence: "the warehouse mixed up the pick on our end", "that's on us".
const OWNED =
  /\b(?:(?:that's|it's|this is|that is|it is|it was|that was|which is|which was) (?:all )?on (?:us|me)|(?<!not |n't )our (?:fault|mistake|error|doing)|(?:mixed up|wrong|went wrong|error|mistake|slip|fault)\b[^.;!?]{0,30}\bon our (?:end|side))\b/i;

// The third party has already put it right: "Openreach have fixed the fault on their side".
const GOOD_NEWS = /\b(?:fixed|resolved|sorted|cleared|repaired|restored|back up)\b/i;

/** The rep is chasing the third party themselves: "I've asked them to fix it at their end by Friday". */
function repChases(s: Sentence): boolean {
  return /\b(?:i|we)(?:'ve| have|'ll| will|'m| am|'re| are)?\s+(?:already |just |now |also )?(?:asked|chas|escalat|rais|contact|push|follow|call|phon|rang|ring|spok|speak|logged|opened|taken it up|take it up|sent)/i.test(s.norm);
}

// Who can fail at a job: people, desks and companies, not things ("the update didn't install properly").
const SOMEONE = /\b(?:desk|reception|receptionist|staff|hotel|airline|engineers?|technicians?|installers?|fitters?|agents?|advis[eo]rs?|driver|courier|team|department|colleague|warehouse|bank|branch|store|shop|partner|contractor|supplier)\b/i;

/** "The front desk didn't check properly": the subject of the failed verb is someone else, not us, you or a thing. */
function someoneElseFailed(s: Sentence, m: RegExpExecArray): boolean {
  const g = grammarAt(s.norm, m.index + m[0].length);
  const v = verbFor(g, tokenAt(g, m.index));
  if (!v || subjectOf(g, v).person !== 3) return false;
  const subject = subjectPhrase(g, v);
  if (OWNED.test(s.norm) || /\b(?:sorry|apologi[sz]e)\b/i.test(s.norm)) return false; // "our engineer didn't fit it properly, and I'm sorry"
  return subject.some((t) => t.tags.has('Actor') || t.tags.has('ThirdParty')) || SOMEONE.test(subject.map((t) => t.text).join(' '));
}

const PATTERNS: Pattern[] = [
  // "Unfortunately you didn't attach the receipt." / "You forgot to send the photos." — ask for it instead.
  // Not "if you didn't attach the receipt, no problem".
  {
    kind: 'missing',
    when: /\byou (?:didn't|did not|never|forgot|failed|neglected)\b/i,
    re: MISSING,
    confirm: (s, m) => !/\b(?:if|whether|in case)\s+$/i.test(s.norm.slice(0, m.index)),
  },
  // "You should have contacted us sooner." / "If you had updated the app ..." / "You forgot to ..."
  {
    kind: 'customer',
    re: /\byou(?: really)? (?:should|could|ought to)(?: have|'ve)\s+(?!(?:been|received|got|gotten|heard|had)\b)(?:contacted|called|told|informed|ordered|updated|followed|restarted|rebooted|used|entered|provided|selected|chosen|kept|saved|backed up|cancell?ed|reported|submitted|double-checked|waited|paid|registered|logged|let us know)\b|\byou (?:must|probably|might|may) have (?:entered|typed|clicked|selected|deleted|changed|forgotten|missed|misspel(?:t|led)|used|put in|made a mistake)\b|\byou (?:forgot|failed|neglected) to\b|\byou didn't (?:follow|enter|update|provide|fill|tell|give|include|select|use|restart)\b|\bif you had (?:followed|updated|contacted|entered|told|ordered|used|restarted|called|read)\b|\buser error\b/i,
  },
  // "It looks like you entered the wrong postcode."
  {
    kind: 'customer',
    re: /\b(?:(?:looks like|seems like|it seems|apparently|appears that) you (?:entered|typed|clicked|selected|deleted|changed|forgot|missed|used|didn't|chose|picked|ordered)|you (?:\w+ )?(?:entered|typed|selected|chose|picked|gave us|put in|used|clicked|ordered) (?:the |an? )?(?:wrong|incorrect|old|invalid))\b/i,
    confirm: notNegated,
  },
  { kind: 'customer', re: /\b(?:your (?:fault|mistake|error)|(?:mistake|error) (?:was|is) (?:yours|on your (?:end|side)))\b/i, confirm: notNegated },
  // "It's not our fault." / "That's out of our hands." / "We don't control the courier."
  {
    kind: 'deflect',
    when: /\b(?:not|out of|beyond|nothing|responsible|take it up|their|it's with them)\b/i,
    re: /\b(?:not (?:our|my) (?:fault|problem|responsibility|doing|department|area)|(?:out of|beyond) (?:our|my) (?:hands|control)|nothing to do with (?:us|me)|not (?:on )?our end|(?:we|i) (?:are|am|'re|'m) not responsible|(?:we|i) (?:can't|cannot) be held responsible|take it up with|(?:it's|it is|that's|that is|this is|was) (?:entirely |all |completely )?their (?:fault|error|mistake|problem|responsibility)|it's with them now)\b/i,
    // "take it up with them" sends the customer; "I'll take it up with them" is the rep owning it
    confirm: (s, m) => !(/^take it up with/i.test(m[0]) && /\b(?:(?:i|we)(?:'ll| will| can|'m going to| am going to)|let me)\s+$/i.test(s.norm.slice(0, m.index))),
  },
  // "It's not something we control." / "It wasn't something we could have prevented." / "Your DNS records
  // aren't something we manage." — unless the rep goes on to act: "..., but I've rebooked it for Friday."
  {
    kind: 'deflect',
    when: /\b(?:something|control)\b/i,
    re: /\b(?:(?:not|isn't|is not|wasn't|was not|aren't|are not) something (?:that )?(?:we|i) (?:can |could )?(?:have )?(?:control(?:led)?|have (?:any )?control over|can do anything about|deal with|handle|manage|prevent(?:ed)?|avoid(?:ed)?|foreseen|influence)|(?:we|i) (?:have|had) no control over|not (?:in|within) (?:our|my) control)\b/i,
    confirm: (s, m) => !offersActionAfter(s, m.index + m[0].length),
  },
  {
    kind: 'deflect',
    when: /\b(?:control|with them|with (?:the|your|their))\b/i,
    re: new RegExp(
      `\\b(?:(?:we|i) (?:don't|do not|can't|cannot) control ${PARTY}|(?:you'd|you would|you'll|you will|you) (?:need|have) to (?:raise|take|chase|sort) (?:it|this|that)(?: up)? with (?:them|${PARTY}))\\b`,
      'i',
    ),
  },
  // "That's a courier issue." / "That's a known Chrome bug."
  { kind: 'deflect', when: /\b(?:issue|problem|matter|thing|bug)\b/i, re: new RegExp(`\\b(?:a|an) (?:known |common )?${TARGET} (?:issue|problem|matter|thing|bug)\\b`, 'i') },
  // "This is a known issue with Chrome." / "It's a known problem with the courier."
  {
    kind: 'cause',
    when: /\b(?:known|common|reported)\b/i,
    re: new RegExp(`\\b(?:known|common|reported) (?:issue|problem|bug|fault|glitch) (?:with|in|on|affecting) ${PARTY}\\b`, 'i'),
    confirm: notNegated,
  },
  // "The problem is your router." / "It's due to your wifi." / "The issue is with the courier." /
  // "The slowness is most likely related to your network." / "It's the result of a council contractor ..."
  {
    kind: 'cause',
    re: new RegExp(
      `\\b(?:because of|due to|caused by|down to|the fault of|blame|(?:the |a )?result of|(?:is|are|was|were|'s) (?:most likely |more likely |likely |probably |almost certainly )?related to|(?:governed|controlled|decided|dictated|determined) by|(?:problem|issue|cause|culprit|fault|delay) (?:is|was|lies|seems to be|must be|could be|might be)\\s+(?:with |on |in )?)\\s*${PARTY}\\b`,
      'i',
    ),
    confirm: notNegated,
  },
  // "The billing team is the one holding this up." / "Your bank is sitting on it."
  {
    kind: 'cause',
    re: new RegExp(`\\b${PARTY}\\s+(?:is|are|was|were|has been|have been)\\s+(?:the (?:one|ones) )?(?:holding (?:this|it|things|your \\w+) up|sitting on (?:it|this|your \\w+)|dragging (?:their|its) feet|to blame|the hold-?up|the bottleneck)\\b`, 'i'),
    confirm: notNegated,
  },
  // "The issue is on the courier's side." / "The delay is on FedEx's side."
  { kind: 'cause', re: new RegExp(`\\b(?:on|at) ${PARTY}(?:'s|’s)?\\s+(?:end|side)\\b`, 'i'), confirm: notNegated },
  // "It must be your internet connection." / "Sounds like your wifi."
  {
    kind: 'cause',
    re: new RegExp(
      `\\b(?:it's|it is|it was|it must be|must be|might be|could be|it'll be|probably|likely|sounds like|looks like|seems like|that's|that is|this is)\\s+(?:(?:probably|likely|most likely|just|simply|definitely|an issue with|a problem with)\\s+)?${OWNER}\\s+${THING}\\b`,
      'i',
    ),
    confirm: notNegated,
  },
  // "That's the courier's fault." / "It's on your end."
  { kind: 'cause', re: new RegExp(`\\b${TARGET}(?:'s|’s|s') (?:fault|problem|issue|responsibility|mistake|error)\\b`, 'i'), confirm: notNegated },
  { kind: 'cause', re: /\b(?:on|at|from) your (?:end|side)\b/i, confirm: (s, m) => !isQuestion(s) && notNegated(s, m) },
  // "The courier lost your parcel." / "Your bank declined it." / "Our billing team didn't process it."
  { kind: 'subject', when: new RegExp(`${FAULT_VERBS.source}|${DUTY_FAILED.source}`, 'i'), re: new RegExp(`\\b${TARGET}\\b`, 'i'), confirm: thirdPartyDidIt },
  // "It was lost by the courier." / "On this occasion the appointment was missed by them."
  {
    kind: 'cause',
    re: new RegExp(`\\b(?:lost|delayed|declined|blocked|rejected|damaged|held|misrouted|mislabell?ed|returned|sent back|missed|mislaid|misplaced|mishandled|cancell?ed)\\s+by\\s+(?:them|${PARTY})\\b`, 'i'),
    confirm: notNegated,
  },
  // "Please contact your bank." / "You'll need to call your ISP." — but "I've contacted your bank" owns it.
  {
    kind: 'redirect',
    when: /\b(?:contact|call|ring|phone|speak|talk|reach|touch|chase|check)\b/i,
    re: new RegExp(`\\b(?:contact|call|ring|phone|speak (?:to|with)|talk to|reach out to|get in touch with|chase|check with)\\s+${PARTY}\\b`, 'i'),
    confirm: (s, m) => personAt(s, m.index, m.index + m[0].length) !== 1 && !/\b(?:i|we)(?:'ll| will| have|'ve| am|'m| are|'re)?\s+(?:already |just |now )?(?:contact|call|ring|phon|speak|talk|reach|get|chas|check)/i.test(s.norm),
  },
  // "The delay is on them, not us." / "The decline came from the merchant side rather than from us." /
  // "Installations are done by Openreach engineers rather than our own staff." / "That wasn't me."
  // Not "It's on us, not you", nor "I'll call you rather than us emailing again".
  {
    kind: 'deflect',
    when: /\b(?:not|rather than|instead of|wasn't|was not)\b/i,
    re: /(?:,\s*(?:and\s+)?not|\b(?:rather than|instead of))\s+(?:(?:from|by|with|on|at)\s+)?(?:us|me|mine|ours|our (?:own )?(?:staff|team|people|engineers|end|side|app|system|platform|network|service)|a member of (?:staff|our team))\b(?!\s+\w+ing\b)|\b(?:that|it|this) (?:wasn't|was not) (?:me|us|my doing|our doing)\b/i,
  },
  // "The delay is on them." / "Missing bags are strictly a matter for them." / "It's really up to your bank how
  // long they take." / "Once letters leave us we're reliant on Royal Mail." / "... until they fix it at their end."
  // Not when the rep is chasing them: "I've asked them to fix it at their end by Friday".
  {
    kind: 'deflect',
    when: /\b(?:them|up to|matter for|hands of|reliant|dependent|their end|their side)\b/i,
    re: new RegExp(
      `\\b(?:(?:is|are|was|were|it's|its|that's|this is|it is|that is)\\s+(?:all |entirely |really |strictly |purely |very much |completely |solely )?(?:on|down to|up to|a matter for|in the hands of|the responsibility of)\\s+(?:them|${PARTY})|(?:we're|we are|we were|we remain)\\s+(?:entirely |completely |totally |fully )?(?:reliant|dependent) on\\s+(?:them|${PARTY})|(?:at|on|from) their (?:end|side))\\b`,
      'i',
    ),
    confirm: (s, m) => notNegated(s, m) && !repChases(s) && !offersActionAfter(s, m.index + m[0].length) && !GOOD_NEWS.test(s.norm),
  },
  // "There's not a lot we can do until they fix it." / "Nothing we can do until your bank releases it."
  {
    kind: 'deflect',
    when: /\b(?:until|till|unless)\b/i,
    re: new RegExp(`\\b(?:not (?:a lot|much|anything)|nothing|little) (?:more |else )?(?:that )?(?:we|i) (?:can|could) do (?:until|till|unless) (?:they|${PARTY})\\b`, 'i'),
  },
  // "This is a Salesforce problem." / "That's an Adobe issue." — another company's name before "problem"
  // (capitalised, so "a network problem" is left to the patterns above).
  {
    kind: 'deflect',
    when: /\b(?:problem|issue|bug|fault)\b/i,
    re: /\b(?:[Ii]t's|[Ii]t is|[Tt]his is|[Tt]hat's|[Tt]hat is|[Ii]t was|[Tt]his was|[Ss]ounds like|[Ll]ooks like)\s+(?:a|an)\s+(?:known\s+)?[A-Z][a-z][A-Za-z]*\s+(?:problem|issue|bug|fault)\b/,
    confirm: (s, m) => notNegated(s, m) && !repChases(s) && !GOOD_NEWS.test(s.norm) && !OWNED.test(s.norm) && !OWNS_FIX.test(s.norm),
  },
  // "This isn't a fault with the platform." / "It's not a network fault." / "That's a setting on your
  // account, not a fault in the app." — clearing ourselves instead of finding out; not when the same
  // sentence owns it ("It's not a network fault, it's our billing system, and I'm sorry").
  {
    kind: 'deflect',
    when: /\b(?:fault|issue|problem|bug|error)\b/i,
    re: /\b(?:not|isn't|is not|wasn't|was not)\s+(?:really\s+)?(?:a|an)\s+(?:(?:network|platform|system|app|software|server|service|line|website|site)\s+(?:fault|issue|problem|bug|error)|(?:fault|issue|problem|bug|error)\s+(?:with|in|on|of)\s+(?:the|our)\s+(?:app|platform|system|network|service|software|site|website|servers?|line|product))\b/i,
    confirm: (s) => !OWNED.test(s.norm) && !repChases(s) && !/\b(?:it's|it is|that's|the (?:fault|problem|issue) is) (?:in |with )?our\b|\b(?:sorry|apologi[sz]e)\b/i.test(s.norm),
  },
  // "Support wasn't told about the change." / "We weren't informed." / "Nobody told us."
  {
    kind: 'deflect',
    when: /\b(?:told|informed|notified|aware|warned|consulted)\b/i,
    re: /\b(?:(?:we|i|support|our team|the support team)\s+(?:wasn't|weren't|was not|were not|hadn't been|had not been)\s+(?:told|informed|notified|made aware|warned|consulted)|(?:nobody|no one|no-one)\s+(?:told|informed|warned|notified)\s+(?:us|me))\b/i,
    confirm: (s) => !OWNED.test(s.norm),
  },
  // "The front desk didn't check properly." / "The receptionist before me didn't enter it properly." —
  // a person or company who did their job badly; not "the update didn't install properly".
  {
    kind: 'deflect',
    when: /\b(?:properly|correctly)\b/i,
    re: /\b(?:didn't|did not|never|failed to|hasn't|haven't|has not|have not)\s+(?:\w+\s+){1,3}?(?:properly|correctly)\b/i,
    confirm: someoneElseFailed,
  },
  // "Any damage would need to be raised with them directly." / "You'll need to contact them directly."
  // Not "I'll contact them directly".
  {
    kind: 'deflect',
    when: /\b(?:them|directly)\b/i,
    re: new RegExp(
      `\\b(?:(?:would|will|'ll|'d|must|should) (?:need to |have to )?be (?:raised|taken up|reported|chased|sorted(?: out)?|dealt with|addressed|directed) (?:directly )?with (?:them|${PARTY})|(?:you(?:'ll| will|'d| would)? (?:need|have) to|please|you (?:should|must|can)) (?:contact|call|ring|phone|email|speak (?:to|with)|talk to|get in touch with|chase|raise (?:it|this) with) them directly)\\b`,
      'i',
    ),
  },
  // "We'd recommend checking the airline's own website." / "Best to call the hotel's front desk." — sends the
  // customer to another company's channel.
  {
    kind: 'redirect',
    when: /\b(?:website|site|app|helpline|help ?desk|support|customer service|front desk)\b/i,
    re: /\b(?:recommend|suggest|advise|best to|better to|please|you'll need to|you will need to|you'd need to|you would need to|you should) (?:you )?(?:check(?:ing)?|contact(?:ing)?|call(?:ing)?|ring(?:ing)?|visit(?:ing)?|go(?:ing)? to|look(?:ing)? at) (?:the |your )?[\w-]+(?: [\w-]+)?(?:'s|s'|’s) (?:own )?(?:website|site|app|helpline|help ?desk|support (?:team|line)|customer service|front desk)\b/i,
    confirm: (s) => !repChases(s),
  },
  // "It's really up to patients to keep their details current." / "It's your responsibility to check ..." —
  // not "it's up to you when we call" (a choice).
  {
    kind: 'customer',
    when: /\b(?:up to|responsibility)\b/i,
    re: /\b(?:it's|it is|that's|that is)\s+(?:really |entirely |ultimately |always |solely )?(?:up to (?:you|patients|customers|users|members|clients|the customer|the account holder|account holders)|(?:your|the customer's|the account holder's) responsibility) to (?:keep|make sure|ensure|check|update|tell|let us know|read|notify|inform|provide|double-check)\b/i,
  },
  // "The lockout was triggered by three wrong password attempts from your device." / "Seat counts are based on
  // what your account admin configures." — the customer's doing, as the cause; not "..., and I can change it now".
  {
    kind: 'customer',
    when: /\b(?:triggered|caused|set off|based on)\b/i,
    re: /\b(?:(?:triggered|caused|set off) by (?:\w+ ){0,3}(?:wrong|incorrect|invalid|mistyped|failed) (?:\w+ ){0,2}(?:from|on|by|in) (?:you|your)|based on what (?:you|your (?:\w+ )?(?:admin|administrator|manager|team|it team)) (?:configured|configures|set up|sets up|chose|selected|entered|submitted|ordered|provisioned|requested))\b/i,
    confirm: (s, m) => notNegated(s, m) && !offersActionAfter(s, m.index + m[0].length) && !/\b(?:i|we)(?:'ll| will| can)\b/i.test(s.norm.slice(m.index + m[0].length)),
  },
  // "It looks like that step was skipped on your machine." / "Looks like the code may have been typed with a space." /
  // "This happened because autosave was switched off in your settings." — the customer's slip, in the passive.
  {
    kind: 'customer',
    when: /\b(?:looks|seems|appears|apparently|sounds|because|since)\b/i,
    re: /\b(?:(?:looks like|seems like|it seems|it appears|appears|apparently|sounds like)(?: that)?\s+(?:the|that|this|your|it|a|an)\b[^,.;!?]{0,40}?\b(?:was|were|may have been|might have been|must have been|may of been|might of been|must of been|had been)\s+(?:typed|entered|mistyped|skipped|missed out|deleted|switched off|turned off|disabled|left (?:blank|off|out)|put in|filled in)|(?:because|since)\s+[^,.;!?]{0,40}?\b(?:was|were|had been)\s+(?:switched off|turned off|disabled|deleted|never (?:switched on|turned on|enabled|set up|updated)|not (?:switched on|turned on|enabled|set up|updated))\s+(?:in|on)\s+your)\b/i,
    confirm: (s, m) => notNegated(s, m) && !/\bby (?:us|me|our|mistake)\b|\bour (?:system|side|end|team|staff)\b/i.test(s.norm),
  },
  // "My colleague gave you the wrong information." / "Whoever you spoke to was wrong."
  {
    kind: 'team',
    when: /\b(?:colleague|agent|spoke)\b/i,
    re: /\b(?:(?:my|our|a|the) (?:colleague|previous agent|last agent|other agent|agent you spoke to|person you spoke (?:to|with))\b[^.!?]{0,40}?\b(?:gave you (?:the )?wrong|told you (?:the )?wrong|was wrong|got (?:it|this) wrong|made (?:a|an) (?:mistake|error)|should have|misinformed|messed up|forgot)|whoever you spoke to)\b/i,
  },
];

type TargetKind = 'connection' | 'courier' | 'bank' | 'platform' | 'other' | 'vendor' | 'team' | 'customer' | 'missing' | 'deflect';

const PLATFORM_NAME = new RegExp(`\\b(?:${PLATFORMS})\\b`, 'i');
const NAMES_SOMEONE = new RegExp(`courier|bank|isp|internet|wifi|vendor|supplier|team|department|\\b(?:${COURIERS}|${PLATFORMS}|${OTHERS})\\b`, 'i');
const OTHER_NAME = new RegExp(`\\b(?:(?:your|the|their) )?(?:${OTHERS})\\b`, 'i');
const COURIER_WORDS = new RegExp(`courier|carrier|deliver|driver|postal|post office|\\b(?:${COURIERS})\\b`, 'i');

function targetKind(text: string, kind: string): TargetKind {
  if (kind === 'customer' || kind === 'missing') return kind;
  // "missed by them", "on them, not us": nobody named in the words that fired
  if ((kind === 'deflect' || /\bthem\b/i.test(text)) && !NAMES_SOMEONE.test(text)) return 'deflect';
  if (COURIER_WORDS.test(text)) return 'courier';
  if (OTHER_NAME.test(text)) return 'other';
  if (/bank|card|payment|paypal/i.test(text)) return 'bank';
  if (PLATFORM_NAME.test(text)) return 'platform';
  // "our warehouse team" is colleagues; "the warehouse" alone is a supplier to the customer
  if (/team|department|colleague|agent|person you spoke|whoever/i.test(text)) return 'team';
  if (/warehouse|supplier|manufacturer|vendor|third[- ]party|partner/i.test(text)) return 'vendor';
  if (/your (?:end|side)/i.test(text)) return 'customer';
  return 'connection';
}

const MESSAGES: Record<TargetKind, string> = {
  connection: "Blames the customer's connection or device before checking what changed on our side.",
  courier: 'Points at the courier; to the customer, the delivery is ours to sort out.',
  bank: 'Points at the bank instead of helping sort out the payment.',
  platform: "Points at another company's product; the customer came to us, so find the way round it for them.",
  other: 'Points at another company; the customer came to us, so coordinate it with them yourself.',
  vendor: 'Points at a supplier; to the customer, we are one company.',
  team: 'Blames a colleague or another team; to the customer, we are one company.',
  customer: 'Blames the customer. Find out what happened before assuming it was them.',
  missing: "Tells the customer it's their fault. Ask for what's missing and say what happens next.",
  deflect: 'Deflects responsibility. Be the one who coordinates the fix.',
};

const REWRITES: Record<TargetKind, string> = {
  connection: "I'm checking whether anything changed on our side[ for {ref}], and I'll tell you what I find {time}.",
  courier: "I'm chasing [{ref}|the delivery] with the courier myself, and I'll update you {time}.",
  bank: "I'm finding out why the payment didn't go through, and I'll help you sort it out {time}.",
  platform: "I'm sorry about this. I'm finding a way round the {party} issue for you, and I'll update you {time}.",
  other: "I'm sorry about this. I'm taking it up with {other} myself, and I'll update you {time}.",
  vendor: "This is ours to fix, so I'm working on it with our supplier and will update you {time}.",
  team: "I'm sorry we got this wrong. I'm taking it on myself from here, and I'll update you {time}.",
  customer: "Let's get this sorted: I'm checking what happened[ with {ref}] and will update you {time}.",
  missing: "I don't seem to have {thing} yet. Could you send {it} over? I'll take it from there the same day.",
  deflect: "This is ours to sort out, and I'm on it. I'll update you {time}.",
};

const REDIRECTS: Partial<Record<TargetKind, string>> = {
  bank: "Only your bank can release the payment, so here's exactly what to ask them, and I'll check back with you {time} to make sure it's sorted.",
  courier: "I'll contact the courier myself and update you {time}.",
  connection: "Before you spend time on your own setup, let me check what changed on our side; I'll tell you what I find {time}.",
  team: "I'll bring in the right colleague myself, so you won't have to explain this again; I'll update you {time}.",
  platform: "I'm sorry about this. I'll take it up with {party} myself, so you don't have to, and I'll update you {time}.",
  other: "I'll take it up with {other} myself, so you don't have to, and I'll update you {time}.",
  vendor: "I'll contact our supplier myself and update you {time}.",
};

/** The rewrite with the names it needs from the sentence: "{party}" (Chrome, Microsoft), "{other}" (your insurer,
 * the airline) and "{thing}" (the receipt, the photos). */
function named(template: string, s: Sentence): string {
  const thing = MISSING.exec(s.norm)?.[1] ?? 'the details';
  const many = /[^su]s$/i.test(thing); // "the photos" are them; "the receipt", "your address" are it
  return template
    .replace('{party}', () => PLATFORM_NAME.exec(s.text)?.[0] ?? 'them')
    .replace('{other}', () => otherName(s.text))
    .replace('{thing}', () => thing)
    .replace('{it}', many ? 'them' : 'it');
}

/** "your insurer" stays; "their airline" becomes "the airline"; "the Visa network" names just "Visa". */
function otherName(text: string): string {
  const m = OTHER_NAME.exec(text)?.[0];
  if (!m) return 'them';
  const bare = m.replace(/^(?:your|the|their) /i, '');
  if (/^(?:visa|mastercard|amex|openreach)$/i.test(bare)) return bare.charAt(0).toUpperCase() + bare.slice(1).toLowerCase();
  return /^your /i.test(m) ? `your ${bare.toLowerCase()}` : `the ${bare.toLowerCase()}`;
}

// "Chrome's update broke this; I've put a fix in and it's working again": once we own the fix,
// naming the cause explains it rather than blames.
const OWNS_FIX =
  /\b(?:(?:i|we)(?:'ve| have)(?: now| just| already)? (?:fixed|patched|resolved|restored|resent|re-sent|replaced|rebooked|sent (?:you )?a (?:replacement|new one)|put (?:in )?a (?:fix|workaround)|found a (?:fix|workaround|way round)|worked (?:a)?round)|(?:i'm|i am|we're|we are) (?:already |now )?(?:fixing|patching)|(?:it's|it is|everything's|everything is|that's|this is) (?:now )?(?:working|back up)(?: and running)? again|back up and running)\b/i;

// "..., you'll need to contact them.": after naming who is to blame, the customer is sent to chase them.
const SENDS_AWAY =
  /\b(?:you(?:'ll| will|'d| would)? (?:need|have) to|please|you (?:should|must|can)) (?:contact|call|ring|phone|email|speak (?:to|with)|talk to|reach out to|get in touch with|chase|check with|take it up with|raise (?:it|this) with) them\b/i;

/** How the sentence blames: the pattern's kind, or "redirect" when it also sends the customer off to chase them. */
function howBlamed(kind: string, s: Sentence): string | undefined {
  if ((kind === 'cause' || kind === 'subject') && (OWNS_FIX.test(s.norm) || OWNED.test(s.norm))) return undefined;
  return kind !== 'redirect' && SENDS_AWAY.test(s.norm) ? 'redirect' : kind;
}

function hitKind(hit: Hit): TargetKind {
  return hit.kind.split(':')[1] as TargetKind;
}

export const blameShifting: Rule = {
  id: 'blame-shifting',
  step: 'take-ownership',
  severity: 'warn',
  docs: docsOf('blame-shifting'),
  match: ({ view }) => {
    const hits: Hit[] = [];
    for (const s of view.body) {
      const found = firstMatch(s, PATTERNS);
      const how = found && howBlamed(found.pattern.kind, s);
      if (how) hits.push(sentenceHit(s, `${how}:${targetKind(found.match[0], found.pattern.kind)}`));
    }
    return hits;
  },
  message: (hit) => (hit.kind.startsWith('redirect') ? 'Sends the customer to chase someone else. Coordinate it yourself.' : MESSAGES[hitKind(hit)]),
  suggest: (hit, { slots }) => fill(named((hit.kind.startsWith('redirect') && REDIRECTS[hitKind(hit)]) || REWRITES[hitKind(hit)], hit.sentence), slots),
  examples: {
    fires: [
      "The billing team is the one holding this up, even though I flagged it last week.",
      "The drops are down to your home Wi-Fi or your internet provider.",
      'It must be your internet connection.',
      'The courier lost your parcel, so there is not much we can do.',
      'Your bank declined the payment.',
      'That is a problem with the other vendor, not us.',
      'You should have contacted us before the deadline.',
      "It's not our fault, the billing team made an error.",
      'Please contact your ISP about the dropouts.',
      'My colleague gave you the wrong information.',
      'The delay is because of the courier.',
      "This is a known issue with Chrome, so you'll need to switch browsers.",
      "Unfortunately you didn't attach the receipt, so we couldn't process it.",
      "The system automatically cancelled your order, it's not something we control.",
      "Sorry, that's a Microsoft problem, you'll need to contact them.",
      "The delay is on FedEx's side.",
      'The hold-up is on them, not us.',
      "Once it leaves our depot we're completely reliant on the courier.",
      'Nobody told us the price was changing.',
      "That wasn't something we could have foreseen.",
      'It looks like the postcode was entered with a typo.',
      'Your claim was declined by your insurer.',
    ],
    quiet: [
      "I'll check whether anything changed on our side.",
      "I've contacted the courier and I'm tracking your parcel now.",
      "It's not your internet, it's an outage on our side, and I'm sorry.",
      "I've already called your bank and the payment has gone through.",
      "You shouldn't have had to chase us for this.",
      'You should have received a confirmation email this morning.',
      'Is everything working on your end now?',
      "I've contacted FedEx and they've confirmed it will arrive tomorrow; I'll check it's delivered by 5pm.",
      "Chrome's latest update broke this for some customers; I've put a fix in and it's working again.",
      "Outlook sometimes blocks our emails, so I've resent it from a different address.",
      "If you didn't attach the receipt, no problem: I've found it on our system.",
      "The weather isn't something we control, but I've rebooked your delivery for Friday.",
      "I'll raise it with Microsoft myself, so you won't need to contact them.",
      "I'll take it up with the courier myself and update you by 3pm.",
      "It's on us, not you, and I've refunded it.",
      'Openreach have fixed the fault on their side, and your line is back up.',
      "It looks like the payment was entered twice on our system, so I've refunded one.",
      "The update didn't install properly, so I've sent you a new link.",
    ],
  },
};
