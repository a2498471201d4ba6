// Renders the panel on a store built from fakes; timers are real but zero, so findBy* waits for them.
import { render } from '@testing-library/react';
import { App, type AppProps } from '@/components/App';
import type { PageState } from '@/lib/messaging/protocol';
import type { PanelDeps } from '@/lib/state/panelStore';
import { setup } from '../state/helpers';

export function renderPanel(page: PageState | null, deps: Partial<PanelDeps> = {}, props: Partial<AppProps> = {}) {
  const t = setup(page, { analysisDelayMs: 0, debounceMs: 0, ...deps });
  const stop = t.store.getState().start();
  const view = render(<App store={t.store} {...props} />);
  return { ...t, ...view, stop };
}
