// Options page wiring: the store on the shared database, the coach's rule list, and the views.
// load() also runs the retention clean-up (the background runs it daily too).
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createOptionsStore } from '@/lib/state/options';
import { RULE_DOCS } from '@/lib/state/options/rules';
import { followUpService, type FollowUpBrowser } from '@/lib/followups';

const store = createOptionsStore({
  rules: RULE_DOCS,
  // Restored follow-ups need alarms: extension pages may set them directly (the same call the
  // background makes when it starts). Alarms of cleared follow-ups find no record and do nothing.
  onDataChanged: () => void followUpService(browser as unknown as FollowUpBrowser, { iconUrl: browser.runtime.getURL('/icon/128.png') }).sync().catch(() => undefined),
});
void store.getState().load();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <OptionsApp store={store} version={browser.runtime.getManifest().version} />
  </StrictMode>,
);
