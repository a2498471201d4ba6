// How long the customer has been waiting for an answer, from what the page shows: the time of their
// latest message, and whether the rep's side has answered since. Unknown stays unknown (undefined):
// a time the page writes in a form Date cannot read, a reply the page does not show.

/** Gmail writes its times for people ("Mon, 3 Mar 2025, 09:12", "Tue, Nov 24, 2026, 3:12 PM" with a
 * narrow no-break space); Zendesk writes ISO 8601. */
export function parseSentAt(sentAt: string | undefined): number | undefined {
  if (!sentAt) return undefined;
  const t = Date.parse(sentAt.replace(/[\u00a0\u202f]/g, ' ').trim());
  return Number.isNaN(t) ? undefined : t;
}

/** A clock a few minutes ahead of the sender's is not a message from the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** Older than this, the thread is being looked back at, not a customer still waiting (two weeks). */
export const STALE_HOURS = 14 * 24;

/** Hours since the customer's latest message when nobody has answered it yet; undefined when unknown,
 * answered, or older than STALE_HOURS. */
export function waitingHours(c: { sentAt?: string; answered?: boolean }, now: Date): number | undefined {
  if (c.answered !== false) return undefined;
  const t = parseSentAt(c.sentAt);
  if (t === undefined) return undefined;
  const ms = now.getTime() - t;
  if (ms < -CLOCK_SKEW_MS) return undefined;
  const hours = Math.max(0, ms) / 3_600_000;
  return hours > STALE_HOURS ? undefined : hours;
}
