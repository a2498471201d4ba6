// One plain-words message for every state that is not a full analysis.
import type { ReactNode } from 'react';

export interface StateMessageProps {
  state: string;
  title: string;
  detail?: ReactNode;
  busy?: boolean;
}

export function StateMessage({ state, title, detail, busy }: StateMessageProps) {
  return (
    <div className={`state-message state-${state}`} data-testid="state-message" data-state={state} role="status" aria-busy={busy || undefined}>
      <p className="state-title">{title}</p>
      {detail ? <p className="state-detail">{detail}</p> : null}
    </div>
  );
}
