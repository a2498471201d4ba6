// Coaching is English-only. A draft in another language gets this one info finding and nothing else
// (checkDraft runs no other rule on it), rather than rules misfiring on words they can't read.
import type { Rule } from '../rule';
import { docsOf } from './docs';

export const englishOnly: Rule = {
  id: 'english-only',
  step: 'be-human',
  severity: 'info',
  docs: docsOf('english-only'),
  // Called by checkDraft only when the draft is not English: the finding points at the first sentence.
  match: ({ view }) => (view.body[0] ? [{ start: view.body[0].start, end: view.body[0].end, sentence: view.body[0], kind: 'other-language' }] : []),
  message: () => 'Coaching is English-only, so this draft was not checked. The house rules still apply: own it, no promises you cannot keep, a next step with a time.',
  // Nothing to rewrite: the suggestion repeats the text, so applying it changes nothing.
  suggest: (hit) => hit.sentence.text,
  examples: {
    fires: ['Hola Ana, lamento mucho el retraso con su pedido. Le llamaré mañana por la mañana con una respuesta.', 'Sehr geehrte Frau Weber, es tut mir leid, dass die Lieferung nicht angekommen ist.'],
    quiet: ["Hi Ana, I'm so sorry about the delay with your order. I'll call you tomorrow morning with an answer."],
  },
};
