// Public API of the analysis (pure: no DOM, no chrome.*, no storage).
export { analyzeMessage, analyzeParts } from './analyze';
export { cleanMessage, spanToSource, MAX_SCORED_CHARS, type Cleaned } from './clean';
export { htmlToText } from './html';
export { SIGNALS, SIGNAL_FEATURES, findSignals, type SignalRecord, type FoundSignal } from './signals';
export { WEIGHTS, alertThreshold, levelFor } from './logistic';
export { detectLanguage } from './language';
export type { Analysis, AnalyseOptions, Contribution, Level, MessageFacts, Signal, SignalCategory } from './types';
