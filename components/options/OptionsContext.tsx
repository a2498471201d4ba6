// Hands the options store to the views. Tests render with a store on a fresh fake database.
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { OptionsActions, OptionsState, OptionsStore } from '@/lib/state/options';

const OptionsStoreContext = createContext<OptionsStore | null>(null);

export const OptionsStoreProvider = OptionsStoreContext.Provider;

function useOptionsStore(): OptionsStore {
  const store = useContext(OptionsStoreContext);
  if (!store) throw new Error('useOptions needs an OptionsStoreProvider');
  return store;
}

export function useOptions<T>(selector: (state: OptionsState) => T): T {
  return useStore(useOptionsStore(), selector);
}

/** The store's actions (stable functions; reading them doesn't re-render). */
export function useOptionsActions(): OptionsActions {
  return useOptionsStore().getState();
}
