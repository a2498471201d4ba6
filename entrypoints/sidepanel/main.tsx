// Side panel wiring: the browser bridge and tab source, the real analysis engine, and the views.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/components/App';
import { createBrowserBridge } from '@/lib/state/bridge';
import { defaultEngine } from '@/lib/state/defaultEngine';
import { createPanelStore } from '@/lib/state/panelStore';
import { createBrowserTabSource } from '@/lib/state/tabs';
import { noUsage } from '@/lib/state/usage';

const store = createPanelStore({
  bridge: createBrowserBridge(),
  tabs: createBrowserTabSource(location.search),
  engine: defaultEngine,
  // Tip usage goes to lib/storage once it is wired here; until then nothing is recorded.
  usage: noUsage,
});
const stop = store.getState().start();
addEventListener('pagehide', stop);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
