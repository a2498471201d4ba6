// Every rule record's own examples are its spec: each `fires` example gets a finding from that rule,
// each `quiet` example gets none from it.
import { describe, expect, test } from 'vitest';
import { CONTRACT_RULE_IDS, RULES, checkDraft, exampleDraft, type Example } from '@/lib/coach';
import { RULE_DOCS } from '@/lib/coach/rules/docs';
import { analysisOf, NOW } from './helpers';

function run(example: Example, ruleId: string) {
  const draft = exampleDraft(example);
  const analysis = typeof example === 'string' ? undefined : analysisOf(example.message);
  return checkDraft(draft, { ...(analysis ? { analysis } : {}), now: NOW }).filter((f) => f.rule === ruleId);
}

const fires = RULES.flatMap((r) => r.examples.fires.map((ex) => [r.id, exampleDraft(ex), ex] as const));
const quiet = RULES.flatMap((r) => r.examples.quiet.map((ex) => [r.id, exampleDraft(ex), ex] as const));

describe('rule examples', () => {
  test.each(fires)('%s fires on "%s"', (id, _draft, example) => {
    expect(run(example, id)).not.toHaveLength(0);
  });

  test.each(quiet)('%s stays quiet on "%s"', (id, _draft, example) => {
    expect(run(example, id)).toEqual([]);
  });
});

describe('the rule list', () => {
  test('holds every rule id design.md contract 2 names', () => {
    expect(RULES.map((r) => r.id)).toEqual(expect.arrayContaining([...CONTRACT_RULE_IDS]));
  });

  test('has unique ids', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  test.each(RULES.map((r) => [r.id, r] as const))('%s has docs, a step and examples both ways', (_id, rule) => {
    expect(rule.docs.length).toBeGreaterThan(20);
    expect(rule.step).toBeTruthy();
    expect(rule.examples.fires.length).toBeGreaterThan(0);
    expect(rule.examples.quiet.length).toBeGreaterThan(0);
  });

  test.each(RULES.filter((r) => r.needsMessage).map((r) => [r.id, r] as const))('%s (a context rule) stays quiet without a message analysis', (id, rule) => {
    for (const ex of rule.examples.fires) {
      const draft = exampleDraft(ex);
      expect(checkDraft(draft, { now: NOW }).filter((f) => f.rule === id)).toEqual([]);
    }
  });
});

describe('the data-only docs list (what the settings page shows)', () => {
  test('names every rule once, in the order the rules run, with the line each rule carries', () => {
    expect(RULE_DOCS.map((d) => d.id)).toEqual(RULES.map((r) => r.id));
    for (const r of RULES) expect(r.docs).toBe(RULE_DOCS.find((d) => d.id === r.id)!.docs);
  });
});
