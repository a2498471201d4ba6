// Recognize: a frustrated customer gets an acknowledgement before anything else. Fires only when the
// message analysis says they are frustrated; the rewrite puts an apology that fits what happened
// (a broken promise, a repeat contact, the wait) in front of the draft's first sentence.
import { ACKNOWLEDGES } from '../cues';
import { fill } from '../slots';
import { sentenceHit, type Rule } from '../rule';
import { openingSentence } from '../text';
import { isUpset } from './context';
import { asSentence } from './helpers';
import { docsOf } from './docs';

export const missingApology: Rule = {
  id: 'missing-apology',
  step: 'recognize',
  severity: 'warn',
  needsMessage: true,
  docs: docsOf('missing-apology'),
  match: ({ view, analysis }) => {
    const first = openingSentence(view);
    if (!analysis || !first || !isUpset(analysis)) return [];
    if (view.body.some((s) => ACKNOWLEDGES.test(s.norm))) return [];
    const f = analysis.facts;
    return [sentenceHit(first, f.promised ? 'promised' : f.contactCount >= 2 ? 'repeat' : f.elapsed.length ? 'elapsed' : 'general')];
  },
  message: () => "The customer is frustrated and the draft doesn't acknowledge it. Open with an apology that names the problem.",
  suggest: (hit, { slots }) => {
    const opener = {
      promised: "I'm sorry[, {name}]: you were promised {promised}, and it didn't happen.",
      repeat: "I'm sorry you've had to write again[, {name}]; that's on us.",
      elapsed: "I'm sorry[, {name}]: {elapsed} is far too long to wait.",
      general: "I'm really sorry about this[, {name}]; it shouldn't have happened.",
    }[hit.kind as 'promised' | 'repeat' | 'elapsed' | 'general'];
    return `${fill(opener, slots)} ${asSentence(hit.sentence.text)}`;
  },
  examples: {
    fires: [
      { draft: 'Your refund has been processed and will arrive within 5 working days.', message: { level: 'frustrated', frustrated: true } },
      { draft: 'I have checked the order. It will be delivered tomorrow by noon.', message: { level: 'angry', frustrated: true, contactCount: 2 } },
    ],
    quiet: [
      { draft: "I'm so sorry about this. Your refund will arrive within 5 working days.", message: { level: 'frustrated', frustrated: true } },
      { draft: "You're right, and that shouldn't have happened. I'll call you by 3pm.", message: { level: 'angry', frustrated: true } },
      { draft: 'Your refund has been processed and will arrive within 5 working days.', message: { level: 'calm' } },
      'Your refund has been processed and will arrive within 5 working days.',
    ],
  },
};
