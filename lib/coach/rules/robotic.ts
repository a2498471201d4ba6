// Be human: scripted corporate phrases ("we apologize for any inconvenience", "your call is important
// to us") tell an upset customer nobody is listening. Each phrase has a human alternative that
// slots into the same place in the sentence.
import { fill, type Slots } from '../slots';
import type { Hit, Rule } from '../rule';
import { caseLike, swapIn } from './helpers';
import { docsOf } from './docs';

interface Phrase {
  re: RegExp;
  /** Said instead; '' drops the phrase. */
  human: string | ((m: RegExpExecArray, slots: Slots) => string);
  severity?: 'info';
}

const PHRASES: Phrase[] = [
  // "Dear valued customer," is a greeting, the one place this rule reads besides the body.
  {
    re: /\bdear (?:valued |esteemed |loyal )?(?:customer|client|member|user|account holder)\b|\bdear sir(?: or madam|\/madam)\b|\bto whom it may concern\b/i,
    human: (_, slots) => fill('Hi[ {name}]', slots),
  },
  {
    re: /\b(?:we|i)(?: would like to|'d like to)?(?: sincerely| truly| deeply)? (?:(?:apologi[sz]e|are sorry|am sorry|'re sorry|'m sorry) for|regret) any (?:inconvenience|trouble|frustration|issues?|difficult(?:y|ies)|disruption)(?: (?:this|that|it) (?:may|might|could)?(?: have)? ?(?:caused|cause)(?: you)?| caused)?/i,
    human: (_, slots) => fill("I'm sorry about the hassle[ with {ref}]", slots),
  },
  { re: /\b(?:sorry|apologies) for (?:any|the) inconvenience(?: (?:this|that|it) (?:may|might)?(?: have)? ?caused(?: you)?| caused)?/i, human: 'sorry for the hassle' },
  { re: /\bwe apologi[sz]e for the (inconvenience|delay|trouble|wait|confusion)/i, human: (m) => `I'm sorry about the ${m[1]!.toLowerCase() === 'inconvenience' ? 'hassle' : m[1]!.toLowerCase()}` },
  { re: /\byour (?:call|email|message|business|custom|query|inquiry|enquiry|satisfaction|feedback) is (?:very |extremely |really )?important to us/i, human: "I'm glad you got in touch" },
  { re: /\bwe value (?:your (?:business|custom|patience|feedback|loyalty)|you as a (?:customer|client))/i, human: 'thank you for sticking with us' },
  {
    re: /\b(?:thank you|thanks) for your (?:patience|understanding) and (?:understanding|patience|cooperation)|\bwe (?:appreciate|thank you for) your (?:patience|understanding|cooperation)(?: (?:in this matter|and understanding))?/i,
    human: 'thanks for bearing with me',
  },
  { re: /\bwe regret to inform you(?: that)?/i, human: "I'm sorry to say" },
  { re: /\bwe are (?:sorry|saddened|disappointed) to hear (?:about |of )?your (?:experience|issue|concerns?|frustration)/i, human: "I'm sorry this happened" },
  { re: /\bwe (?:fully |completely |totally )?understand your (?:frustration|concerns?)/i, human: 'I can see why this is so frustrating' },
  { re: /\byour (?:feedback|concerns?|comments?|complaint) (?:has|have) been (?:duly )?(?:noted|logged|recorded|passed on)/i, human: "I've shared what you told me with the team" },
  { re: /\b(?:please )?(?:do not|don't) hesitate to (?:contact|reach out to|get in touch with|call) (?:us|me)(?: again)?/i, human: 'just reply here', severity: 'info' },
  { re: /\bshould you (?:have|require|need) any (?:further|additional|other|more) (?:questions|queries|assistance|information|help)/i, human: 'if anything else comes up', severity: 'info' },
  { re: /\b(?:please )?be advised(?: that)?,?/i, human: '', severity: 'info' },
  { re: /\bkindly (?:be informed|note)(?: that)?,?/i, human: '', severity: 'info' },
  { re: /\b(?:i|we) hope this (?:e-?mail|message|letter|mail) finds you well/i, human: "I hope you're doing OK", severity: 'info' },
  { re: /\bat this (?:point|moment) in time/i, human: 'right now', severity: 'info' },
  { re: /\b(?:we strive to|it is our (?:goal|aim|mission|priority) to)/i, human: 'we try to', severity: 'info' },
  { re: /\bas per (your|our) (?:request|conversation|previous (?:email|correspondence)|last (?:email|message))/i, human: (m) => (m[1]!.toLowerCase() === 'your' ? 'as you asked' : 'as we discussed'), severity: 'info' },
];

export const robotic: Rule = {
  id: 'robotic',
  step: 'be-human',
  severity: 'warn',
  docs: docsOf('robotic'),
  match: ({ view, slots }) => {
    const hits: Hit[] = [];
    for (const s of view.sentences) {
      if (s.role === 'signoff') continue;
      for (const p of PHRASES) {
        const m = p.re.exec(s.norm);
        if (!m || hits.some((h) => h.start < s.start + m.index + m[0].length && s.start + m.index < h.end)) continue;
        const human = typeof p.human === 'string' ? p.human : p.human(m, slots);
        const severity = p.severity;
        if (human === '') {
          // Nothing to say instead: the finding is the sentence, the rewrite is the sentence without it.
          hits.push({ start: s.start, end: s.end, sentence: s, kind: 'filler', rewrite: swapIn(s, m.index, m.index + m[0].length, ''), ...(severity ? { severity } : {}) });
          continue;
        }
        // Keep the case of the words replaced: "Thank you for ..." → "Thanks for ...", "... and we value" → "... and thank".
        const rewrite = caseLike(human, /^[^a-z]/.test(m[0]));
        hits.push({ start: s.start + m.index, end: s.start + m.index + m[0].length, sentence: s, kind: 'phrase', rewrite, ...(severity ? { severity } : {}) });
      }
    }
    return hits;
  },
  message: (hit) =>
    hit.kind === 'filler' ? 'Formal filler: it adds distance, not meaning. Leave it out.' : 'Sounds scripted. Say it the way you would to someone in front of you.',
  suggest: (hit) => hit.rewrite!,
  examples: {
    fires: [
      'We apologize for any inconvenience this may have caused.',
      'Your call is important to us.',
      'Thank you for your patience and understanding.',
      'Please be advised that your account has been suspended.',
      'We regret to inform you that the item is out of stock.',
      'Please do not hesitate to contact us if you have any questions.',
      'We regret any inconvenience this may have caused.',
      'Dear valued customer, thank you for reaching out to us.',
    ],
    quiet: [
      "I'm sorry about the hassle with your order.",
      "I'm glad you got in touch.",
      'Thanks for bearing with me while I checked.',
      "If anything else comes up, just reply here and it comes straight to me.",
      'Dear Ms Reid, thanks for your message.',
    ],
  },
};
