// Plain-text tables for bench output, and helpers the bench sections share.
import { exampleDraft, type Example } from '@/lib/coach/rule';

export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  const line = (r: (string | number)[]) => r.map((c, i) => String(c).padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(cells[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

function fmt(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2);
}

/** Median of per-call timings (ms) after a warm-up, using the high-resolution clock. */
export function medianMs(fn: () => unknown, { warmup = 20, runs = 200 } = {}): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** 20 KB of `unit` repeated with no full stops: a pasted log or wall of text is one huge "sentence". */
export function runOn(unit: string): string {
  return (unit + ' ').repeat(Math.ceil(20_000 / (unit.length + 1))).slice(0, 20_000);
}

/** A record's own examples (firing and quiet; a coach example's draft) as one run-on paste. */
export function examplesRunOn(r: { examples: { fires: readonly Example[]; quiet: readonly Example[] } }): string {
  return runOn([...r.examples.fires, ...r.examples.quiet].map(exampleDraft).join(' ').replace(/[.!?]/g, ''));
}

/** The slowest of `cases`, each run once cold (`reset` clears the caches first). */
export function slowest(cases: [name: string, text: string][], run: (text: string) => unknown, reset: () => void): { name: string; ms: number } {
  let worst = { name: '', ms: 0 };
  for (const [name, text] of cases) {
    reset();
    const t0 = performance.now();
    run(text);
    const ms = performance.now() - t0;
    if (ms > worst.ms) worst = { name, ms };
  }
  return worst;
}
