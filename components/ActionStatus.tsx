// The outcome of an action (Insert, Copy, Use rewrite), in a polite live region that is always
// rendered, so screen readers hear the message when it appears.
import type { ActionResult } from '@/lib/state/panelStore';

export function ActionStatus({ result, testId }: { result?: ActionResult; testId?: string }) {
  return (
    <p
      className={`action-status ${result?.state ?? ''}`}
      role="status"
      aria-live="polite"
      data-testid={testId}
      data-state={result?.state}
    >
      {result ? (
        <>
          <span aria-hidden="true">{result.state === 'ok' ? '✓ ' : result.state === 'failed' ? '✕ ' : ''}</span>
          {result.message}
        </>
      ) : null}
    </p>
  );
}
