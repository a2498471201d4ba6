// The draft coach: checks a reply against the house rules and answers with findings, each pointing
// at the exact words and carrying a concrete rewrite. Cheap regular expressions first; grammar
// (compromise, cached per sentence) only on the sentences they flag.
import { looksEnglish } from './language';
import { checkedLength } from './limits';
import type { RuleContext } from './rule';
import { RULES } from './rules';
import { slotsFor } from './slots';
import { readDraft } from './text';
import type { CoachContext, Finding } from './types';

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
  const findings: Finding[] = [];
  RULES.forEach((rule) => {
    if (off.has(rule.id) || (rule.id === 'english-only') === english) return;
    for (const hit of rule.match(ctx)) {
      const suggestion = rule.suggest(hit, ctx).trim();
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
  const order = new Map(RULES.map((r, i) => [r.id, i]));
  return findings.sort((a, b) => a.start - b.start || order.get(a.rule)! - order.get(b.rule)!);
}
