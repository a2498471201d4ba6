// Escalate before the customer has to ask — and when they have asked, or written three times,
// offer it. "I can't escalate this" is not an offer: grammar checks the mention isn't negated.
import { ESCALATION_OFFER, OWNERSHIP_OFFER } from '../cues';
import { fill } from '../slots';
import { sentenceHit, type Rule } from '../rule';
import { closingSentence, type Sentence } from '../text';
import { askedForEscalation } from './context';
import { negatedNear } from './helpers';
import { grammarAt, subjectOf, tokenAt, verbAfter, verbFor } from '../grammar';
import { docsOf } from './docs';

/**
 * The sentence offers escalation: a mention that is neither negated ("I can't escalate this", "no
 * manager is available") nor only the customer's wish ("I understand you'd like a supervisor").
 */
function offers(s: Sentence, re: RegExp): boolean {
  for (const m of s.norm.matchAll(new RegExp(re.source, 'gi'))) {
    if (negatedNear(s, m.index, m.index + m[0].length, 4)) continue;
    const g = grammarAt(s.norm, m.index + m[0].length);
    const i = tokenAt(g, m.index);
    const v = verbFor(g, i) ?? verbAfter(g, i);
    if (!v) return true; // "Escalated to Priya, our team lead."
    if (v.negative) continue;
    if (subjectOf(g, v).person === 2 && !v.future) continue;
    return true;
  }
  return false;
}

export const missingEscalation: Rule = {
  id: 'missing-escalation',
  step: 'escalate',
  severity: 'warn',
  needsMessage: true,
  docs: docsOf('missing-escalation'),
  match: ({ view, analysis }) => {
    if (!analysis) return [];
    const asked = askedForEscalation(analysis);
    if (!asked && analysis.facts.contactCount < 3) return [];
    // A third contact is answered by personal ownership too; an explicit request for a manager is not.
    if (view.body.some((s) => offers(s, ESCALATION_OFFER) || (!asked && offers(s, OWNERSHIP_OFFER)))) return [];
    const closing = closingSentence(view);
    return closing ? [sentenceHit(closing, asked ? 'asked' : 'repeat')] : [];
  },
  message: (hit) =>
    hit.kind === 'asked'
      ? 'They asked for a manager and the draft does not answer that. Offer a named person and a time.'
      : 'They have written three or more times. Escalate, or take it on yourself, before they have to ask.',
  suggest: (hit, { slots }) =>
    `${hit.sentence.text} ${fill(
      hit.kind === 'asked'
        ? "I've asked {lead} to look at this with me today, and one of us will call you {time}."
        : "You shouldn't have to keep chasing this, so I've asked {lead} to review it with me; you'll hear from one of us {time}.",
      slots,
    )}`,
  examples: {
    fires: [
      { draft: "I'm sorry about the delay. I'll update you by 3pm today.", message: { level: 'angry', frustrated: true, askedForEscalation: true } },
      { draft: "I'm sorry about the delay. I'll update you by 3pm today.", message: { level: 'frustrated', frustrated: true, contactCount: 3 } },
      { draft: "I'm sorry, I can't escalate this. I'll update you by 3pm today.", message: { level: 'angry', askedForEscalation: true } },
    ],
    quiet: [
      { draft: "I'm sorry. I've asked my manager, Priya, to call you by 3pm today.", message: { level: 'angry', askedForEscalation: true } },
      { draft: "I'm sorry you've had to chase this. I'm taking it on personally and will call you by 3pm.", message: { level: 'frustrated', contactCount: 3 } },
      { draft: "I'm sorry about the delay. I'll update you by 3pm today.", message: { level: 'frustrated', contactCount: 1 } },
    ],
  },
};
