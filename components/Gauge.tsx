// The frustration gauge: a meter with the score, and the level in words so colour is never the only cue.
import type { Level } from '@/lib/analysis/types';
import { LEVEL_HINT, LEVEL_LABEL } from '@/lib/state/labels';

export interface GaugeProps {
  score: number;
  level: Level;
  /** The alert threshold: the customer is frustrated (design.md contract 1). */
  frustrated: boolean;
}

export function Gauge({ score, level, frustrated }: GaugeProps) {
  const value = Math.max(0, Math.min(100, Math.round(score)));
  const label = LEVEL_LABEL[level];
  return (
    <section className={`gauge level-${level}`} aria-label="Frustration">
      <div
        className="gauge-meter"
        role="meter"
        aria-label="Frustration score"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-valuetext={`${value} of 100, ${label}`}
        data-testid="gauge"
        data-level={level}
        data-score={value}
      >
        <div className="gauge-fill" style={{ width: `${value}%` }} />
      </div>
      <p className="gauge-text">
        <strong className="gauge-level">{label}</strong> <span className="gauge-score">{value}/100</span>
      </p>
      <p className="gauge-hint">{LEVEL_HINT[level]}</p>
      {frustrated ? (
        <p className="gauge-alert" data-testid="frustrated-alert">
          <span aria-hidden="true">⚠ </span>Alert: frustrated customer
        </p>
      ) : null}
    </section>
  );
}
