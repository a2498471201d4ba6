// Accuracy and speed of the frustration scorer against `sentiment` (AFINN, score < 0) and
// `vader-sentiment` (compound < -0.05), on the labelled data in ../shared/data and the product's own
// fixtures, plus the issue's goals (met / missed). Test splits are only read here, never in training.
import { loadavg } from 'node:os';
import Sentiment from 'sentiment';
import vader from 'vader-sentiment';
import { analyzeMessage } from '../../lib/analysis';
import { clearGrammarCache, grammarStats } from '../../lib/analysis/grammar';
import { WEIGHTS } from '../../lib/analysis/logistic';
import { cleanMessage } from '../../lib/analysis/clean';
import { SIGNALS } from '../../lib/analysis/signals';
import { DATASETS, loadFixture, loadSplit, prf, type Dataset, type Prf, type Row } from './_data';
import { examplesRunOn, medianMs, runOn, slowest, table } from './_table';

export const title = 'Frustration scorer: accuracy and speed (vs sentiment, vader-sentiment)';

const afinn = new Sentiment();
type System = { name: string; frustrated: (text: string) => boolean };
const SYSTEMS: System[] = [
  { name: 'defuse', frustrated: (t) => analyzeMessage(t).frustrated },
  { name: 'sentiment <0', frustrated: (t) => afinn.analyze(t).score < 0 },
  { name: 'vader <-0.05', frustrated: (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t).compound < -0.05 },
];

const pct = (x: number) => (100 * x).toFixed(1);

/** The split each dataset is judged on: test, except complaints-twitter whose test is withheld. */
function evalSplit(d: Dataset): { rows: Row[]; split: string } {
  const test = loadSplit(d, 'test');
  if (test) return { rows: test, split: 'test' };
  return { rows: loadSplit(d, 'dev') ?? [], split: 'dev (test withheld)' };
}

/** The customers' own words in the hidden-frustration fixtures: cleaned, greeting line dropped. */
function proseParagraphs(): string[] {
  return loadFixture('hidden-frustration').map((r) => cleanMessage(r.text).text.replace(/^(?:hi|hello|hey|dear|good \w+)\b[^\n]*\n+/i, ''));
}

/**
 * Support emails of about `bytes` as they arrive: greeting, several paragraphs of the fixtures'
 * prose (a different mix for each `salt`), sign-off, quoted history.
 */
function realisticEmail(salt: number, bytes = 2048): string {
  const prose = proseParagraphs();
  const head = 'Hi team,\n\n';
  const tail =
    '\n\nKind regards,\nMaria Lopez\nOperations Lead | Northwind Ltd\n\nOn Tue, 4 Mar 2025 at 10:12, Acme Support <help@acme.example> wrote:\n> Thanks for your patience. A replacement will ship within 2 business days.\n> If you have any other questions, reply to this email.\n';
  let body = '';
  for (let i = 0; i < prose.length; i++) {
    const p = prose[(salt + i) % prose.length]!;
    if (Buffer.byteLength(head + body + tail + p) + 2 > bytes) continue;
    body += (body ? '\n\n' : '') + p;
  }
  const email = head + body + tail;
  return email + ' '.repeat(Math.max(0, bytes - Buffer.byteLength(email)));
}

/** A message of about `bytes` that is all customer prose (everything in it is scored). */
function denseBody(bytes: number, salt = 0): string {
  const prose = proseParagraphs();
  const parts: string[] = [];
  let size = 0;
  for (let i = salt; size < bytes; i++) {
    const p = prose[i % prose.length]!;
    parts.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return parts.join('\n\n').slice(0, bytes);
}

/** Median over messages of each message's cold time (compromise's cache cleared first), in ms. */
function medianCold(messages: string[], rounds = 5): number {
  const times: number[] = [];
  for (const t of messages) analyzeMessage(t); // warm-up of the code, not of the cache
  for (let r = 0; r < rounds; r++) {
    for (const t of messages) {
      clearGrammarCache();
      const t0 = performance.now();
      analyzeMessage(t);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

function usPerKb(fn: (t: string) => unknown, texts: string[]): number {
  const kb = texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1024;
  for (const t of texts.slice(0, 200)) fn(t); // warm-up
  const t0 = performance.now();
  for (const t of texts) fn(t);
  return ((performance.now() - t0) * 1000) / kb;
}

/** Median time per message of any function over a set of messages (5 rounds), in ms. */
function medianCold2(messages: string[], fn: (t: string) => unknown, rounds = 5): number {
  const times: number[] = [];
  for (const t of messages) fn(t);
  for (let r = 0; r < rounds; r++) {
    for (const t of messages) {
      const t0 = performance.now();
      fn(t);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export async function run(): Promise<void> {
  const load = loadavg()[0]!;
  console.log(`Machine: Node ${process.version}, load average ${load.toFixed(2)} (timings below are wall-clock; other work on the machine inflates them).`);
  console.log(`Scorer: thresholds watch ${WEIGHTS.thresholds.watch} / frustrated ${WEIGHTS.thresholds.frustrated} / angry ${WEIGHTS.thresholds.angry}; the 'frustrated' column is the alert flag.`);
  console.log('Baselines: sentiment = AFINN score < 0; vader = compound < -0.05.\n');

  // ---------- accuracy ----------
  const results = new Map<string, Prf>();
  const rows: (string | number)[][] = [];
  let airlineCurve = '';
  for (const d of DATASETS) {
    const { rows: data, split } = evalSplit(d);
    const gold = data.map((r) => r.frustrated);
    for (const s of SYSTEMS) {
      const p = prf(data.map((r) => s.frustrated(r.text)), gold);
      results.set(`${d}/${s.name}`, p);
      rows.push([`${d} ${split}`, s.name, pct(p.precision), pct(p.recall), pct(p.f1), data.length]);
    }
    if (d === 'airline-tweets') {
      // for reference: the best recall anywhere on the score curve at precision >= 88%
      const scores = data.map((r) => analyzeMessage(r.text).score);
      let best = 0;
      for (let t = 1; t <= 100; t++) {
        const p = prf(scores.map((x) => x >= t), gold);
        if (p.precision >= 0.88) best = Math.max(best, p.recall);
      }
      airlineCurve = `airline test, best recall at precision >= 88% anywhere on defuse's score curve: ${pct(best)}% (reference only; the goal is judged at the alert threshold)`;
    }
    if (d === 'goemotions') {
      const controlled = data.filter((r) => r.controlled);
      for (const s of SYSTEMS) {
        const hit = controlled.filter((r) => s.frustrated(r.text)).length;
        results.set(`controlled/${s.name}`, { precision: NaN, recall: hit / controlled.length, f1: NaN, tp: hit, fp: 0, fn: controlled.length - hit });
        rows.push([`goemotions test, controlled only`, s.name, '-', pct(hit / controlled.length), '-', controlled.length]);
      }
    }
  }
  /** One row per system for a fixture all calm (its false-alarm rate) or all frustrated (its recall);
   * answers how many texts each system flagged. */
  const fixtureRows = (label: string, fixture: Row[], calmSet: boolean): Map<string, number> =>
    new Map(
      SYSTEMS.map((s) => {
        const flagged = fixture.filter((r) => s.frustrated(r.text)).length;
        const rate = pct(flagged / fixture.length);
        rows.push([label, s.name, '-', calmSet ? `FA ${rate}` : rate, '-', fixture.length]);
        return [s.name, flagged] as const;
      }),
    );
  const calm = loadFixture('calm-business');
  const hidden = loadFixture('hidden-frustration');
  for (const [s, fa] of fixtureRows('calm-business (false-alarm rate)', calm, true))
    results.set(`calm/${s}`, { precision: NaN, recall: fa / calm.length, f1: NaN, tp: fa, fp: 0, fn: 0 });
  for (const [s, hit] of fixtureRows('hidden-frustration (recall)', hidden, false))
    results.set(`hidden/${s}`, { precision: NaN, recall: hit / hidden.length, f1: NaN, tp: hit, fp: 0, fn: 0 });
  // Written blind on 2026-11-25 by someone who had not read the scorer (README, "Holdout mail"):
  // holdout's misses were later used to improve the signals; holdout2 is reported only.
  for (const set of ['holdout', 'holdout2'] as const) {
    fixtureRows(`${set} calm business (false-alarm rate)`, loadFixture(`${set}-calm-business`), true);
    fixtureRows(`${set} hidden frustration (recall)`, loadFixture(`${set}-hidden-frustration`), false);
  }
  // Written blind on 2026-12-06 and then used to tune the signals: its figures show what tuning reached.
  const tuning = loadFixture('tuning-hidden-frustration');
  fixtureRows('tuning set calm (false-alarm rate; tuned on)', tuning.filter((r) => !r.frustrated), true);
  fixtureRows('tuning set hidden frustration (recall; tuned on)', tuning.filter((r) => r.frustrated), false);
  console.log(table(['data', 'system', 'P %', 'R %', 'F1 %', 'n'], rows));
  console.log(airlineCurve);

  // ---------- speed ----------
  const corpus = DATASETS.flatMap((d) => evalSplit(d).rows.map((r) => r.text)).concat(calm.map((r) => r.text), hidden.map((r) => r.text));
  const speedFns: [string, (t: string) => unknown][] = [
    ['defuse', (t) => analyzeMessage(t)],
    ['sentiment', (t) => afinn.analyze(t)],
    ['vader', (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t)],
  ];
  clearGrammarCache();
  const perKb = speedFns.map(([name, fn]) => [name, usPerKb(fn, corpus)] as const);
  const base = perKb.find(([n]) => n === 'sentiment')![1];
  const kbTotal = corpus.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1024;
  console.log(`\nSpeed over the same ${corpus.length} texts (${kbTotal.toFixed(0)} KB: every evaluation text above), one pass after a warm-up:`);
  console.log(table(['system', 'µs per KB', '× sentiment'], perKb.map(([n, v]) => [n, v.toFixed(0), (v / base).toFixed(1)])));
  console.log(`(compromise parsed ${grammarStats().parses} sentences in total, the rest never needed grammar)`);

  const emails = Array.from({ length: 40 }, (_, i) => realisticEmail(i));
  const denses = Array.from({ length: 40 }, (_, i) => denseBody(2048, i));
  const email = emails[0]!;
  const parsesBefore = grammarStats().parses;
  for (const e of emails) {
    clearGrammarCache();
    analyzeMessage(e);
  }
  const emailsNeedingGrammar = grammarStats().parses - parsesBefore;
  const m = {
    emailCold: medianCold(emails),
    emailWarm: medianMs(() => analyzeMessage(email)),
    denseCold: medianCold(denses),
    vaderEmail: medianCold2(emails, (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t)),
    vaderDense: medianCold2(denses, (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t)),
    sentEmail: medianCold2(emails, (t) => afinn.analyze(t)),
  };
  console.log(
    `\nA 2 KB email: median over 40 different 2 KB emails × 5 rounds (ms). "cold" clears compromise's cache before each message (a message seen for the first time); "warm" re-checks unchanged text. Compromise parsed ${emailsNeedingGrammar} snippets for the 40 emails.`,
  );
  console.log(
    table(
      ['message', 'defuse cold', 'defuse warm', 'sentiment', 'vader', 'vader ÷ defuse cold'],
      [
        ['2 KB email as received (greeting, sign-off, quoted history)', m.emailCold.toFixed(3), m.emailWarm.toFixed(3), m.sentEmail.toFixed(3), m.vaderEmail.toFixed(3), (m.vaderEmail / m.emailCold).toFixed(1)],
        ['2 KB of frustrated prose, all of it scored', m.denseCold.toFixed(3), '-', '-', m.vaderDense.toFixed(3), (m.vaderDense / m.denseCold).toFixed(1)],
      ],
    ),
  );

  const sizes = [1, 2, 4, 8, 16];
  const lin = sizes.map((kb) => [kb, medianCold(Array.from({ length: 10 }, (_, i) => denseBody(kb * 1024, kb + i)), 4)] as const);
  console.log('\nCost against length (all-prose messages, cold cache):');
  console.log(table(['KB', 'median ms', 'µs per KB'], lin.map(([kb, ms]) => [kb, ms.toFixed(3), ((ms * 1000) / kb).toFixed(0)])));

  const paste = denseBody(1024 * 1024, 3);
  if (!cleanMessage(paste).truncated) throw new Error('bench bug: the 1 MB paste was cut by cleaning, not by size');
  const pasteRuns: number[] = [];
  let pasteResult = analyzeMessage(paste);
  for (let i = 0; i < 5; i++) {
    clearGrammarCache();
    const t0 = performance.now();
    pasteResult = analyzeMessage(paste);
    pasteRuns.push(performance.now() - t0);
  }
  pasteRuns.sort((a, b) => a - b);
  const pasteMs = pasteRuns[2]!;
  console.log(
    `\n1 MB paste (${paste.length} chars): ${pasteMs.toFixed(1)} ms median of 5 (max ${pasteRuns[4]!.toFixed(1)}), truncated: ${pasteResult.truncated ? `kept ${pasteResult.truncated.keptChars} of ${pasteResult.truncated.totalChars} chars` : 'no'}, level ${pasteResult.level}`,
  );

  // Run-on pastes: 20 KB with no full stops (a log, a forwarded wall of text), built from each signal's
  // examples and from each anchor word repeated, so every trigger's checks run on one huge "sentence".
  const runOns: [string, string][] = [];
  const seenAnchor = new Set<string>();
  for (const r of SIGNALS) {
    runOns.push([`${r.id} examples`, examplesRunOn(r)]);
    for (const w of r.anchors ?? []) if (!seenAnchor.has(w)) (seenAnchor.add(w), runOns.push([`"${w}" repeated`, runOn(w)]));
  }
  const worstRunOn = slowest(runOns, (t) => analyzeMessage(t), clearGrammarCache);
  console.log(`\nRun-on pastes (${runOns.length} texts of 20 KB without full stops): worst ${worstRunOn.ms.toFixed(1)} ms (${worstRunOn.name})`);

  // ---------- goals ----------
  const c = results.get('complaints-twitter/defuse')!;
  const g = results.get('goemotions/defuse')!;
  const a = results.get('airline-tweets/defuse')!;
  const fa = results.get('calm/defuse')!.recall;
  const perKbs = lin.map(([kb, ms]) => (ms * 1000) / kb);
  const linear = Math.max(...perKbs.slice(1)) / Math.min(...perKbs.slice(1)) < 2;
  const vaderRatio = Math.min(m.vaderEmail / m.emailCold, m.vaderDense / m.denseCold);
  const goals: [boolean, string][] = [
    [c.f1 >= 0.72 && c.recall >= 0.7, `complaints-twitter dev: F1 >= 72 with recall >= 70 — F1 ${pct(c.f1)}, R ${pct(c.recall)} (dev is also where the threshold was chosen)`],
    [g.f1 >= 0.5, `GoEmotions test: F1 >= 50 — F1 ${pct(g.f1)}`],
    [a.recall >= 0.8 && a.precision >= 0.88, `airline test: recall >= 80 at precision >= 88 (at the alert threshold) — R ${pct(a.recall)}, P ${pct(a.precision)}`],
    [fa < 0.1, `calm business messages: false alarms < 10% — ${pct(fa)}% (${results.get('calm/defuse')!.tp}/${calm.length})`],
    [Math.max(m.emailCold, m.denseCold) < 1, `2 KB email under 1 ms median — ${m.emailCold.toFixed(3)} ms as received, ${m.denseCold.toFixed(3)} ms all-prose (cold cache)`],
    [vaderRatio >= 5, `>= 5x faster than vader-sentiment on the same 2 KB — ${vaderRatio.toFixed(1)}x (worse of the two emails)`],
    [linear, `cost linear in length — µs per KB from 2 to 16 KB: ${perKbs.slice(1).map((x) => x.toFixed(0)).join(', ')}`],
    [pasteMs < 200 && !!pasteResult.truncated, `1 MB paste scored or cleanly truncated (truncated set) in < 200 ms — ${pasteMs.toFixed(1)} ms, truncated ${pasteResult.truncated ? 'yes' : 'no'}`],
    [worstRunOn.ms < 200, `any 20 KB run-on paste (no full stops, every signal's triggers) in < 200 ms — worst ${worstRunOn.ms.toFixed(1)} ms`],
  ];
  console.log('\nGoals');
  for (const [ok, text] of goals) console.log(`  ${ok ? 'MET   ' : 'MISSED'}  ${text}`);
}
