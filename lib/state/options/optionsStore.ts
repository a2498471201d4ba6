// The options page's state: the settings form, the dashboard (own usage or the imported team files),
// exports, team imports, backup and restore, and deleting everything. Views read this store and call
// its actions; every read and write goes through OptionsStorage (lib/storage), every file out through
// Download. Failures become a Notice holding the StorageError's plain message, never a stack trace.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  DayRange,
  FileReport,
  ImportRecord,
  RestoreReport,
  Settings,
  TeamAggregate,
  TeamFileInput,
  UsageAggregate,
} from '@/lib/storage';
import { LIMITS as TEAM_LIMITS } from '@/lib/storage/teamFiles';
import { browserDownload, type Download } from './download';
import { draftOf, patchOf, type SettingsDraft } from './form';
import { lastDays } from './range';
import { describePurge } from './retention';
import type { RuleDoc } from './rules';
import { storageFor, type OptionsStorage } from './storage';

export type Section = 'settings' | 'retention' | 'dashboard' | 'export' | 'import' | 'backup' | 'clear';
export type DashboardView = 'mine' | 'team';
export type ExportFormat = 'csv' | 'json';

export interface Notice {
  tone: 'ok' | 'error';
  text: string;
}

/** A file picked in the page: a File, or anything with a name and a way to read its text. */
export interface PickedFile {
  name: string;
  /** Bytes, when known (a File's): a team file over the limit is refused without reading it. */
  size?: number;
  text(): Promise<string>;
}

export interface OptionsData {
  /** 'loading' until the settings are read; 'error' when they can't be (the notice says why). */
  status: 'loading' | 'ready' | 'error';
  saved: Settings | null;
  draft: SettingsDraft | null;
  rules: readonly RuleDoc[];

  range: DayRange;
  view: DashboardView;
  usage: UsageAggregate | null;
  team: TeamAggregate | null;
  imports: ImportRecord[];
  /** The last import's per-file report. */
  importReports: FileReport[] | null;
  restoreReport: RestoreReport | null;

  busy: Partial<Record<Section, boolean>>;
  notices: Partial<Record<Section, Notice>>;
}

export interface OptionsActions {
  /** Reads the settings, runs the clean-up, loads the dashboard and the import list. */
  load(): Promise<void>;
  editDraft(patch: Partial<SettingsDraft>): void;
  setRuleEnabled(ruleId: string, enabled: boolean): void;
  saveSettings(): Promise<void>;
  setRange(range: DayRange): Promise<void>;
  setView(view: DashboardView): Promise<void>;
  refreshDashboard(): Promise<void>;
  exportUsage(format: ExportFormat): Promise<void>;
  importFiles(files: readonly PickedFile[]): Promise<void>;
  forgetTeam(): Promise<void>;
  downloadBackup(): Promise<void>;
  restoreBackup(file: PickedFile): Promise<void>;
  clearAll(): Promise<void>;
}

export type OptionsState = OptionsData & OptionsActions;
export type OptionsStore = StoreApi<OptionsState>;

export interface OptionsDeps {
  storage?: OptionsStorage;
  download?: Download;
  now?: () => number;
  /** The coach rules to list (lib/coach's RULES, as id + docs). */
  rules?: readonly RuleDoc[];
  /**
   * Told after a restore or a delete-everything, so the entrypoint can re-sync what lives outside
   * IndexedDB (follow-up alarms).
   */
  onDataChanged?: (what: 'restored' | 'cleared') => void;
}

const fail = (text: string): Notice => ({ tone: 'error', text });
const ok = (text: string): Notice => ({ tone: 'ok', text });

/**
 * A picked team file's text, or null when it can't be read (moved, still downloading) or is too big to
 * be a usage export (a video picked by mistake): parseTeamFile then rejects that file alone, in words.
 */
async function readTeamFile(f: PickedFile): Promise<TeamFileInput> {
  if (f.size !== undefined && f.size > TEAM_LIMITS.fileChars) return { name: f.name, text: null, size: f.size };
  try {
    return { name: f.name, text: await f.text() };
  } catch {
    return { name: f.name, text: null };
  }
}

/** One line for the live region: how the import went, file by file in the list below it. */
export function importSummary(files: readonly FileReport[]): Notice {
  const n = (status: FileReport['status']) => files.filter((f) => f.status === status).length;
  const [imported, skipped, rejected] = [n('imported'), n('skipped'), n('rejected')];
  const parts = [
    imported ? `${imported} imported` : '',
    skipped ? `${skipped} already imported` : '',
    rejected ? `${rejected} rejected` : '',
  ].filter(Boolean);
  const text = `${files.length === 1 ? '1 file' : `${files.length} files`}: ${parts.join(', ')}. Details below.`;
  return imported === 0 && rejected > 0 ? fail(`Nothing was imported. ${text}`) : ok(text);
}

/** A person-readable sentence for anything thrown outside lib/storage (reading a file, the download). */
const thrown = (what: string, err: unknown) => {
  const why = err instanceof Error ? err.message.replace(/[.\s]+$/, '') : '';
  return fail(`${what} didn't work${why ? `: ${why}` : ''}. Try again.`);
};

export function createOptionsStore(deps: OptionsDeps = {}): OptionsStore {
  const storage = deps.storage ?? storageFor();
  const download = deps.download ?? browserDownload;
  const now = deps.now ?? Date.now;
  /** Only the newest dashboard request may write its answer (the rep can change the range mid-load). */
  let dashboardRequest = 0;

  return createStore<OptionsState>()((set, get) => {
    const say = (section: Section, notice: Notice | null) =>
      set((s) => {
        const notices = { ...s.notices };
        if (notice) notices[section] = notice;
        else delete notices[section];
        return { notices };
      });
    const busy = (section: Section, on: boolean) => set((s) => ({ busy: { ...s.busy, [section]: on } }));

    /** Runs one user action: marks its section busy, clears its old notice, catches anything thrown. */
    async function act(section: Section, what: string, fn: () => Promise<void>): Promise<void> {
      if (get().busy[section]) return;
      busy(section, true);
      say(section, null);
      try {
        await fn();
      } catch (err) {
        say(section, thrown(what, err));
      } finally {
        busy(section, false);
      }
    }

    async function loadImports(): Promise<void> {
      const got = await storage.listImports();
      if (got.ok) set({ imports: got.value });
      else say('import', fail(got.error.message));
    }

    async function readSettings(): Promise<boolean> {
      const got = await storage.getSettings();
      if (!got.ok) {
        set({ status: 'error' });
        say('settings', fail(got.error.message));
        return false;
      }
      set({ status: 'ready', saved: got.value, draft: draftOf(got.value) });
      say('settings', null);
      return true;
    }

    async function retention(): Promise<void> {
      const days = get().saved?.retentionDays;
      const got = await storage.applyRetention(now());
      if (!got.ok) return say('retention', fail(got.error.message));
      const text = days ? describePurge(got.value, days) : null;
      say('retention', text ? ok(text) : null);
    }

    return {
      status: 'loading',
      saved: null,
      draft: null,
      rules: deps.rules ?? [],
      range: lastDays(now()),
      view: 'mine',
      usage: null,
      team: null,
      imports: [],
      importReports: null,
      restoreReport: null,
      busy: {},
      notices: {},

      async load() {
        set({ status: 'loading' });
        if (await readSettings()) await retention();
        // The dashboard and the import list don't need the settings: show them even if those failed.
        await Promise.all([get().refreshDashboard(), loadImports()]);
      },

      editDraft(patch) {
        const draft = get().draft;
        if (draft) set({ draft: { ...draft, ...patch } });
      },

      setRuleEnabled(ruleId, enabled) {
        const draft = get().draft;
        if (!draft) return;
        const others = draft.disabledRules.filter((id) => id !== ruleId);
        set({ draft: { ...draft, disabledRules: enabled ? others : [...others, ruleId] } });
      },

      saveSettings: () =>
        act('settings', 'Saving your settings', async () => {
          const draft = get().draft;
          if (!draft) return;
          const got = await storage.updateSettings(patchOf(draft));
          // On failure the draft stays exactly as typed; the message says what to change or do.
          if (!got.ok) return say('settings', fail(got.error.message));
          // Only what the rep had when they pressed Save is replaced; edits made while saving stay.
          const typedSince = get().draft !== draft;
          set({ saved: got.value, draft: typedSince ? get().draft : draftOf(got.value) });
          say('settings', ok('Settings saved.'));
        }),

      async setRange(range) {
        set({ range: { from: range.from, to: range.to } });
        await get().refreshDashboard();
      },

      async setView(view) {
        set({ view });
        await get().refreshDashboard();
      },

      async refreshDashboard() {
        const request = ++dashboardRequest;
        const { range, view } = get();
        busy('dashboard', true);
        try {
          const got = view === 'mine' ? await storage.aggregateUsage(range) : await storage.aggregateTeam(range);
          if (request !== dashboardRequest) return;
          if (!got.ok) return say('dashboard', fail(got.error.message));
          say('dashboard', null);
          if ('overall' in got.value) set({ team: got.value });
          else set({ usage: got.value });
        } catch (err) {
          if (request === dashboardRequest) say('dashboard', thrown('Loading the figures', err));
        } finally {
          if (request === dashboardRequest) busy('dashboard', false);
        }
      },

      exportUsage: (format) =>
        act('export', 'The export', async () => {
          const { range } = get();
          const got = format === 'csv' ? await storage.exportUsageCsv(range) : await storage.exportUsageJson(range, now());
          if (!got.ok) return say('export', fail(got.error.message));
          download(got.value);
          const rows = got.value.rows;
          say('export', ok(`Saved ${got.value.filename} (${rows.toLocaleString('en')} ${rows === 1 ? 'row' : 'rows'}).`));
        }),

      importFiles: (files) =>
        act('import', 'Reading the files', async () => {
          if (!files.length) return;
          set({ importReports: null });
          const inputs = await Promise.all(files.map(readTeamFile));
          const got = await storage.importTeamFiles(inputs, now());
          if (!got.ok) return say('import', fail(got.error.message));
          set({ importReports: got.value.files });
          say('import', importSummary(got.value.files));
          await loadImports();
          if (get().view === 'team') await get().refreshDashboard();
        }),

      forgetTeam: () =>
        act('import', 'Forgetting the imported files', async () => {
          const got = await storage.clearTeamData();
          if (!got.ok) return say('import', fail(got.error.message));
          set({ importReports: null, imports: [] });
          say('import', ok('Imported team files forgotten. Your own data is unchanged.'));
          if (get().view === 'team') await get().refreshDashboard();
        }),

      downloadBackup: () =>
        act('backup', 'The backup', async () => {
          const got = await storage.exportBackup(now());
          if (!got.ok) return say('backup', fail(got.error.message));
          download(got.value);
          say('backup', ok(`Saved ${got.value.filename}.`));
        }),

      restoreBackup: (file) =>
        act('backup', `Reading ${file.name}`, async () => {
          set({ restoreReport: null });
          const got = await storage.restoreBackup(await file.text());
          if (!got.ok) return say('backup', fail(got.error.message));
          set({ restoreReport: got.value });
          say('backup', ok(`Restored from ${file.name}.`));
          deps.onDataChanged?.('restored');
        }),

      clearAll: () =>
        act('clear', 'Deleting your data', async () => {
          const got = await storage.clearAllData();
          if (!got.ok) return say('clear', fail(got.error.message));
          set({ importReports: null, restoreReport: null, imports: [], usage: null, team: null, notices: {} });
          deps.onDataChanged?.('cleared');
          await readSettings();
          await get().refreshDashboard();
          say('clear', ok('Everything Defuse stored on this computer has been deleted.'));
        }),
    };
  });
}
