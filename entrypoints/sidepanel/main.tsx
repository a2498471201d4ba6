// Side panel wiring: the browser bridge and tab source, the real analysis engine, local storage for
// notes, follow-ups, settings and tip usage, and the views.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/components/App';
import { ConversationNotes } from '@/components/ConversationNotes';
import { cancelFollowUp, markDone, restoreFollowUp, scheduleFollowUp } from '@/lib/followups';
import { createBrowserBridge } from '@/lib/state/bridge';
import { defaultEngine } from '@/lib/state/defaultEngine';
import { createNotesStore } from '@/lib/state/notesStore';
import { createPanelStore } from '@/lib/state/panelStore';
import { createBrowserTabSource } from '@/lib/state/tabs';
import { getNote, getPendingFollowUp, getSettings, listOverdue, saveNote, usageSink } from '@/lib/storage';

const store = createPanelStore({
  bridge: createBrowserBridge(),
  tabs: createBrowserTabSource(location.search),
  engine: defaultEngine,
  usage: usageSink(),
});
const stop = store.getState().start();
addEventListener('pagehide', stop);

const notes = createNotesStore({
  getNote,
  saveNote,
  getPendingFollowUp,
  listOverdue,
  scheduleFollowUp,
  markDone,
  cancelFollowUp,
  restoreFollowUp: (row) => restoreFollowUp(row),
  now: Date.now,
});

/** Settings change on the options page; the panel re-reads them whenever it becomes visible. */
async function applySettings() {
  const r = await getSettings();
  if (r.ok) store.getState().setSettings({ sensitivity: r.value.sensitivity, disabledRules: r.value.disabledRules });
}
void applySettings();
document.addEventListener('visibilitychange', () => {
  if (!document.hidden) {
    void applySettings();
    void notes.getState().refreshOverdue();
  }
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} renderNotes={(c) => <ConversationNotes store={notes} conversation={c} />} />
  </StrictMode>,
);
