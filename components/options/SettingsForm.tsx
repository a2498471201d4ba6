// The rep's settings: label, sites, sensitivity, retention and switched-off coach rules. The form edits
// the store's draft; Save writes it. A failed save leaves every field as typed and says why.
import type { FormEvent } from 'react';
import { ruleLabel } from '@/lib/state/labels';
import { isDirty, type SettingsDraft } from '@/lib/state/options';
import type { Sensitivity, SiteId } from '@/lib/storage';
import { RAW_EVENT_DAYS } from '@/lib/storage/retention';
import { Notice } from './Notice';
import { useOptions, useOptionsActions } from './OptionsContext';

const SITE_NAMES: Record<SiteId, string> = { gmail: 'Gmail', zendesk: 'Zendesk' };

// Sensitivity moves only the frustration alert's threshold (lib/analysis alertThreshold).
const SENSITIVITY: { value: Sensitivity; label: string; hint: string }[] = [
  { value: 'low', label: 'Low', hint: 'Alert only when a customer is clearly upset.' },
  { value: 'normal', label: 'Normal', hint: 'The default alert threshold.' },
  { value: 'high', label: 'High', hint: 'Alert earlier, on milder frustration; expect more false alarms.' },
];

export function SettingsForm() {
  const draft = useOptions((s) => s.draft);
  const saved = useOptions((s) => s.saved);
  const saving = useOptions((s) => !!s.busy.settings);
  const notice = useOptions((s) => s.notices.settings);
  const retentionNotice = useOptions((s) => s.notices.retention);
  const { editDraft, saveSettings } = useOptionsActions();
  if (!draft || !saved) return null;

  const dirty = isDirty(draft, saved);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void saveSettings();
  };

  return (
    <form className="settings" onSubmit={submit} aria-labelledby="settings-title" noValidate>
      <h2 id="settings-title">Settings</h2>

      <div className="field">
        <label htmlFor="rep-label">Your name in exports</label>
        <input
          id="rep-label"
          value={draft.repLabel}
          maxLength={80}
          autoComplete="off"
          aria-describedby="rep-label-hint"
          onChange={(e) => editDraft({ repLabel: e.target.value })}
        />
        <p id="rep-label-hint" className="hint">
          A first name or a team label, like "Ana" or "Tier 2 night". Not an email address.
        </p>
      </div>

      <fieldset>
        <legend>Work beside</legend>
        {(Object.keys(SITE_NAMES) as SiteId[]).map((site) => (
          <label key={site} className="check">
            <input
              type="checkbox"
              checked={draft.sites[site]}
              onChange={(e) => editDraft({ sites: { ...draft.sites, [site]: e.target.checked } })}
            />
            {SITE_NAMES[site]}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Frustration alert sensitivity</legend>
        {SENSITIVITY.map(({ value, label, hint }) => (
          <label key={value} className="check">
            <input
              type="radio"
              name="sensitivity"
              value={value}
              checked={draft.sensitivity === value}
              aria-describedby={`sensitivity-${value}-hint`}
              onChange={() => editDraft({ sensitivity: value })}
            />
            {label}
            <span id={`sensitivity-${value}-hint`} className="hint">
              {' '}
              — {hint}
            </span>
          </label>
        ))}
      </fieldset>

      <div className="field">
        <label htmlFor="retention-days">Keep usage data for (days)</label>
        <input
          id="retention-days"
          className="short"
          inputMode="numeric"
          autoComplete="off"
          value={draft.retentionDays}
          aria-describedby="retention-hint"
          onChange={(e) => editDraft({ retentionDays: e.target.value })}
        />
        <p id="retention-hint" className="hint">
          Older usage figures and finished follow-ups are deleted when this page opens and once a day. Daily totals
          follow this setting; the individual events behind them are kept for {RAW_EVENT_DAYS} days at most. Your notes and pending
          reminders are never deleted this way.
        </p>
        <Notice notice={retentionNotice} testId="retention-notice" />
      </div>

      <RuleSwitches draft={draft} saved={saved} />

      <div className="actions">
        <button type="submit" aria-disabled={saving || undefined}>
          {saving ? 'Saving…' : 'Save settings'}
        </button>
        {dirty ? <span className="hint">You have unsaved changes.</span> : null}
      </div>
      <Notice notice={notice} testId="settings-notice" />
    </form>
  );
}

// english-only is a notice, not a house rule: on a draft that isn't English, checkDraft runs no rule and
// raises this one finding instead, saying the draft was not checked. Switched off, such a draft gets no
// finding at all and the panel reads "No issues found", so it is not offered as a rule to untick. Settings
// saved while it could be unticked still show it, under what it does, so it can be switched back on.
const NOTICES: ReadonlyMap<string, string> = new Map([['english-only', "Note when a draft isn't in English"]]);

/** One checkbox per coach rule (checked = on), named in words, with the rule's plain-language reason. */
function RuleSwitches({ draft, saved }: { draft: SettingsDraft; saved: { disabledRules: readonly string[] } }) {
  const rules = useOptions((s) => s.rules);
  const { setRuleEnabled } = useOptionsActions();
  const listed = rules.filter(({ id }) => !NOTICES.has(id) || saved.disabledRules.includes(id));
  if (!listed.length) return null;
  return (
    <fieldset className="rules">
      <legend>Coach rules</legend>
      <p className="hint">Untick a rule to stop the draft coach from raising it.</p>
      <ul>
        {listed.map(({ id, docs }) => (
          <li key={id}>
            <label className="check" title={id}>
              <input
                type="checkbox"
                checked={!draft.disabledRules.includes(id)}
                aria-describedby={`rule-${id}-docs`}
                onChange={(e) => setRuleEnabled(id, e.target.checked)}
              />
              {NOTICES.get(id) ?? ruleLabel(id)}
            </label>
            <p id={`rule-${id}-docs`} className="hint rule-docs">
              {NOTICES.has(id) ? `${docs} While this is off, such a draft shows no findings at all, as if it were fine.` : docs}
            </p>
          </li>
        ))}
      </ul>
      {rules.some(({ id }) => id === 'english-only') ? (
        <p className="hint" data-testid="english-only-note">
          Drafts that aren't in English are not checked against these rules: the coach reads English only, and says so on
          such a draft.
        </p>
      ) : null}
    </fieldset>
  );
}
