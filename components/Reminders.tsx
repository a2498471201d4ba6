// The house rules that matter for this message, short enough to read at a glance.
import type { Reminder } from '@/lib/coach/types';

export function Reminders({ reminders }: { reminders: Reminder[] }) {
  if (reminders.length === 0) return null;
  return (
    <section className="card reminders" aria-labelledby="reminders-title">
      <h2 id="reminders-title">Remember</h2>
      <ul>
        {reminders.map((r) => (
          <li key={r.id} data-testid="reminder" data-reminder={r.id} data-step={r.step}>
            {r.text}
          </li>
        ))}
      </ul>
    </section>
  );
}
