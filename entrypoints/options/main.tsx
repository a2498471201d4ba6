// Options page wiring: the store on the shared database, the coach's rule list, and the views.
// load() also runs the retention clean-up (the background runs it daily too).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createOptionsStore } from '@/lib/state/options';
import { RULE_DOCS } from '@/lib/state/options/rules';

const store = createOptionsStore({
  rules: RULE_DOCS,
  // Restored or deleted follow-ups need their alarms re-synced by the background; until a message for
  // that exists in lib/messaging/protocol.ts, the background's next sync picks them up.
  onDataChanged: () => {},
});
void store.getState().load();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsApp store={store} />
  </StrictMode>,
);
