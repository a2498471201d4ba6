// The options page: settings, the usage dashboard and exports, team imports, backup, and deleting
// everything. Renders from the store; the entrypoint creates the store and calls load().
import type { OptionsStore } from '@/lib/state/options';
import { Backup } from './Backup';
import { ClearAll } from './ClearAll';
import { Dashboard } from './Dashboard';
import { Notice } from './Notice';
import { OptionsStoreProvider, useOptions, useOptionsActions } from './OptionsContext';
import { SettingsForm } from './SettingsForm';
import { SignalDocs } from './SignalDocs';
import { TeamImport } from './TeamImport';
import './options.css';

/** `version`: the extension's, from its manifest (shown so a rep can say which one they run). */
export function OptionsApp({ store, version }: { store: OptionsStore; version?: string }) {
  return (
    <OptionsStoreProvider value={store}>
      <div className="options">
        <header className="options-header">
          <h1>Defuse</h1>
          <p className="hint">Settings and tip usage. Everything here stays on this computer unless you export it.</p>
        </header>
        <main className="options-body">
          <SettingsCard />
          <Dashboard />
          <SignalDocs />
          <TeamImport />
          <Backup />
          <ClearAll />
        </main>
        <footer className="options-footer hint">
          Defuse{version ? ` ${version}` : ''} is open source under the MIT licence.{' '}
          <a href="/NOTICES.txt" target="_blank" rel="noreferrer">
            Third-party software and data
          </a>
        </footer>
      </div>
    </OptionsStoreProvider>
  );
}

function SettingsCard() {
  const status = useOptions((s) => s.status);
  const notice = useOptions((s) => s.notices.settings);
  const { load } = useOptionsActions();
  return (
    <section className="card" aria-labelledby={status === 'ready' ? 'settings-title' : 'settings-waiting'} aria-busy={status === 'loading' || undefined}>
      {status === 'ready' ? (
        <SettingsForm />
      ) : (
        <>
          <h2 id="settings-waiting">Settings</h2>
          {status === 'loading' ? <p role="status">Loading your settings…</p> : null}
          {status === 'error' ? (
            <>
              <Notice notice={notice} testId="settings-notice" />
              <button type="button" onClick={() => void load()}>
                Try again
              </button>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}
