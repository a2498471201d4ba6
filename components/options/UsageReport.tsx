// One usage aggregate as charts and tables: tips (shown, used, use rate) and coach rules (fired, fixed).
// The tables are the charts' text alternative and hold every row; the charts draw the top ones.
import { useId } from 'react';
import type { RuleUsage, TipUsage, UsageAggregate } from '@/lib/storage';
import { BarChart, type ChartRow, type Measure } from './BarChart';

const TIP_MEASURES: Measure[] = [
  { key: 'shown', label: 'shown' },
  { key: 'used', label: 'used' },
];
const RULE_MEASURES: Measure[] = [
  { key: 'fired', label: 'fired' },
  { key: 'fixed', label: 'fixed' },
];

const KIND_NAMES: Record<TipUsage['kind'], string> = { suggestion: 'Suggestion', reminder: 'Reminder' };

export const tipRowId = (t: Pick<TipUsage, 'kind' | 'tipId'>) => `${t.kind}:${t.tipId}`;
export const ruleRowId = (r: Pick<RuleUsage, 'ruleId'>) => `rule:${r.ruleId}`;

/** 0.4 → "40%"; never shown → "—". */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}

export interface UsageReportProps {
  aggregate: UsageAggregate;
  /** Whose figures ("Your usage", "Team"), for captions and chart labels. */
  who: string;
}

export function UsageReport({ aggregate, who }: UsageReportProps) {
  const id = useId();
  const span = `${aggregate.from} to ${aggregate.to}`;
  if (aggregate.events === 0)
    return (
      <p className="empty" data-testid="usage-empty">
        No tip usage recorded from {span}.
      </p>
    );
  const tipRows: ChartRow[] = aggregate.tips.map((t) => ({ id: tipRowId(t), label: t.tipId, values: { shown: t.shown, used: t.used } }));
  const ruleRows: ChartRow[] = aggregate.rules.map((r) => ({ id: ruleRowId(r), label: r.ruleId, values: { fired: r.fired, fixed: r.fixed } }));
  return (
    <div className="usage-report">
      <p className="summary">
        {aggregate.events.toLocaleString('en')} {aggregate.events === 1 ? 'event' : 'events'} from {span}.
      </p>
      <section aria-labelledby={`${id}-tips`}>
        <h3 id={`${id}-tips`}>Tips</h3>
        {tipRows.length ? (
          <>
            <BarChart title={`${who}: tips shown and used, ${span}`} measures={TIP_MEASURES} rows={tipRows} />
            <TipTable tips={aggregate.tips} caption={`${who}: tips, ${span}`} />
          </>
        ) : (
          <p className="empty">No suggestions or reminders shown in this range.</p>
        )}
      </section>
      <section aria-labelledby={`${id}-rules`}>
        <h3 id={`${id}-rules`}>Coach rules</h3>
        {ruleRows.length ? (
          <>
            <BarChart title={`${who}: coach rules fired and fixed, ${span}`} measures={RULE_MEASURES} rows={ruleRows} />
            <RuleTable rules={aggregate.rules} caption={`${who}: coach rules, ${span}`} />
          </>
        ) : (
          <p className="empty">No coach rule fired in this range.</p>
        )}
      </section>
    </div>
  );
}

function TipTable({ tips, caption }: { tips: TipUsage[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table data-testid="tip-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Tip</th>
            <th scope="col">Kind</th>
            <th scope="col" className="num">Shown</th>
            <th scope="col" className="num">Used</th>
            <th scope="col" className="num">Use rate</th>
          </tr>
        </thead>
        <tbody>
          {tips.map((t) => (
            <tr key={tipRowId(t)} data-row={tipRowId(t)}>
              <th scope="row">
                <code>{t.tipId}</code>
              </th>
              <td>{KIND_NAMES[t.kind]}</td>
              <td className="num" data-measure="shown">{t.shown}</td>
              <td className="num" data-measure="used">{t.used}</td>
              <td className="num">{percent(t.useRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RuleTable({ rules, caption }: { rules: RuleUsage[]; caption: string }) {
  return (
    <div className="table-wrap">
      <table data-testid="rule-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col" className="num">Times fired</th>
            <th scope="col" className="num">Fixed</th>
            <th scope="col" className="num">Fix rate</th>
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={ruleRowId(r)} data-row={ruleRowId(r)}>
              <th scope="row">
                <code>{r.ruleId}</code>
              </th>
              <td className="num" data-measure="fired">{r.fired}</td>
              <td className="num" data-measure="fixed">{r.fixed}</td>
              <td className="num">{percent(r.fixRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
