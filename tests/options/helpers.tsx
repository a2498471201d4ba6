// The options page on a fresh fake IndexedDB per test, with a fixed clock and lib/coach's rules.
import { act, render } from '@testing-library/react';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createOptionsStore, storageFor, type OptionsDeps, type OptionsStorage } from '@/lib/state/options';
import { RULE_DOCS } from '@/lib/state/options/rules';
import { DefuseDB, type StorageError } from '@/lib/storage';

export function freshDb(): DefuseDB {
  return new DefuseDB(`options-${crypto.randomUUID()}`);
}

/** Local-time milliseconds for a calendar day, so tests don't depend on the machine's time zone. */
export const at = (day: string, hour = 12) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d, hour).getTime();
};

/** "Today" in every test: the default range is then 2026-11-01 to 2026-11-30. */
export const NOW = at('2026-11-30', 15);

/** The value of a Result that must have succeeded (any Result: with or without `pending`). */
export function must<T>(r: { ok: true; value: T } | { ok: false; error: StorageError }): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.kind}: ${r.error.message}`);
  return r.value;
}

export const quota = () => {
  throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
};

/** Replaces one method of one table of this database (how a full disk is simulated). */
export function breakTable(db: DefuseDB, table: string, method: string, impl: (...args: unknown[]) => unknown = quota) {
  const t = (db as unknown as Record<string, Record<string, unknown>>)[table]!;
  const original = t[method];
  t[method] = impl;
  return () => {
    t[method] = original;
  };
}

export interface RenderOptions extends Omit<OptionsDeps, 'storage'> {
  db?: DefuseDB;
  storage?: Partial<OptionsStorage>;
  /** The extension version the page shows (the entrypoint reads it from the manifest). */
  version?: string;
}

/** Renders the page and waits for load() (settings, clean-up, dashboard, imports). */
export async function renderOptions(opts: RenderOptions = {}) {
  const db = opts.db ?? freshDb();
  const { storage, db: _db, version, ...deps } = opts;
  const store = createOptionsStore({ now: () => NOW, rules: RULE_DOCS, ...deps, storage: { ...storageFor(db), ...storage } });
  const view = render(<OptionsApp store={store} version={version} />);
  await act(() => store.getState().load());
  return { db, store, ...view };
}

/** A file as the file input hands it over. */
export const fileOf = (name: string, text: string, type = name.endsWith('.json') ? 'application/json' : 'text/csv') =>
  new File([text], name, { type });

/**
 * What a browser does when the focused control is disabled: focus falls back to the page body.
 * (happy-dom keeps focus on a disabled control, so it is dropped here by hand.)
 */
export function dropFocus(el: HTMLInputElement) {
  el.disabled = false;
  el.blur();
  el.disabled = true;
}
