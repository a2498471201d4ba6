// Follow up: promise a concrete next step with a time, and keep it.
// When it fires (decided so good drafts stay quiet):
//  - always when the draft defers work without a time ("we'll get back to you soon", "I'm looking into it");
//  - and, when the customer is waiting on us (any strain in the message, a broken promise, elapsed
//    time, a repeat contact, an escalation request), when the draft neither finishes the fix
//    ("I've refunded it") nor gives a time.
// A short draft (under 8 words: "Thanks, that's all sorted!") and a calm answer to a calm question
// ("We're open 9-5 on weekdays.") never fire.
import { COMPLETED_FIX, VAGUE_COMMITMENT, VAGUE_TIME, WAITING_ON_OTHERS, commitsWithTime } from '../cues';
import { fill } from '../slots';
import { endOf, sentenceHit, type Rule } from '../rule';
import { closingSentence } from '../text';
import { isWaiting } from './context';
import { swapIn } from './helpers';
import { docsOf } from './docs';

const COMMITS = /\b(?:i|we|someone|somebody|they|he|she|the team|a colleague)(?:'ll| will| am| are|'m|'re)\b|\b(?:and|who) will\b|\b(?:get back to you|be in touch|update you|let you know|come back to you|follow up)\b/i;
const UPDATE_PHRASE = /\b(?:get back to you|be in touch|update you|let you know|contact you|come back to you|follow up|reach out|keep you (?:posted|updated|informed))\b/i;

export const missingNextStep: Rule = {
  id: 'missing-next-step',
  step: 'follow-up',
  severity: 'warn',
  docs: docsOf('missing-next-step'),
  match: ({ view, analysis }) => {
    if (view.bodyWords < 8) return [];
    if (view.body.some(commitsWithTime)) return [];
    const vague = view.body.find((s) => VAGUE_COMMITMENT.test(s.norm));
    if (vague) return [sentenceHit(vague, 'vague')];
    if (!analysis || !isWaiting(analysis) || view.body.some((s) => COMPLETED_FIX.test(s.norm))) return [];
    const closing = closingSentence(view);
    return closing ? [sentenceHit(closing, 'none')] : [];
  },
  message: (hit) =>
    hit.kind === 'vague'
      ? 'Says you will follow up, but not when. Give a time you can keep.'
      : 'No next step with a time. Tell them what happens next and when they will hear from you.',
  suggest: (hit, { slots }) => {
    const s = hit.sentence;
    // "Hopefully it turns up soon" is a wish, not a commitment: offer one instead.
    if (!COMMITS.test(s.norm)) return fill("I'll stay on this myself and update you {time}.", slots);
    const vt = VAGUE_TIME.exec(s.norm);
    if (vt) return swapIn(s, vt.index, vt.index + vt[0].length, slots.time);
    const other = WAITING_ON_OTHERS.exec(s.norm);
    if (other) return swapIn(s, other.index, other.index + other[0].length, `${slots.time}, even if there's no news yet`);
    const update = UPDATE_PHRASE.exec(s.norm);
    if (update) return swapIn(s, update.index, update.index + update[0].length, `${/^keep/i.test(update[0]) ? 'update you' : update[0]} ${slots.time}`);
    if (hit.kind === 'none') return `${s.text} ${fill("I'll update you {time}, even if I don't have the full answer yet.", slots)}`;
    return `${s.text.replace(/[.!?]+$/, '')}, and I'll update you ${slots.time}${endOf(s.text)}`;
  },
  examples: {
    fires: [
      "Thanks for letting us know about this. We'll get back to you as soon as possible.",
      "I've passed your message on to the delivery team and they'll be in touch.",
      { draft: "I'm sorry about the missing parcel. I have asked the warehouse to check what happened.", message: { level: 'frustrated', frustrated: true } },
    ],
    quiet: [
      "Your refund was issued on the 3rd. I'll check its status on the morning of the 12th and email you.",
      "I'm sorry about the missing parcel. I'll call you by 3pm Thursday with an update.",
      "I've asked the warehouse to check, and I'll email you tomorrow morning with what they find.",
      "Your replacement will be with you within 24 hours, and I'll check in on Friday.",
      { draft: "I'm sorry about that. I've refunded the charge in full, so there's nothing more you need to do.", message: { level: 'frustrated', frustrated: true } },
      { draft: 'We are open from 9am to 5pm, Monday to Friday, and you can visit any time.', message: { level: 'calm' } },
    ],
  },
};
