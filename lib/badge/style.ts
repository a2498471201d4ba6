// The badge's styles live inside its shadow root, so the host page's CSS cannot reach them (and
// ours cannot leak out). Colours pass WCAG AA for their text on white and on Gmail's grey.
import type { Level } from '@/lib/analysis/types';

export const LEVEL_LABEL: Record<Level, string> = {
  calm: 'Calm',
  watch: 'Watch',
  frustrated: 'Frustrated',
  angry: 'Angry',
};

export const BADGE_CSS = `
:host { all: initial; display: inline-block; vertical-align: middle; margin: 0 0 6px; }
:host([hidden]) { display: none; }
button {
  all: unset; box-sizing: border-box; display: inline-flex; align-items: center; gap: 6px;
  font: 600 12px/16px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  padding: 2px 8px 2px 6px; border-radius: 999px; border: 1px solid currentColor; cursor: pointer;
  color: #1e6b3a; background: #eaf6ee;
}
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.dot { width: 8px; height: 8px; border-radius: 50%; background: currentColor; }
.score { font-weight: 400; }
.note {
  display: block; margin-top: 4px; max-width: 320px;
  font: 400 12px/16px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #202124;
}
.note[hidden] { display: none; }
:host([data-level="watch"]) button { color: #7a4d00; background: #fff4dc; }
:host([data-level="frustrated"]) button { color: #a33b00; background: #ffe9dc; }
:host([data-level="angry"]) button { color: #a50e0e; background: #fde8e8; }
:host([data-unscored]) button { color: #5f6368; background: #f1f3f4; }
:host([data-unscored]) .score { display: none; }
`;
