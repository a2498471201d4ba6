// How often the badge goes back after the host page took it out while the same conversation stays
// open. Gmail and Zendesk re-render at will (a label switch, a collapsed thread, a React re-mount),
// so the badge has to come back; but a host whose own reconciler removes every foreign node would
// otherwise get a remove/insert loop with us. A few restores a minute is plenty for real re-renders;
// past that, the badge stays away quietly until the rep opens another conversation or the customer
// writes again.

/** Restores allowed within `RESTORE_WINDOW_MS` before giving up on this conversation. */
export const RESTORE_LIMIT = 3;
export const RESTORE_WINDOW_MS = 60_000;

export interface RestoreBudget {
  /** May the badge go back now? Counts the restore when it may; once refused, refuses until `reset()`. */
  take(): boolean;
  /** Another conversation: a fresh budget. */
  reset(): void;
  /** The limit was hit: no more restores until `reset()`. */
  readonly exhausted: boolean;
}

export function createRestoreBudget(limit = RESTORE_LIMIT, windowMs = RESTORE_WINDOW_MS, now: () => number = Date.now): RestoreBudget {
  let recent: number[] = [];
  let exhausted = false;
  return {
    take() {
      if (exhausted) return false;
      const t = now();
      recent = recent.filter((at) => t - at < windowMs);
      if (recent.length >= limit) {
        exhausted = true;
        recent = [];
        return false;
      }
      recent.push(t);
      return true;
    },
    reset() {
      recent = [];
      exhausted = false;
    },
    get exhausted() {
      return exhausted;
    },
  };
}
