// The team lead's view: a date range, "my usage" or "team (imported files)", the figures as charts and
// tables, and the export of the rep's own usage for that range.
import type { TeamAggregate } from '@/lib/storage';
import type { DashboardView } from '@/lib/state/options';
import { Notice } from './Notice';
import { useOptions, useOptionsActions } from './OptionsContext';
import { UsageReport } from './UsageReport';

const VIEWS: { value: DashboardView; label: string }[] = [
  { value: 'mine', label: 'My usage' },
  { value: 'team', label: 'Team (imported files)' },
];

export function Dashboard() {
  const range = useOptions((s) => s.range);
  const view = useOptions((s) => s.view);
  const loading = useOptions((s) => !!s.busy.dashboard);
  const notice = useOptions((s) => s.notices.dashboard);
  const { setRange, setView } = useOptionsActions();

  return (
    <section className="card" aria-labelledby="dashboard-title">
      <h2 id="dashboard-title">Tip usage</h2>
      <div className="controls">
        <div className="field inline">
          <label htmlFor="range-from">From</label>
          <input id="range-from" type="date" value={range.from} max={range.to || undefined} onChange={(e) => void setRange({ ...range, from: e.target.value })} />
        </div>
        <div className="field inline">
          <label htmlFor="range-to">To</label>
          <input id="range-to" type="date" value={range.to} min={range.from || undefined} onChange={(e) => void setRange({ ...range, to: e.target.value })} />
        </div>
        <fieldset className="toggle">
          <legend>Show</legend>
          {VIEWS.map((v) => (
            <label key={v.value} className="check">
              <input type="radio" name="dashboard-view" value={v.value} checked={view === v.value} onChange={() => void setView(v.value)} />
              {v.label}
            </label>
          ))}
        </fieldset>
      </div>
      <Notice notice={notice} testId="dashboard-notice" />
      <div aria-busy={loading || undefined} data-testid="dashboard">
        {view === 'mine' ? <MyUsage /> : <TeamUsage />}
      </div>
      {view === 'mine' ? <ExportButtons /> : null}
    </section>
  );
}

function MyUsage() {
  const usage = useOptions((s) => s.usage);
  return usage ? <UsageReport aggregate={usage} who="Your usage" /> : null;
}

function TeamUsage() {
  const team = useOptions((s) => s.team);
  const imports = useOptions((s) => s.imports.length);
  if (!team) return null;
  if (imports === 0)
    return <p className="empty">No team files imported yet. Ask your reps for their usage exports and import them below.</p>;
  return (
    <>
      <RepTable team={team} />
      <UsageReport aggregate={team.overall} who="Team" />
    </>
  );
}

/** Per rep: how much they saw and used, so the lead can spot who the tips help. */
function RepTable({ team }: { team: TeamAggregate }) {
  if (!team.reps.length) return null;
  const sum = (xs: { shown?: number; used?: number; fired?: number; fixed?: number }[], k: 'shown' | 'used' | 'fired' | 'fixed') =>
    xs.reduce((n, x) => n + (x[k] ?? 0), 0);
  return (
    <div className="table-wrap">
      <table data-testid="rep-table">
        <caption>
          Team by rep, {team.overall.from} to {team.overall.to}
        </caption>
        <thead>
          <tr>
            <th scope="col">Rep</th>
            <th scope="col" className="num">Tips shown</th>
            <th scope="col" className="num">Tips used</th>
            <th scope="col" className="num">Rules fired</th>
            <th scope="col" className="num">Rules fixed</th>
          </tr>
        </thead>
        <tbody>
          {team.reps.map(({ repId, rep, aggregate: a }) => (
            <tr key={repId}>
              <th scope="row">{rep}</th>
              <td className="num">{sum(a.tips, 'shown')}</td>
              <td className="num">{sum(a.tips, 'used')}</td>
              <td className="num">{sum(a.rules, 'fired')}</td>
              <td className="num">{sum(a.rules, 'fixed')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ExportButtons() {
  const busy = useOptions((s) => !!s.busy.export);
  const notice = useOptions((s) => s.notices.export);
  const { exportUsage } = useOptionsActions();
  return (
    <div className="export">
      <h3>Export for your team lead</h3>
      <p className="hint">Daily counts per tip for the dates above: ids and numbers only, no customer or draft text.</p>
      <div className="actions">
        <button type="button" aria-disabled={busy || undefined} onClick={() => void exportUsage('csv')}>
          Export CSV
        </button>
        <button type="button" aria-disabled={busy || undefined} onClick={() => void exportUsage('json')}>
          Export JSON
        </button>
      </div>
      <Notice notice={notice} testId="export-notice" />
    </div>
  );
}
