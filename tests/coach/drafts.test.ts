// The coach against a set of realistic drafts (drafts.ts): every rule catches at least 80% of the
// drafts that break it, at least 85% of the good drafts get no finding, and every finding points at
// real words and carries a rewrite.
import { describe, expect, test } from 'vitest';
import { CONTRACT_RULE_IDS, checkDraft, type Finding } from '@/lib/coach';
import { DRAFTS, REPORTED } from './drafts';
import { analysisOf, NOW } from './helpers';

const results = DRAFTS.map((d) => ({ d, findings: checkDraft(d.draft, { ...(d.message ? { analysis: analysisOf(d.message)! } : {}), now: NOW }) }));

describe('the draft set', () => {
  test('has at least 60 drafts, good ones and ones breaking each rule', () => {
    expect(DRAFTS.length).toBeGreaterThanOrEqual(60);
    expect(DRAFTS.filter((d) => d.breaks.length === 0).length).toBeGreaterThanOrEqual(20);
    for (const id of CONTRACT_RULE_IDS) expect(DRAFTS.filter((d) => d.breaks.includes(id)).length).toBeGreaterThanOrEqual(4);
  });

  test.each([...CONTRACT_RULE_IDS])('%s fires on at least 80% of the drafts that break it', (id) => {
    const breaking = results.filter((r) => r.d.breaks.includes(id));
    const caught = breaking.filter((r) => r.findings.some((f) => f.rule === id));
    expect(caught.length / breaking.length).toBeGreaterThanOrEqual(0.8);
  });

  test('at least 85% of the good drafts get no finding at all', () => {
    const good = results.filter((r) => r.d.breaks.length === 0);
    const clean = good.filter((r) => r.findings.length === 0);
    expect(clean.length / good.length).toBeGreaterThanOrEqual(0.85);
  });

  test('every finding points at its words in the draft and carries a non-empty rewrite', () => {
    const all: [string, Finding][] = results.flatMap((r) => r.findings.map((f) => [r.d.draft, f] as [string, Finding]));
    expect(all.length).toBeGreaterThan(50);
    for (const [draft, f] of all) {
      expect(f.end).toBeGreaterThan(f.start);
      expect(draft.slice(f.start, f.end)).toBe(f.text);
      expect(f.suggestion.trim()).not.toBe('');
      expect(f.suggestion).not.toBe(f.text);
      expect(f.message.trim()).not.toBe('');
      expect(['warn', 'info']).toContain(f.severity);
    }
  });

  test('no rewrite leaves an empty slot, a stray bracket or "Hi ,"-style artefact', () => {
    for (const { findings } of results) {
      for (const f of findings) expect(f.suggestion).not.toMatch(/\{\w+\}|\[|\]|\s,|,\s*[.!?]|\s{2,}/);
    }
  });
});

describe('drafts the coach once got wrong', () => {
  test.each(REPORTED.map((d) => [d.id, d] as const))('%s gets exactly the rules it breaks', (_id, d) => {
    const rules = new Set(results.find((r) => r.d === d)!.findings.map((f) => f.rule));
    expect([...rules].sort()).toEqual([...d.breaks].sort());
  });
});
