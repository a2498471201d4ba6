// Grouped horizontal bars as inline SVG (no chart library). The SVG is one image with a summary in its
// aria-label; the table next to it is the full text alternative. Each bar carries data-row, data-measure
// and data-value so tests (and curious people) can match it to the table.

export interface Measure {
  key: string;
  label: string;
}

export interface ChartRow {
  id: string;
  label: string;
  /** The label's tooltip when it should say more than the label (e.g. the id behind it); defaults to the label. */
  title?: string;
  values: Record<string, number>;
}

export interface BarChartProps {
  /** What the chart shows, for the aria-label ("Tips: times shown and used, 2026-11-01 to 2026-11-30"). */
  title: string;
  measures: readonly Measure[];
  rows: readonly ChartRow[];
  /** Rows drawn at most; the label says when more are only in the table. */
  limit?: number;
}

const WIDTH = 640;
const LABEL_W = 240;
const VALUE_W = 56;
const BAR_H = 14;
const BAR_GAP = 3;
const ROW_GAP = 12;
const TOP = 24;

const clip = (s: string, n = 32) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

export function chartSummary(title: string, measures: readonly Measure[], rows: readonly ChartRow[], total: number): string {
  const head = `Bar chart. ${title}.`;
  if (!rows.length) return `${head} No data.`;
  const more = total > rows.length ? ` Top ${rows.length} of ${total}; the table lists all.` : '';
  const list = rows.map((r) => `${r.label}: ${measures.map((m) => `${m.label} ${r.values[m.key] ?? 0}`).join(', ')}`).join('; ');
  return `${head}${more} ${list}.`;
}

export function BarChart({ title, measures, rows, limit = 12 }: BarChartProps) {
  const shown = rows.slice(0, limit);
  const max = Math.max(1, ...shown.flatMap((r) => measures.map((m) => r.values[m.key] ?? 0)));
  const rowH = measures.length * (BAR_H + BAR_GAP) - BAR_GAP + ROW_GAP;
  const height = TOP + Math.max(1, shown.length) * rowH;
  const barSpace = WIDTH - LABEL_W - VALUE_W;

  return (
    <figure className="chart">
      <svg
        role="img"
        aria-label={chartSummary(title, measures, shown, rows.length)}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        preserveAspectRatio="xMinYMin meet"
      >
        <g className="legend" aria-hidden="true">
          {measures.map((m, i) => (
            <g key={m.key} transform={`translate(${LABEL_W + i * 110}, 4)`}>
              <rect width="10" height="10" className={`bar bar-${i}`} />
              <text x="14" y="9" className="chart-text">
                {m.label}
              </text>
            </g>
          ))}
        </g>
        {shown.length === 0 ? (
          <text x={LABEL_W} y={TOP + 12} className="chart-text muted-text">
            Nothing in this range.
          </text>
        ) : null}
        {shown.map((row, r) => {
          const y0 = TOP + r * rowH;
          return (
            <g key={row.id} data-chart-row={row.id}>
              <text x={LABEL_W - 8} y={y0 + BAR_H - 3} textAnchor="end" className="chart-text">
                <title>{row.title ?? row.label}</title>
                {clip(row.label)}
              </text>
              {measures.map((m, i) => {
                const value = row.values[m.key] ?? 0;
                const y = y0 + i * (BAR_H + BAR_GAP);
                const w = (value / max) * barSpace;
                return (
                  <g key={m.key}>
                    <rect
                      x={LABEL_W}
                      y={y}
                      width={Math.max(value > 0 ? 1 : 0, w)}
                      height={BAR_H}
                      className={`bar bar-${i}`}
                      data-row={row.id}
                      data-measure={m.key}
                      data-value={value}
                    />
                    <text x={LABEL_W + w + 4} y={y + BAR_H - 3} className="chart-text">
                      {value}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
