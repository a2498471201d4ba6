// A pasted wall of text in the reply box (no full stops): the coach parses only a window around each
// match, so the words near the match still decide, and offsets still point into the draft.
import { describe, expect, test } from 'vitest';
import { checkDraft, checkedLength, MAX_CHECKED_CHARS } from '@/lib/coach';
import { NOW } from './helpers';

const filler = (n: number) => 'and then the parcel went back to the depot '.repeat(n);

describe('run-on drafts', () => {
  test('a false promise deep in a run-on is found, at the right offsets', () => {
    const draft = filler(100) + 'and I guarantee this will never happen again ' + filler(100);
    const f = checkDraft(draft, { now: NOW }).find((x) => x.rule === 'false-certainty');
    expect(f).toBeDefined();
    expect(draft.slice(f!.start, f!.end)).toContain('guarantee');
  });

  test('an honest hedge deep in a run-on stays quiet', () => {
    const draft = filler(100) + "and I can't guarantee it won't happen again but I'll update you by 3pm today " + filler(100);
    expect(checkDraft(draft, { now: NOW }).filter((x) => x.rule === 'false-certainty')).toEqual([]);
  });

  test('blame deep in a run-on is still read by its subject', () => {
    const blames = filler(100) + 'and the courier lost your parcel ' + filler(50);
    const owns = filler(100) + "and I've chased the courier about your parcel " + filler(50);
    expect(checkDraft(blames, { now: NOW }).some((x) => x.rule === 'blame-shifting')).toBe(true);
    expect(checkDraft(owns, { now: NOW }).some((x) => x.rule === 'blame-shifting')).toBe(false);
  });
});

describe('very long drafts', () => {
  test('only the first MAX_CHECKED_CHARS characters are checked, cut at a space, offsets intact', () => {
    const para = 'The courier lost your parcel. Please calm down. ';
    const draft = para.repeat(Math.ceil(60_000 / para.length));
    const cut = checkedLength(draft);
    expect(cut).toBeLessThanOrEqual(MAX_CHECKED_CHARS);
    expect(draft[cut]).toBe(' ');
    const findings = checkDraft(draft, { now: NOW });
    expect(findings.length).toBeGreaterThan(100);
    expect(Math.max(...findings.map((f) => f.end))).toBeLessThanOrEqual(cut);
    for (const f of findings.slice(-3)) expect(draft.slice(f.start, f.end)).toBe(f.text);
  });

  test('a draft under the limit is read whole', () => {
    expect(checkedLength('Please calm down.')).toBe('Please calm down.'.length);
  });
});
