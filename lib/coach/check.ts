// The draft coach: checks a reply against the house rules and answers with findings, each pointing
// at the exact words and carrying a concrete rewrite. Cheap regular expressions first; grammar
// (compromise, cached per sentence) only on the sentences they flag.
import { commitsWithTime, timeWordsIn } from './cues';
import { looksEnglish } from './language';
import { checkedLength } from './limits';
import type { RuleContext } from './rule';
import { RULES } from './rules';
import { slotsFor } from './slots';
import { readDraft } from './text';
import type { CoachContext, Finding } from './types';

/** Every mention of the promised time after the first becomes "then": one promise per rewrite. */
function onePromise(text: string, time: string): string {
  const first = text.indexOf(time);
  if (first === -1) return text;
  const rest = first + time.length;
  return text.slice(0, rest) + text.slice(rest).split(time).join('then');
}

export function checkDraft(draft: string, context: CoachContext = {}): Finding[] {
  if (typeof draft !== 'string' || draft.trim() === '') return [];
  // a prefix, so every finding's offsets still point into the whole draft
  const view = readDraft(draft.slice(0, checkedLength(draft)));
  if (view.body.length === 0) return []; // only a greeting and/or a signature
  const off = new Set(context.disabledRules ?? []);
  const english = looksEnglish(view.body.map((s) => s.text).join(' '));
  const ctx: RuleContext = {
    view,
    ...(context.analysis ? { analysis: context.analysis } : {}),
    slots: slotsFor(context.analysis, { ...(context.now ? { now: context.now } : {}), ...(context.escalationContact ? { escalationContact: context.escalationContact } : {}) }),
  };
  // Where the draft already promises a time, a rewrite keeps to it instead of adding a second one:
  // after that promise it refers back ("I'll update you then"), before it it names the same time.
  // Applying several rewrites must not leave "by 10am tomorrow" three times, or two different times.
  let promise: { end: number; before: RuleContext; after: RuleContext } | null | undefined;
  const promised = () => {
    if (promise !== undefined) return promise;
    const s = view.body.find((x) => commitsWithTime(x));
    const words = s && timeWordsIn(s);
    promise = s && words ? { end: s.end, before: { ...ctx, slots: { ...ctx.slots, time: words } }, after: { ...ctx, slots: { ...ctx.slots, time: 'then' } } } : null;
    return promise;
  };
  const contextFor = (start: number): RuleContext => {
    const p = promised();
    return !p ? ctx : p.end <= start ? p.after : p.before;
  };
  const findings: Finding[] = [];
  RULES.forEach((rule) => {
    if (off.has(rule.id) || (rule.id === 'english-only') === english) return;
    for (const hit of rule.match(ctx)) {
      const suggestion = rule.suggest(hit, contextFor(hit.start)).trim();
      if (!suggestion || hit.end <= hit.start) continue;
      if (findings.some((f) => f.rule === rule.id && f.start === hit.start && f.end === hit.end)) continue;
      findings.push({
        rule: rule.id,
        severity: hit.severity ?? rule.severity,
        text: draft.slice(hit.start, hit.end),
        start: hit.start,
        end: hit.end,
        message: rule.message(hit),
        suggestion,
      });
    }
  });
  // A finding that only adds a sentence before or after the words it points at ("I'm sorry… " +
  // words, words + " I've asked my team lead…") carries along another finding's rewrite of those same
  // words, so its preview never repeats what the coach flags there ("…never happen again, guaranteed").
  for (const f of findings) {
    const adds = f.suggestion.startsWith(f.text) ? 'after' : f.suggestion.endsWith(f.text) ? 'before' : null;
    if (!adds || f.suggestion === f.text) continue;
    const fix = findings.find((g) => g !== f && g.start === f.start && g.end === f.end && !g.suggestion.includes(g.text));
    if (!fix) continue;
    const joined = adds === 'after' ? fix.suggestion + f.suggestion.slice(f.text.length) : f.suggestion.slice(0, -f.text.length) + fix.suggestion;
    // both rewrites were filled from the context of the same words, so they name the same time
    f.suggestion = onePromise(joined, contextFor(f.start).slots.time);
  }
  // Blame that opens a draft is also a reason given first; blame-shifting's rewrite (own the fix) is the
  // one the rep needs, so excuse-first gives way on the same words rather than offer a second rewrite.
  const blamed = findings.filter((f) => f.rule === 'blame-shifting');
  const shown = findings.filter((f) => f.rule !== 'excuse-first' || !blamed.some((b) => b.start < f.end && f.start < b.end));
  const order = new Map(RULES.map((r, i) => [r.id, i]));
  return shown.sort((a, b) => a.start - b.start || order.get(a.rule)! - order.get(b.rule)!);
}
