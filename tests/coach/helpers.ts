// Building Analysis objects by hand, so coach tests never depend on the scorer.
import type { Analysis, MessageFacts, Signal, SignalCategory } from '@/lib/analysis/types';
import type { ExampleMessage } from '@/lib/coach';

type AnalysisInput = Partial<Omit<Analysis, 'facts' | 'signals'>> & {
  facts?: Partial<MessageFacts>;
  /** Signals, or just their categories. */
  signals?: (Signal | SignalCategory)[];
};

export function makeAnalysis(partial: AnalysisInput = {}): Analysis {
  const { facts, signals, ...rest } = partial;
  const level = rest.level ?? 'calm';
  return {
    score: { calm: 10, watch: 40, frustrated: 65, angry: 90 }[level],
    level,
    frustrated: level === 'frustrated' || level === 'angry',
    evidence: [],
    language: 'en',
    scored: { start: 0, end: 0 },
    ...rest,
    signals: (signals ?? []).map((s, i) =>
      typeof s === 'string' ? { id: `${s}-${i}`, label: s, category: s, text: s, start: 0, end: 0 } : s,
    ),
    facts: { references: [], products: [], elapsed: [], askedForEscalation: false, contactCount: 1, ...facts },
  };
}

/** The Analysis an example's message description stands for. */
export function analysisOf(message: ExampleMessage | undefined): Analysis | undefined {
  if (!message) return undefined;
  const { level, frustrated, ...facts } = message;
  return makeAnalysis({ ...(level ? { level } : {}), ...(frustrated !== undefined ? { frustrated } : {}), facts });
}

/** A fixed clock: Tuesday 3 June 2025, 10:15 local time. */
export const NOW = new Date(2025, 5, 3, 10, 15);
