// Hands the panel store to the views. Tests render with a store built on fakes.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { PanelState, PanelStore } from '@/lib/state/panelStore';

const PanelStoreContext = createContext<PanelStore | null>(null);

export const PanelStoreProvider = PanelStoreContext.Provider;

export function usePanel<T>(selector: (state: PanelState) => T): T {
  const store = useContext(PanelStoreContext);
  if (!store) throw new Error('usePanel needs a PanelStoreProvider');
  return useStore(store, selector);
}
