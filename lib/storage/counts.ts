// Counting usage: the `kind:tipId:action` keys of a day's rollup, and the per-tip / per-rule figures the
// dashboard shows. The same tally serves the rep's own data and the team view.
import { USAGE_ACTIONS, type CountKey, type UsageAction, type UsageKind } from './types';
import { isAction, isId, isKind } from './validate';

export const countKey = (kind: UsageKind, tipId: string, action: UsageAction): CountKey => `${kind}:${tipId}:${action}`;

export function parseCountKey(key: string): { kind: UsageKind; tipId: string; action: UsageAction } | null {
  const [kind, tipId, action, ...rest] = key.split(':');
  return rest.length === 0 && isKind(kind) && isId(tipId) && isAction(action) ? { kind, tipId, action } : null;
}

export type ActionCounts = Record<UsageAction, number>;

export interface TipUsage {
  kind: 'suggestion' | 'reminder';
  tipId: string;
  counts: ActionCounts;
  shown: number;
  /** Inserted into the reply plus copied. */
  used: number;
  /** used / shown; null when never shown. At most 1: the panel records one use per showing (only events
   * recorded before it did, or merged from an older version, can take it past 1). */
  useRate: number | null;
}

export interface RuleUsage {
  ruleId: string;
  counts: ActionCounts;
  /** Times the rule's finding was shown on a draft. */
  fired: number;
  /** Times the rep changed the draft so the finding went away. */
  fixed: number;
  /** fixed / fired; null when it never fired. */
  fixRate: number | null;
}

export interface UsageAggregate {
  from: string;
  to: string;
  site?: string;
  /** Events counted. */
  events: number;
  /** Suggestions and reminders, most shown first. */
  tips: TipUsage[];
  /** Coach rules, most fired first. */
  rules: RuleUsage[];
}

const zero = (): ActionCounts => Object.fromEntries(USAGE_ACTIONS.map((a) => [a, 0])) as ActionCounts;
const rate = (n: number, d: number) => (d > 0 ? n / d : null);

export class Tally {
  private byTip = new Map<string, { kind: UsageKind; tipId: string; counts: ActionCounts }>();
  /** The same few hundred keys repeat on every day's row: parse each once. */
  private parsed = new Map<string, ReturnType<typeof parseCountKey>>();
  events = 0;

  /** Adds every count of a rollup row. Keys that don't parse (never written by us) are ignored. */
  addCounts(counts: Record<string, number>): void {
    for (const key in counts) {
      const n = counts[key]!;
      let k = this.parsed.get(key);
      if (k === undefined) this.parsed.set(key, (k = parseCountKey(key)));
      if (k && Number.isFinite(n) && n > 0) this.add(k.kind, k.tipId, k.action, n);
    }
  }

  add(kind: UsageKind, tipId: string, action: UsageAction, n = 1): void {
    const id = `${kind}:${tipId}`;
    let t = this.byTip.get(id);
    if (!t) this.byTip.set(id, (t = { kind, tipId, counts: zero() }));
    t.counts[action] += n;
    this.events += n;
  }

  result(range: { from: string; to: string; site?: string }): UsageAggregate {
    const tips: TipUsage[] = [];
    const rules: RuleUsage[] = [];
    for (const { kind, tipId, counts } of this.byTip.values()) {
      if (kind === 'rule') {
        rules.push({ ruleId: tipId, counts, fired: counts.shown, fixed: counts.fixed, fixRate: rate(counts.fixed, counts.shown) });
      } else {
        const used = counts.inserted + counts.copied;
        tips.push({ kind, tipId, counts, shown: counts.shown, used, useRate: rate(used, counts.shown) });
      }
    }
    tips.sort((a, b) => b.shown - a.shown || a.tipId.localeCompare(b.tipId));
    rules.sort((a, b) => b.fired - a.fired || a.ruleId.localeCompare(b.ruleId));
    return { from: range.from, to: range.to, ...(range.site ? { site: range.site } : {}), events: this.events, tips, rules };
  }
}
