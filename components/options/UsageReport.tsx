// One usage aggregate as charts and tables: tips (shown, used, use rate) and coach rules (fired, fixed).
// The tables are the charts' text alternative and hold every row; the charts draw the top ones. Rows are
// named in words (lib/state/labels); the id the exports use stays beside the name in the tables.
import { useId } from 'react';
import { KIND_LABEL, ruleLabel, usageLabel } from '@/lib/state/labels';
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

export const tipRowId = (t: Pick<TipUsage, 'kind' | 'tipId'>) => `${t.kind}:${t.tipId}`;
export const ruleRowId = (r: Pick<RuleUsage, 'ruleId'>) => `rule:${r.ruleId}`;

/** Each tip's name by row id. A suggestion and a reminder can share an id and so a name ("Escalate early"):
 * then each name says its kind ("Escalate early — suggestion", "Escalate early — reminder"). */
export function tipNames(tips: readonly Pick<TipUsage, 'kind' | 'tipId'>[]): Map<string, string> {
  const named = tips.map((t) => ({ row: tipRowId(t), kind: t.kind, name: usageLabel(t.kind, t.tipId) }));
  const uses = new Map<string, number>();
  for (const { name } of named) uses.set(name, (uses.get(name) ?? 0) + 1);
  return new Map(named.map(({ row, kind, name }) => [row, uses.get(name)! > 1 ? `${name} — ${KIND_LABEL[kind].toLowerCase()}` : name]));
}

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
  const names = tipNames(aggregate.tips);
  const tipRows: ChartRow[] = aggregate.tips.map((t) => {
    const label = names.get(tipRowId(t))!;
    return { id: tipRowId(t), label, title: `${label} (${t.tipId})`, values: { shown: t.shown, used: t.used } };
  });
  const ruleRows: ChartRow[] = aggregate.rules.map((r) => {
    const label = ruleLabel(r.ruleId);
    return { id: ruleRowId(r), label, title: `${label} (${r.ruleId})`, values: { fired: r.fired, fixed: r.fixed } };
  });
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
            <TipTable tips={aggregate.tips} names={names} caption={`${who}: tips, ${span}`} />
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

/** A row's name, with the id the exports use in small type under it (team leads match the two). */
function RowName({ name, id }: { name: string; id: string }) {
  return (
    <>
      <span className="usage-name">{name}</span>{' '}
      <code className="usage-id">{id}</code>
    </>
  );
}

function TipTable({ tips, names, caption }: { tips: TipUsage[]; names: Map<string, string>; caption: string }) {
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
                <RowName name={names.get(tipRowId(t))!} id={t.tipId} />
              </th>
              <td>{KIND_LABEL[t.kind]}</td>
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
                <RowName name={ruleLabel(r.ruleId)} id={r.ruleId} />
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
