// A section's outcome line. The slot is always in the page so screen readers hear it change; errors
// are alerts. Text only: messages come from lib/storage in plain words, never a stack trace.
import type { Notice as NoticeData } from '@/lib/state/options';

export function Notice({ notice, testId }: { notice: NoticeData | undefined; testId?: string }) {
  return (
    <div className="notice-slot" aria-live="polite" aria-atomic="true" data-testid={testId}>
      {notice ? (
        <p className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : undefined}>
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}
