// Ranked de-escalation suggestions for one customer message: the phrases that fit what it shows,
// best first, at most one per house-rule step so the set walks the reply (recognize → listen →
// respond → take ownership → escalate → follow up), filled with the message's name, order and a time.
import type { Analysis } from '@/lib/analysis/types';
import { readMessage } from './message';
import { PHRASES, type Phrase } from './phrases';
import { canFill, fill, nextUpdate, promisedUpdate, slotsFor, type SlotOptions } from './slots';
import type { Suggestion } from './types';

export interface SuggestOptions extends SlotOptions {
  /** At most this many (default 5, never fewer than 3 when 3 fit). */
  limit?: number;
  /** The message text, when at hand: lets phrases notice what it is about (e.g. connectivity). */
  text?: string;
  /** The rep has already answered this message in the page (a follow-up reply, not a first answer). */
  answered?: boolean;
}

export function suggestReplies(analysis: Analysis, opts: SuggestOptions = {}): Suggestion[] {
  const limit = Math.max(1, opts.limit ?? 5);
  const m = readMessage(analysis, opts);
  // one clock for the {time} words and the moment they mean
  const now = opts.now ?? new Date();
  const slots = slotsFor(analysis, { ...opts, now });
  const fitting = PHRASES.map((p) => ({ p, rank: p.fit(m) }))
    .filter((x) => x.rank > 0)
    .sort((a, b) => b.rank - a.rank);
  // Best per step first; then, if fewer than three, the next best of any step.
  const picked: { p: Phrase; rank: number }[] = [];
  for (const x of fitting) if (picked.length < limit && !picked.some((y) => y.p.step === x.p.step)) picked.push(x);
  for (const x of fitting) if (picked.length < Math.min(3, limit) && !picked.includes(x)) picked.push(x);
  const update = nextUpdate(now);
  return picked
    .sort((a, b) => b.rank - a.rank)
    .map(({ p, rank }) => {
      const template = !canFill(p.text, slots) && p.fallback ? p.fallback : p.text;
      const text = fill(template, slots);
      // a phrase that promises the update time gets that time, for "remind me then"
      const promised = /\{time\}/.test(template) ? promisedUpdate(text, update) : undefined;
      return {
        id: p.id,
        step: p.step,
        text,
        why: p.why(m),
        rank: Math.round(rank * 10) / 10,
        ...(promised ? { update: promised } : {}),
      };
    });
}
