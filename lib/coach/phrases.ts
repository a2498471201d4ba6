// The de-escalation phrasebook: one record per phrase, keyed to what the customer's message shows
// (its signal categories and facts) and to the house-rule step it serves. `fit` says how well the
// phrase answers this message (0: not offered); the phrasebook ranks by it. Templates take {name},
// {ref}, {time}, {promised}, {elapsed}, {lead}; a "[...]" part is dropped when its slot is unknown.
import { toThirdPerson } from '@/lib/analysis/facts';
import { times, type MessageView } from './message';
import type { Step } from './types';

export interface Phrase {
  id: string;
  step: Step;
  fit: (m: MessageView) => number;
  text: string;
  /** Used when `text` needs a slot the message did not give (e.g. no {promised}). */
  fallback?: string;
  why: (m: MessageView) => string;
}

/** "They have written 3 times." — or, when that count is theirs and the page shows fewer messages (the
 * panel's header says "2 customer messages"), "By their count, they have written 3 times." */
const writtenHowOften = (m: MessageView) => {
  const shown = m.analysis.facts.threadMessages;
  return `${shown !== undefined && shown < m.contactCount ? 'By their count, they' : 'They'} have written ${times(m.contactCount)}.`;
};

const upsetOrWatch = (m: MessageView, upset: number, watch: number) => (m.upset ? upset : m.watch ? watch : 0);

export const PHRASES: readonly Phrase[] = [
  // ---- recognize -------------------------------------------------------------------------------
  {
    id: 'ack-broken-promise',
    step: 'recognize',
    fit: (m) => (m.promised ? 9.5 : 0),
    text: "You were promised {promised}, and it didn't happen. I'm sorry[, {name}]; that's not good enough, and I'm going to put it right.",
    fallback: "We told you something would happen and it didn't. I'm sorry[, {name}]; that's not good enough, and I'm going to put it right.",
    why: (m) => (m.analysis.facts.promised ? `They were promised ${toThirdPerson(m.analysis.facts.promised)} and it did not happen.` : 'A promise to them was broken.'),
  },
  {
    id: 'ack-repeat-contact',
    step: 'recognize',
    fit: (m) => (m.repeat ? 9 + Math.min(m.contactCount, 4) / 10 : 0),
    text: "I'm sorry you've had to write again[, {name}]. That's on us, and I'm taking this myself.",
    why: (m) => (m.contactCount >= 2 ? writtenHowOften(m) : 'They say this is not the first time they have written.'),
  },
  {
    id: 'ack-anger',
    step: 'recognize',
    fit: (m) => (m.has('overt-anger') || m.analysis.level === 'angry' ? 8 : 0),
    text: "I can hear how angry you are[, {name}], and you have every right to be. Let's get this fixed.",
    why: () => 'Their message is openly angry: name it, then move to the fix.',
  },
  {
    id: 'ack-sarcasm',
    step: 'recognize',
    fit: (m) => (m.has('sarcasm') ? 7.5 : 0),
    text: "You're right to be fed up[, {name}]. This hasn't worked the way it should have, and I'm sorry.",
    why: () => 'Sarcasm: answer the real complaint plainly, without matching the tone.',
  },
  {
    id: 'ack-elapsed',
    step: 'recognize',
    fit: (m) => (m.waited ? 7 : 0),
    text: "{elapsed} is far too long to be waiting. I'm sorry[, {name}], and I'm on it now.",
    fallback: "You've been waiting far too long. I'm sorry[, {name}], and I'm on it now.",
    why: (m) => (m.analysis.facts.elapsed[0] ? `They have been waiting ${m.analysis.facts.elapsed[0]}.` : 'They have been waiting a long time.'),
  },
  {
    id: 'ack-formal',
    step: 'recognize',
    fit: (m) => (m.has('controlled-formality') ? 7 : 0),
    text: "Thank you for setting this out so clearly[, {name}]. You shouldn't have had to, and I'm sorry it came to that.",
    why: () => 'Careful, formal wording often hides real frustration.',
  },
  {
    id: 'ack-disappointment',
    step: 'recognize',
    fit: (m) => (m.has('disappointment') ? 6.5 : 0),
    text: "I'm sorry we let you down[ with {ref}][, {name}]. You expected better from us, and you should have had it.",
    why: () => 'They sound let down rather than angry.',
  },
  {
    id: 'ack-treatment',
    step: 'recognize',
    fit: (m) => (m.said('mistreated') ? 9.6 : 0), // the fresher wound: before a broken promise
    text: "I'm sorry about how you were treated[, {name}]. That isn't how anyone should be spoken to, and I'm looking into it as well as the problem itself.",
    why: () => 'They say they were treated badly (hung up on, talked down to): acknowledge that first, apart from the fault.',
  },
  {
    id: 'ack-general',
    step: 'recognize',
    fit: (m) => upsetOrWatch(m, 5, 4.5),
    text: "I'm sorry about this[, {name}]. It's not the experience you should have had[ with {ref}].",
    why: (m) => `The message reads as ${m.analysis.level}: acknowledge that before anything else.`,
  },
  {
    id: 'ack-calm',
    step: 'recognize',
    // a first answer's greeting; a follow-up to a message already answered doesn't open with it
    fit: (m) => (m.calm && !m.answered ? 8 : 0),
    text: 'Thanks for getting in touch[, {name}]. Happy to help[ with {ref}].',
    why: () => 'A calm message: a brief, warm acknowledgement is enough.',
  },
  // ---- listen ----------------------------------------------------------------------------------
  {
    id: 'listen-deadline',
    step: 'listen',
    fit: (m) => (m.has('time-pressure') ? 7 : 0),
    text: "When do you need this sorted by? I'll plan around that.",
    why: () => 'They are up against a deadline: find out what it is.',
  },
  {
    id: 'listen-read-all',
    step: 'listen',
    fit: (m) => (m.said('not-read') ? 8 : 0),
    text: "I've read back through everything you've sent us[ about {ref}], so you won't need to repeat any of it.",
    why: () => 'They feel nobody read their emails: read the whole thread, then say you have.',
  },
  {
    id: 'listen-details',
    step: 'listen',
    // a calm report of a problem; a plain question ("Do you deliver to Ireland?") has nothing to notice
    fit: (m) => (m.calm && m.problem ? 6 : 0),
    text: 'Could you tell me when you first noticed this[ with {ref}]? Then I can look in the right place.',
    why: () => 'Find out what happened before answering.',
  },
  {
    id: 'listen-impact',
    step: 'listen',
    fit: (m) => (m.repeat || m.promised ? 2 : upsetOrWatch(m, 4, 4)),
    text: 'So I get this right first time: what has this stopped you from doing, and is there anything urgent I should deal with first?',
    why: () => 'Find out the impact, not only the fault.',
  },
  // ---- respond ---------------------------------------------------------------------------------
  {
    id: 'respond-legal',
    step: 'respond',
    fit: (m) => (m.has('legal-threat') ? 9.5 : 0),
    text: "I understand why you're considering that, and it's your right. I'd like the chance to put it right first: I'm reviewing [{ref}|the charge] now and will come back to you {time} with what I can do.",
    why: () => 'They mention legal action or a chargeback: no arguing, no threats, move fast.',
  },
  {
    id: 'respond-churn',
    step: 'respond',
    fit: (m) => (m.has('churn-threat') ? 9 : 0),
    text: "I'd be sorry to lose you[, {name}], and I understand why you're thinking about it. Before you decide, let me put [{ref}|this] right properly. I'll update you {time}.",
    why: () => 'They talk about leaving: show you value them, without offering a bribe.',
  },
  {
    id: 'respond-urgent',
    step: 'respond',
    fit: (m) => (m.has('time-pressure') ? 7.5 : 0),
    text: "I know time matters here, so I'm treating [{ref}|this] as urgent and working on it now.",
    why: () => 'They are under time pressure.',
  },
  {
    id: 'respond-fix-now',
    step: 'respond',
    fit: (m) => upsetOrWatch(m, 5, 4),
    text: "I'm working on [{ref}|this] right now, and I'll fix what I can before I come back to you.",
    why: () => 'Fix first, explain after.',
  },
  // ---- take ownership --------------------------------------------------------------------------
  {
    id: 'own-bounced',
    step: 'take-ownership',
    fit: (m) => (m.has('bounced') ? 9 : 0),
    text: "I'm sorry you've been passed from one person to the next[, {name}]. That stops with me: I'll see this through myself.",
    why: () => 'They have been bounced between people or departments.',
  },
  {
    id: 'own-repeat',
    step: 'take-ownership',
    fit: (m) => (m.repeat ? 7 : 0),
    text: "You won't need to explain this again: I'm keeping [{ref}|your case] with me until it's sorted.",
    why: () => 'They have had to repeat themselves.',
  },
  {
    id: 'own-general',
    step: 'take-ownership',
    fit: (m) => upsetOrWatch(m, 4.5, 3),
    text: "This is ours to fix, not yours, and I'm coordinating it from here.",
    why: () => 'Take ownership: be the one who coordinates the fix.',
  },
  // ---- don't lie -------------------------------------------------------------------------------
  {
    id: 'honest-unknown',
    step: 'dont-lie',
    fit: (m) => (m.promised || m.has('legal-threat') || m.has('churn-threat') ? 6 : m.upset ? 3 : 0),
    text: "I don't know yet exactly what went wrong, but I'll find out and tell you {time}.",
    why: (m) => (m.promised ? 'They have heard promises before: promise only what you control.' : "Be honest about what you don't know yet."),
  },
  // ---- escalate --------------------------------------------------------------------------------
  {
    id: 'escalate-asked',
    step: 'escalate',
    fit: (m) => (m.asked ? 10 : 0),
    text: "I've asked {lead} to look at this with me today, and one of us will call you {time}.",
    why: () => 'They asked for a manager: offer a named person and a time.',
  },
  {
    id: 'escalate-early',
    step: 'escalate',
    fit: (m) => (!m.asked && (m.contactCount >= 3 || m.analysis.level === 'angry' || m.has('legal-threat') || m.has('churn-threat')) ? 8 : 0),
    text: "This has gone on too long, so I've asked {lead} to review it with me. You won't need to ask.",
    why: (m) => (m.contactCount >= 3 ? `${writtenHowOften(m).replace(/\.$/, '')}: escalate before they have to ask.` : 'Escalate before they have to ask.'),
  },
  // ---- follow up -------------------------------------------------------------------------------
  {
    id: 'follow-promise-kept',
    step: 'follow-up',
    fit: (m) => (m.promised ? 8 : 0),
    text: "I'll get back to you {time}. It's in my diary, and I'll keep to it.",
    why: () => 'A promise was broken: make a small one and keep it.',
  },
  {
    id: 'follow-elapsed',
    step: 'follow-up',
    fit: (m) => (m.waited ? 6.5 : 0),
    text: "I'll update you {time}, and every working day after that until it's fixed.",
    why: () => 'They have waited a long time: keep them updated without being asked.',
  },
  {
    id: 'follow-time',
    step: 'follow-up',
    fit: (m) => (m.calm ? 0 : 6),
    text: "I'll update you {time}, even if I don't have the full answer by then.",
    why: () => 'Give a concrete next step and a time.',
  },
  {
    id: 'follow-calm',
    step: 'follow-up',
    fit: (m) => (m.calm ? 7 : 0),
    text: "I'll look into it and let you know {time}.",
    why: () => 'Say what happens next, and when.',
  },
  // ---- root cause ------------------------------------------------------------------------------
  {
    id: 'root-cause-check',
    step: 'root-cause',
    fit: (m) => (m.connectivity && !m.calm ? 5.5 : m.repeat ? 5 : 0),
    text: "I'm checking what changed on our side[ for {ref}], so it gets fixed properly rather than patched.",
    why: (m) => (m.connectivity ? "It's tempting to blame their connection: check our side first." : 'It keeps happening: find the root cause.'),
  },
];
