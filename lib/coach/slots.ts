// Filling phrasing with what is known about the message: the customer's name, the order or product,
// a concrete time for the next update. Templates degrade gracefully: "[, {name}]" disappears when
// the name is unknown, so no "Hi ," artefacts reach a customer.
import type { Analysis } from '@/lib/analysis/types';
import type { PromisedUpdate } from './types';

export interface Slots {
  /** Customer's first name. */
  name?: string;
  /** What the problem is about, ready to follow "with"/"on": "order #48213", "your router". */
  ref?: string;
  /** A concrete time for the next update: "by 3pm today", "by 10am tomorrow". */
  time: string;
  /** What they were promised: "a call back". */
  promised?: string;
  /** How long it has been: "three weeks". */
  elapsed?: string;
  /** Who an escalation goes to: "my team lead" unless settings name someone. */
  lead: string;
}

export interface SlotOptions {
  now?: Date;
  /** Who the rep escalates to, e.g. "Priya, our support lead". */
  escalationContact?: string;
}

export function slotsFor(analysis: Analysis | undefined, opts: SlotOptions = {}): Slots {
  const facts = analysis?.facts;
  const slots: Slots = { time: nextUpdateTime(opts.now ?? new Date()), lead: opts.escalationContact?.trim() || 'my team lead' };
  const name = facts?.customerFirstName?.trim();
  if (name) slots.name = name;
  const ref = refOf(facts?.references[0], facts?.products ?? []);
  if (ref) slots.ref = ref;
  const promised = facts?.promised?.trim().replace(/[.!?]+$/, '');
  if (promised) slots.promised = promised;
  // Only a duration reads well in "{elapsed} is far too long": "three weeks" yes, "since Monday" no.
  const elapsed = facts?.elapsed.map((e) => e.trim()).find((e) => DURATION.test(e));
  if (elapsed) slots.elapsed = elapsed;
  return slots;
}

const DURATION = /^(?:(?:over|almost|nearly|more than|about|around) )?(?:\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few|a couple of)\s+(?:whole |full )?(?:minutes?|hours?|days?|weeks?|months?|years?)$/i;

const KINDS = /^(?:order|ticket|invoice|booking|account|case|claim|reservation|bill|subscription|plan)$/;

/** "your order #48213" when the message names the kind of thing, "#48213" when not, else "your router". */
function refOf(reference: string | undefined, products: string[]): string | undefined {
  const r = reference?.trim();
  const kind = products.find((p) => KINDS.test(p));
  if (r) {
    const id = /^\d/.test(r) ? `#${r}` : r;
    return kind ? `your ${kind} ${id}` : id;
  }
  const p = (products.find((x) => !KINDS.test(x)) ?? kind)?.trim();
  // The analysis gives bare nouns ("router"); the customer's "my router" is the rep's "your router".
  return p ? `your ${p.replace(/^(?:my|our|the|your)\s+/i, '')}` : undefined;
}

/**
 * A time the rep can keep for the next update, in working hours (9am-5pm, Monday-Friday):
 * about two hours from now, rounded up to the hour, else 10am on the next working day.
 */
export function nextUpdateTime(now: Date): string {
  return nextUpdate(now).label;
}

/** The next update a rep can promise (two working hours ahead, else the next working morning), in
 * words ("by 3pm today") and as the local time it means, so a follow-up can be set for it. */
export function nextUpdate(now: Date): { label: string; at: Date } {
  const day = now.getDay(); // 0 Sunday
  const workday = day >= 1 && day <= 5;
  const hour = now.getHours() + (now.getMinutes() > 0 ? 1 : 0);
  const at = (daysAhead: number, h: number) => new Date(now.getFullYear(), now.getMonth(), now.getDate() + daysAhead, h, 0, 0, 0);
  if (workday && hour < 9) return { label: 'by 11am today', at: at(0, 11) };
  if (workday && hour + 2 <= 17) return { label: `by ${clock(hour + 2)} today`, at: at(0, hour + 2) };
  const next = (day + 1) % 7;
  if (next >= 1 && next <= 5) return { label: 'by 10am tomorrow', at: at(1, 10) };
  return { label: 'by 10am Monday', at: at(day === 5 ? 3 : 2, 10) }; // from Friday evening or Saturday
}

/** The update a text promises: `next` when its words are in `text` and were not already in `was`
 * (a rewrite that adds the time promises it; one that keeps the rep's own time does not). */
export function promisedUpdate(text: string, next: { label: string; at: Date }, was = ''): PromisedUpdate | undefined {
  return text.includes(next.label) && !was.includes(next.label) ? { at: next.at.toISOString(), label: next.label } : undefined;
}

function clock(h: number): string {
  if (h === 12) return 'noon';
  return h < 12 ? `${h}am` : `${h - 12}pm`;
}

const SLOT = /\{(\w+)\}/g;

/** Every slot the template needs outside optional [ ] parts is known. */
export function canFill(template: string, slots: Slots): boolean {
  const required = template.replace(/\[[^\[\]]*\]/g, '');
  return [...required.matchAll(SLOT)].every((m) => hasSlot(slots, m[1]!));
}

/**
 * Fills {slots}. An optional "[...]" part is kept only when every slot inside it is known;
 * "[A|B]" gives A when its slots are known, else B ("[{ref}|this]" → "order #4821" or "this").
 */
export function fill(template: string, slots: Slots): string {
  const known = (part: string) => [...part.matchAll(SLOT)].every((m) => hasSlot(slots, m[1]!));
  const withOptional = template.replace(/\[([^\[\]]*)\]/g, (_, inner: string) => inner.split('|').find(known) ?? '');
  const filled = withOptional.replace(SLOT, (_, key: string) => String(slots[key as keyof Slots] ?? ''));
  return tidy(filled);
}

function hasSlot(slots: Slots, key: string): boolean {
  const v = slots[key as keyof Slots];
  return typeof v === 'string' && v.trim() !== '';
}

/** Collapses doubled spaces, spaces before punctuation, and capitalises sentence starts. */
export function tidy(text: string): string {
  return text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\s+([,.;:!?])/g, '$1')
    .replace(/,\s*([.!?])/g, '$1')
    .replace(/(^|[.!?]\s+)([a-z])/g, (_, pre: string, c: string) => pre + c.toUpperCase())
    .trim();
}

/** First letter upper-case ("three weeks" → "Three weeks"). */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
