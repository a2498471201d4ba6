// The draft coach: per-rule catch rates on the draft set (tests/coach/drafts.ts), how many good
// drafts stay clean, and speed on a 300-word draft — a cold check (nothing cached), a re-check of the
// same draft, and a re-check after editing one sentence (the keystroke-pause case). The goals (each
// rule ≥ 80%, good drafts ≥ 85% clean, < 5 ms median) are checked here, never in unit tests.
import { CONTRACT_RULE_IDS, RULES, checkDraft } from '@/lib/coach';
import { grammarParses, resetGrammarCache } from '@/lib/coach/grammar';
import { readDraft } from '@/lib/coach/text';
import { DRAFTS } from '@/tests/coach/drafts';
import { analysisOf } from '@/tests/coach/helpers';
import { existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { analyzeMessage } from '@/lib/analysis';
import { REPO_ROOT, readJsonl } from './_data';
import { examplesRunOn, medianMs, slowest, table } from './_table';

export const title = 'Draft coach: rule rates on the draft set, and speed';

const NOW = new Date(2025, 5, 3, 10, 15);

// A long, realistic reply (≈ 300 words) with a few sentences the cheap pass flags for grammar.
const LONG_DRAFT = `Hi Maria,

I'm really sorry you've had to write again about order #48213, and I'm sorry it has taken three weeks to get this far. That's on us, and I'm taking this myself from here.

I've read back through your earlier messages, so you won't need to repeat anything. Here is where things stand. The order was packed on the 2nd but it was never handed over for delivery, which is why the tracking page has not moved since then. I've asked the warehouse team to find the parcel this morning, and I've also booked a replacement by express delivery in case it can't be found quickly. The replacement is due to leave our warehouse today and should reach you within two working days.

I can't promise it will never happen again, but I've found what went wrong: a label printer at the warehouse skipped a batch of orders, and yours was one of them. The team has changed the check they do at the end of each day so a skipped label is spotted the same evening.

You also asked about the delivery charge. I've refunded it in full, and you'll see it back on your card within five working days. If it isn't there by Friday, reply here and I'll chase it with our finance team the same day.

I'll email you the tracking link by 3pm today, and I'll check the tracking myself tomorrow morning to make sure the parcel is moving. If anything changes before then, I'll tell you straight away rather than waiting for you to ask.

Thank you for your patience with this, and for telling us what happened. It helps us fix the cause, not just your order.

Best,
Alex`;

/** A labelled draft (the rules it breaks) and the rules the coach raised on it. */
interface Judged {
  breaks: readonly string[];
  fired: Set<string>;
}

/** Per contract rule: the drafts breaking it, how many of them the coach caught, and its stray firings
 * (on drafts that do not break it: good drafts and drafts breaking other rules). */
function perRule(results: Judged[]) {
  return CONTRACT_RULE_IDS.map((id) => {
    const breaking = results.filter((r) => r.breaks.includes(id)).length;
    const caught = results.filter((r) => r.breaks.includes(id) && r.fired.has(id)).length;
    const stray = results.filter((r) => !r.breaks.includes(id) && r.fired.has(id)).length;
    return { id, breaking, caught, stray, rate: breaking ? `${((100 * caught) / breaking).toFixed(0)}%` : '-' };
  });
}

/** The drafts that break no rule, and how many of them got no finding. */
function goodClean(results: Judged[]): { good: number; clean: number } {
  const good = results.filter((r) => r.breaks.length === 0);
  return { good: good.length, clean: good.filter((r) => r.fired.size === 0).length };
}

function rates(): void {
  const results = DRAFTS.map((d) => ({ breaks: d.breaks, fired: new Set(checkDraft(d.draft, { ...(d.message ? { analysis: analysisOf(d.message)! } : {}), now: NOW }).map((f) => f.rule)) }));
  const rows = perRule(results).map((r) => [r.id, r.breaking, r.caught, r.rate, r.stray, r.caught / r.breaking >= 0.8 ? 'ok' : 'BELOW 80%']);
  console.log(table(['rule', 'breaking drafts', 'caught', 'rate', 'stray firings', 'goal ≥ 80%'], rows));
  const { good, clean } = goodClean(results);
  console.log(`\ngood drafts with no finding: ${clean}/${good} (${((100 * clean) / good).toFixed(0)}%, goal ≥ 85%) — ${DRAFTS.length} drafts in all\n`);
}

/** Median CPU time of one call (ms): unlike the wall clock, it does not count time spent descheduled on a busy machine. */
function medianCpuMs(fn: () => unknown, { warmup = 20, runs = 200 } = {}): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t0);
    times.push((d.user + d.system) / 1000);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function speed(): void {
  const view = readDraft(LONG_DRAFT);
  let n = 0;
  const cold = () => {
    resetGrammarCache();
    checkDraft(LONG_DRAFT, { now: NOW });
  };
  const same = () => checkDraft(LONG_DRAFT, { now: NOW });
  // One sentence edited, as between two keystroke pauses: the rep changes the time in a sentence the
  // cheap pass flags (it has a time phrase), so its grammar must be recomputed; the rest is cached.
  const edited = () => {
    n++;
    const time = `by ${1 + (n % 12)}:${String(Math.floor(n / 12) % 60).padStart(2, '0')}pm`;
    checkDraft(LONG_DRAFT.replace('to find the parcel this morning', `to find the parcel ${time}`), { now: NOW });
  };
  // Sentences compromise parsed in one call (the cold case starts from a reset counter).
  const parsed = (fn: () => void) => {
    const before = grammarParses();
    fn();
    return fn === cold ? grammarParses() : grammarParses() - before;
  };
  const rows = (
    [
      [`cold check (nothing cached), ${view.bodyWords} words / ${view.body.length} sentences`, cold, true],
      ['re-check, nothing changed', same, false],
      ['re-check after editing one sentence', edited, true],
    ] as const
  ).map(([label, fn, goal]) => {
    const p = parsed(fn);
    const wall = medianMs(fn, { warmup: 10, runs: 150 });
    const cpu = medianCpuMs(fn, { warmup: 10, runs: 150 });
    return [label, wall, cpu, p, goal ? (wall < 5 ? 'ok (< 5 ms)' : cpu < 5 ? 'ok on CPU time; wall clock over 5 ms' : 'OVER 5 ms') : ''];
  });
  console.log(table(['case', 'median ms (wall)', 'median ms (CPU)', 'sentences parsed', 'goal'], rows));
  console.log(`
load average during the run: ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores (wall-clock timings grow with it)`);
}

interface DraftFixtureCase {
  id: string;
  message: string;
  draft: string;
  breaks: string[];
}

/** A JSON Lines file of labelled drafts under tests/fixtures, or undefined when it is absent. */
function draftFixture<Extra = object>(name: string): (DraftFixtureCase & Extra)[] | undefined {
  const file = join(REPO_ROOT, 'tests', 'fixtures', name);
  return existsSync(file) ? readJsonl<DraftFixtureCase & Extra>(file) : undefined;
}

/** Each draft checked against the customer message it answers, as the real scorer reads that message. */
function checkCases(cases: DraftFixtureCase[]) {
  return cases.map((c) => ({ id: c.id, breaks: c.breaks, fired: new Set(checkDraft(c.draft, { analysis: analyzeMessage(c.message), now: NOW }).map((f) => f.rule)) }));
}

/** The tuning drafts (tests/fixtures/coach-tuning-drafts.jsonl, labelled for blame-shifting and dismissive;
 * coach-tuning-drafts-2.jsonl, labelled for false-certainty and excuse-first): written by someone who never
 * read the rules, each file labelled only for its two focus rules and used to widen those rules, so not an
 * estimate of accuracy (the holdout below is); tests/coach/tuning.test.ts keeps these figures from falling. */
function tuning(): void {
  for (const name of ['coach-tuning-drafts.jsonl', 'coach-tuning-drafts-2.jsonl']) {
    const cases = draftFixture<{ focus: string[] }>(name);
    if (!cases) continue;
    const focus = [...new Set(cases.flatMap((c) => c.focus))];
    const results = checkCases(cases);
    console.log(`\ntuning drafts in ${name} (written blind, used to tune ${focus.join(' and ')}; only those rules are labelled): ${cases.length} drafts`);
    console.log(table(['rule', 'breaking drafts', 'caught', 'rate', 'stray firings'], perRule(results).filter((r) => focus.includes(r.id)).map((r) => [r.id, r.breaking, r.caught, r.rate, r.stray])));
    const good = results.filter((r) => r.breaks.length === 0);
    console.log(`good tuning drafts with neither focus rule: ${good.filter((r) => !focus.some((id) => r.fired.has(id))).length}/${good.length}`);
  }
}

/** Drafts written blind (tests/fixtures/holdout-drafts.jsonl, by someone who had not read the coach),
 * each answering a customer message that the real scorer reads: reported, never tuned on. */
function holdout(): void {
  const cases = draftFixture('holdout-drafts.jsonl');
  if (!cases) return;
  const results = checkCases(cases);
  console.log(`\nholdout drafts (written blind; customer messages read by the real scorer): ${cases.length} drafts`);
  console.log(table(['rule', 'breaking drafts', 'caught', 'rate', 'stray firings'], perRule(results).map((r) => [r.id, r.breaking, r.caught, r.rate, r.stray])));
  const { good, clean } = goodClean(results);
  console.log(`good holdout drafts with no finding: ${clean}/${good}`);
  // The odd-numbered drafts' misses were used to improve the rules on 2026-11-25; the even-numbered
  // half has never been looked at and stays the honest estimate.
  for (const [name, odd] of [['seen half (odd ids; its misses were used)', true], ['blind half (even ids; never looked at)', false]] as const) {
    const half = results.filter((r) => Number(r.id.slice(-2)) % 2 === (odd ? 1 : 0));
    const should = half.reduce((n, r) => n + r.breaks.length, 0);
    const caught = half.reduce((n, r) => n + r.breaks.filter((b) => r.fired.has(b)).length, 0);
    const stray = half.reduce((n, r) => n + [...r.fired].filter((f) => !r.breaks.includes(f)).length, 0);
    console.log(`${name}: ${caught}/${should} rule breaks caught, ${stray} stray findings`);
  }
}

/** A pasted log or wall of text in the reply box: 20 KB with no full stops, made of each rule's own
 * examples, checked cold (as on the first keystroke pause after the paste). */
function runOns(): void {
  const worst = slowest(RULES.map((r) => [r.id, examplesRunOn(r)]), (t) => checkDraft(t, { now: NOW }), resetGrammarCache);
  console.log(`\nrun-on drafts (20 KB without full stops, one per rule, cold): worst ${worst.ms.toFixed(1)} ms (${worst.name}) — goal < 200 ms: ${worst.ms < 200 ? 'met' : 'MISSED'}`);
}

export async function run(): Promise<void> {
  rates();
  speed();
  runOns();
  tuning();
  holdout();
}
