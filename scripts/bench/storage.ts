// Storage at a heavy rep's volume: 200 conversations a day × 20 tip usage events, for a year
// (≈ 1.46 M events), written through recordUsageBatch (validation + daily rollup, as the panel writes)
// into fake-indexeddb. Measures the dashboard aggregate, the CSV and JSON exports, and bytes per event.
//
// fake-indexeddb is an in-memory JavaScript model of IndexedDB: it is slower than Chrome's for writes
// and cursors, so the timings are an upper bound for the read paths measured here. If filling the full
// year would take longer than FILL_BUDGET_MS, the bench stops at the size it reached, measures at two
// sizes, and extrapolates linearly to a year — and says so.
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { DefuseDB } from '@/lib/storage/db';
import { addDays } from '@/lib/storage/day';
import { RAW_EVENT_DAYS } from '@/lib/storage/retention';
import { updateSettings } from '@/lib/storage/settings';
import type { UsageAction, UsageKind } from '@/lib/storage/types';
import { aggregateUsage, recordUsageBatch, type UsageInput } from '@/lib/storage/usage';
import { exportUsageCsv, exportUsageJson } from '@/lib/storage/usageExport';
import { table } from './_table';

export const title = 'Storage: a year of heavy tip usage (fake-indexeddb)';

const DAYS = 365;
const CONVERSATIONS_PER_DAY = 200;
const EVENTS_PER_CONVERSATION = 20;
const EVENTS_PER_DAY = CONVERSATIONS_PER_DAY * EVENTS_PER_CONVERSATION;
const YEAR_EVENTS = DAYS * EVENTS_PER_DAY;
const FIRST_DAY = '2025-01-01';
/** Stop filling after this long (the whole bench should stay under ~2 minutes). */
const FILL_BUDGET_MS = 60_000;
/** Days after which the first set of measurements is taken (≈ 10 % of a year). */
const CHECKPOINT_DAYS = 37;

const GOALS = { aggregateMs: 1000, exportMs: 5000 };

/** Deterministic pseudo-random numbers (mulberry32), so every run writes the same year. */
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUGGESTIONS = Array.from({ length: 40 }, (_, i) => `suggestion-${i + 1}`);
const RULES = ['blame-shifting', 'false-certainty', 'excuse-first', 'dismissive', 'robotic', 'missing-apology', 'missing-next-step', 'missing-escalation', 'passive-voice', 'jargon', 'wall-of-text', 'no-name'];
const REMINDERS = ['follow-up-time', 'confirm-resolution', 'check-refund', 'escalation-note', 'survey-ask', 'handover'];

/** One conversation's 20 events: suggestions shown and some used, rules fired and mostly fixed, reminders. */
function conversation(r: () => number, dayStart: number): UsageInput[] {
  const site = r() < 0.6 ? 'gmail' : 'zendesk';
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * r() * xs.length)]!; // skewed: a few ids are common
  const at = dayStart + Math.floor(r() * 9 * 3_600_000);
  const e = (kind: UsageKind, tipId: string, action: UsageAction): UsageInput => ({ kind, tipId, action, site, at });
  const out: UsageInput[] = [];
  for (let i = 0; i < 3; i++) {
    const tip = pick(SUGGESTIONS);
    out.push(e('suggestion', tip, 'shown'), e('suggestion', tip, 'shown'));
    out.push(e('suggestion', tip, r() < 0.35 ? 'inserted' : r() < 0.5 ? 'copied' : 'dismissed'));
  }
  for (let i = 0; i < 4; i++) {
    const rule = pick(RULES);
    out.push(e('rule', rule, 'shown'), e('rule', rule, r() < 0.7 ? 'fixed' : 'dismissed'));
  }
  for (let i = 0; i < 3; i++) out.push(e('reminder', pick(REMINDERS), i === 0 ? 'shown' : r() < 0.5 ? 'shown' : 'dismissed'));
  return out; // 9 + 8 + 3 = 20
}

async function timeAsync<T>(fn: () => Promise<T>, runs: number): Promise<{ ms: number; value: T }> {
  const times: number[] = [];
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    value = await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)]!, value };
}

interface Measured {
  events: number;
  days: number;
  fillMs: number;
  aggregateMs: number;
  csvMs: number;
  csvBytes: number;
  jsonMs: number;
  jsonBytes: number;
  rollupRows: number;
  rollupBytes: number;
  /** Walking raw events with a cursor and counting: the approach the rollup replaces (first 50k events, scaled). */
  scanMsPerEvent: number;
}

const utf8 = (s: string) => Buffer.byteLength(s, 'utf8');
const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

async function measure(db: DefuseDB, days: number, fillMs: number): Promise<Measured> {
  const range = { from: FIRST_DAY, to: addDays(FIRST_DAY, days - 1) };
  const events = await db.usage.count();
  const agg = await timeAsync(async () => must(await aggregateUsage(range, db)), 5);
  if (agg.value.events !== events) throw new Error(`aggregate counted ${agg.value.events} of ${events} events`);
  const csv = await timeAsync(async () => must(await exportUsageCsv(range, db)), 3);
  const json = await timeAsync(async () => must(await exportUsageJson(range, Date.now(), db)), 3);
  let rollupBytes = 0;
  let rollupRows = 0;
  await db.usageDays.each((row) => {
    rollupRows++;
    rollupBytes += utf8(JSON.stringify(row));
  });
  const SCAN = Math.min(50_000, events);
  const t0 = performance.now();
  let counted = 0;
  await db.usage.limit(SCAN).each(() => void counted++);
  const scanMsPerEvent = (performance.now() - t0) / counted;
  return {
    events,
    days,
    fillMs,
    aggregateMs: agg.ms,
    csvMs: csv.ms,
    csvBytes: utf8(csv.value.text),
    jsonMs: json.ms,
    jsonBytes: utf8(json.value.text),
    rollupRows,
    rollupBytes,
    scanMsPerEvent,
  };
}

/** Average stored size of an event: its JSON (UTF-8), sampled. */
async function eventJsonBytes(db: DefuseDB): Promise<number> {
  const sample = await db.usage.limit(2000).toArray();
  return sample.reduce((s, e) => s + utf8(JSON.stringify(e)), 0) / sample.length;
}

const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`;
const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 0)} ms`);
const verdict = (x: number, goal: number) => (x < goal ? 'met' : 'MISSED');

export async function run(): Promise<void> {
  const db = new DefuseDB(`bench-${Date.now()}`, { indexedDB, IDBKeyRange });
  must(await updateSettings({ repLabel: 'Bench rep' }, db));
  const r = rng(42);

  const measured: Measured[] = [];
  let fillMs = 0;
  let days = 0;
  for (; days < DAYS; days++) {
    const day = addDays(FIRST_DAY, days);
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const dayStart = new Date(y, m - 1, d, 8).getTime();
    const batch: UsageInput[] = [];
    for (let c = 0; c < CONVERSATIONS_PER_DAY; c++) batch.push(...conversation(r, dayStart));
    const t0 = performance.now();
    must(await recordUsageBatch(batch, dayStart, db));
    fillMs += performance.now() - t0;
    if (days + 1 === CHECKPOINT_DAYS) measured.push(await measure(db, days + 1, fillMs));
    if (fillMs > FILL_BUDGET_MS && days + 1 < DAYS) {
      days++;
      break;
    }
  }
  if (measured.at(-1)?.days !== days) measured.push(await measure(db, days, fillMs));
  const full = days === DAYS;
  const [small, big] = [measured[0]!, measured.at(-1)!];
  const perEventJson = await eventJsonBytes(db);
  db.close();

  // Linear extrapolation from the two measured sizes to a year (through the larger point, with the
  // slope between the two; never below the larger measurement).
  const extrapolate = (f: (m: Measured) => number) => {
    if (full) return f(big);
    const slope = (f(big) - f(small)) / (big.events - small.events);
    return Math.max(f(big), f(big) + slope * (YEAR_EVENTS - big.events));
  };
  const yearCol = full ? 'a year (measured)' : `a year (${YEAR_EVENTS.toLocaleString('en')}, extrapolated)`;

  const header = ['', `${small.events.toLocaleString('en')} events (${small.days} d)`, `${big.events.toLocaleString('en')} events (${big.days} d)`, yearCol, 'goal', 'result'];
  const row = (label: string, f: (m: Measured) => number, fmt: (x: number) => string, goal?: number) => {
    const year = extrapolate(f);
    return [label, fmt(f(small)), fmt(f(big)), fmt(year), goal ? `< ${ms(goal)}` : '', goal ? verdict(year, goal) : ''];
  };
  const rows = [
    row('write (recordUsageBatch, 1 day per batch)', (m) => m.fillMs, ms),
    row('aggregateUsage over the whole range', (m) => m.aggregateMs, ms, GOALS.aggregateMs),
    row('exportUsageCsv over the whole range', (m) => m.csvMs, ms, GOALS.exportMs),
    row('exportUsageJson over the whole range', (m) => m.jsonMs, ms, GOALS.exportMs),
    row('CSV file size', (m) => m.csvBytes, mb),
    row('JSON file size', (m) => m.jsonBytes, mb),
    row('rollup rows (usageDays)', (m) => m.rollupRows, (x) => Math.round(x).toLocaleString('en')),
    row('for comparison: walking every event with a cursor (first 50k timed, scaled)', (m) => m.scanMsPerEvent * m.events, ms),
  ];
  console.log(table(header, rows));

  // Bytes per event. The event's JSON is what its structured-clone record roughly holds; each index
  // entry holds its key plus the primary key. The rollup's size is shared by the day's events.
  const indexBytes = 8 /* primary key entry (a number) */ + (12 /* 'YYYY-MM-DD' key */ + 8) /* `day` index entry */;
  const rollupPerEvent = big.rollupBytes / big.events;
  console.log(
    '\n' +
      table(
        ['bytes per event', 'bytes', 'how measured'],
        [
          ['event record', Math.round(perEventJson), 'JSON.stringify of 2,000 stored rows, UTF-8, averaged (id, kind, tipId, action, site, day, at, rep)'],
          ['index entries', indexBytes, 'estimate: primary key (8) + `day` index entry (key ≈ 12 + primary key 8)'],
          ['daily rollup share', Math.round(rollupPerEvent * 10) / 10, `JSON size of all usageDays rows (${big.rollupRows.toLocaleString('en')}) ÷ events`],
          ['total', Math.round(perEventJson + indexBytes + rollupPerEvent), `≈ ${mb((perEventJson + indexBytes + rollupPerEvent) * YEAR_EVENTS)} if a year of ${YEAR_EVENTS.toLocaleString('en')} raw events were all kept, before the browser's compression (Chrome's LevelDB uses Snappy)`],
          [
            'kept after retention',
            '',
            `≈ ${mb(rollupPerEvent * YEAR_EVENTS + (perEventJson + indexBytes) * YEAR_EVENTS * (RAW_EVENT_DAYS / 365))}: a year of daily rollups plus the last ${RAW_EVENT_DAYS} days of raw events (RAW_EVENT_DAYS)`,
          ],
        ],
      ),
  );

  console.log(
    '\n' +
      (full
        ? `Filled the whole year (${big.events.toLocaleString('en')} events) in ${ms(big.fillMs)}.`
        : `fake-indexeddb filled ${big.events.toLocaleString('en')} events in ${ms(big.fillMs)}; a full year would take ≈ ${ms(extrapolate((m) => m.fillMs))}, ` +
          `over the ${ms(FILL_BUDGET_MS)} budget, so the year column is extrapolated linearly from the two measured sizes.`) +
      `\nAggregation and exports read the daily rollup (one row per day and site), so their cost follows days × distinct tips, not events.` +
      `\nGoals: aggregate < ${ms(GOALS.aggregateMs)}: ${verdict(extrapolate((m) => m.aggregateMs), GOALS.aggregateMs)}; ` +
      `CSV export < ${ms(GOALS.exportMs)}: ${verdict(extrapolate((m) => m.csvMs), GOALS.exportMs)}; ` +
      `JSON export < ${ms(GOALS.exportMs)}: ${verdict(extrapolate((m) => m.jsonMs), GOALS.exportMs)}.`,
  );
}
