// The tuning drafts: two files of 90 replies each, written by someone who had not read the rules, each
// draft labelled only with which of its file's two focus rules it breaks (other rules are not labelled, so
// each file is judged on its own focus rules only). A regression guard at the level reached when the rules
// were widened against them.
//
// tests/fixtures/coach-tuning-drafts.jsonl — blame-shifting and dismissive (2026-12-06):
//
//   rule            breaking  caught  stray
//   blame-shifting        35      33      1   (was 7 caught, 2 stray)
//   dismissive            30      30      1   (was 6 caught, 1 stray)
//
// Misses: tune-004 (the roaming add-on's timing; no wording to catch it by) and tune-089 (insisting the
// parcel was delivered and suggesting another look around). Strays: tune-041 gets blame-shifting on
// "You'd have known this if you had read the T&Cs" (arguably it does blame the customer), tune-034 gets
// dismissive on "obviously" aimed at a colleague. The blind holdout set is what estimates real accuracy;
// these figures are only a floor, so a drop is a regression to look at.
//
// tests/fixtures/coach-tuning-drafts-2.jsonl — false-certainty and excuse-first (2026-12-06):
//
//   rule            breaking  caught  stray
//   false-certainty       35      25      0   (was 12 caught, 3 stray)
//   excuse-first          30      28      0   (was 13 caught, 1 stray)
//
// Misses: eight are another party's timing stated as fact ("the money will be in your account on Friday",
// "it'll turn up before 6 tonight"). A pattern for them reached 33 here but flagged drafts the curated set
// counts as good ("I've processed the refund. It'll be back in your account by Friday."), so it was left out:
// after the rep has acted, a plain date is how people talk. tune2-023 ("it's going to be a yes") and tune2-062
// ("you can look forward to that sea view") have no wording to catch. Two excuse-first drafts (tune2-014,
// tune2-088) open with blame; blame-shifting flags those words and excuse-first gives way to it.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeMessage } from '@/lib/analysis';
import { checkDraft } from '@/lib/coach';
import { REPO_ROOT, readJsonl } from '@/scripts/bench/_data';
import { NOW } from './helpers';

interface TuningDraft {
  id: string;
  message: string;
  draft: string;
  breaks: string[];
  focus: string[];
}

interface TuningFile {
  name: string;
  focus: string[];
  floor: Record<string, { caught: number; maxStray: number }>;
}

const FILES: TuningFile[] = [
  {
    name: 'coach-tuning-drafts.jsonl',
    focus: ['blame-shifting', 'dismissive'],
    floor: { 'blame-shifting': { caught: 33, maxStray: 1 }, dismissive: { caught: 30, maxStray: 1 } },
  },
  {
    name: 'coach-tuning-drafts-2.jsonl',
    focus: ['excuse-first', 'false-certainty'],
    floor: { 'false-certainty': { caught: 25, maxStray: 0 }, 'excuse-first': { caught: 28, maxStray: 0 } },
  },
];

function load(name: string): TuningDraft[] {
  return readJsonl<TuningDraft>(join(REPO_ROOT, 'tests', 'fixtures', name));
}

describe.each(FILES)('the tuning drafts in $name', ({ name, focus, floor }) => {
  const drafts = load(name);
  const results = drafts.map((d) => ({ d, fired: new Set(checkDraft(d.draft, { analysis: analyzeMessage(d.message), now: NOW }).map((f) => f.rule)) }));

  test('are all there, each judged on its two focus rules', () => {
    expect(drafts).toHaveLength(90);
    for (const d of drafts) expect([...d.focus].sort()).toEqual(focus);
  });

  test.each(Object.entries(floor))('%s catches at least its floor, with no more strays', (id, { caught, maxStray }) => {
    const hits = results.filter((r) => r.d.breaks.includes(id) && r.fired.has(id)).map((r) => r.d.id);
    const strays = results.filter((r) => !r.d.breaks.includes(id) && r.fired.has(id)).map((r) => r.d.id);
    expect(hits.length).toBeGreaterThanOrEqual(caught);
    expect(strays.length, `stray on ${strays.join(', ')}`).toBeLessThanOrEqual(maxStray);
  });

  test('no good draft gets either focus rule', () => {
    const good = results.filter((r) => r.d.breaks.length === 0);
    expect(good.length).toBeGreaterThanOrEqual(30);
    for (const r of good) expect([...r.fired].filter((id) => id in floor), r.d.id).toEqual([]);
  });
});
