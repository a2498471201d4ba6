// A fresh, isolated database per test (fake-indexeddb is loaded by tests/setup.ts).
import { DefuseDB } from '@/lib/storage';
import type { Result } from '@/lib/storage';

export function freshDb(upToVersion?: number): DefuseDB {
  return new DefuseDB(`test-${crypto.randomUUID()}`, upToVersion ? { upToVersion } : {});
}

/** The value of a Result that must have succeeded (the failure's message otherwise). */
export function must<T, P>(r: Result<T, P>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

/** Local-time milliseconds for a calendar day and hour, so tests don't depend on the machine's time zone. */
export const at = (day: string, hour = 12, minute = 0) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hour, minute).getTime();
};

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQbgRmx';
export const ZENDESK_URL = 'https://acme.zendesk.com/agent/tickets/4821';
