// Every version of the database schema, oldest first. Never edit a released version: add one, with an
// `upgrade` that transforms the existing rows, and a case in tests/storage/migrations.test.ts that
// opens a database written at each earlier version.
import type { Transaction } from 'dexie';
import { dayOf } from './day';
import type { CountKey, FollowUpStatus, SiteId, UsageDayRecord } from './types';

export interface SchemaVersion {
  version: number;
  /** Dexie store specs: primary key first, then indexes. Only tables that change are listed. */
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
  /** Why this version exists. */
  why: string;
}

/* Row shapes of earlier versions, as they are on disk before an upgrade runs. */
interface NoteV1 {
  site: SiteId;
  conversationId: string;
  subject: string;
  body: string;
  createdAt: number;
  updatedAt: number;
}
interface FollowUpV1 {
  site: SiteId;
  conversationId: string;
  subject: string;
  url: string;
  dueAt: number;
  done: boolean;
  createdAt: number;
}
interface UsageV1 {
  kind: string;
  tipId: string;
  action: string;
  site: SiteId;
  at: number;
  rep: string;
}
interface SettingsV1 {
  key: 'settings';
  repLabel?: string;
  /** v1 listed the sites that were switched on. */
  sites?: SiteId[];
  sensitivity?: string;
  retentionDays?: number;
}

export const VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    why: 'First release: notes, follow-ups, tip usage events and settings.',
    stores: {
      notes: '++id, &[site+conversationId], updatedAt',
      followUps: '++id, dueAt',
      usage: '++id, at',
      settings: 'key',
    },
  },
  {
    version: 2,
    why:
      'Dashboard: usage events get their local day and a per-day rollup (usageDays) so a year aggregates ' +
      'from a few hundred rows; follow-ups get a status (open/done/snoozed) instead of `done`; notes\' `body` ' +
      'becomes `text`; settings store sites as on/off flags and gain disabled rules.',
    stores: {
      // [status+dueAt]: overdue and pending lists; [site+conversationId+createdAt]: a conversation's reminders.
      followUps: '++id, [status+dueAt], [site+conversationId+createdAt]',
      // Events need only `day` (retention). Dashboard queries read usageDays, keyed [day+site]: a range of
      // days is one key range, a site is a filter on ≤ 2 rows a day. A [day+tipId] index on 1.5 M events a
      // year would cost ≈ 30 bytes an event and still mean walking every event.
      usage: '++id, day',
      usageDays: '[day+site]',
    },
    upgrade: async (tx) => {
      await tx
        .table('notes')
        .toCollection()
        .modify((n: NoteV1 & { text?: string }) => {
          n.text = n.body ?? '';
          delete (n as Partial<NoteV1>).body;
        });

      const upgradedAt = Date.now();
      await tx
        .table('followUps')
        .toCollection()
        .modify((f: FollowUpV1 & { status?: FollowUpStatus; updatedAt?: number; doneAt?: number }) => {
          f.status = f.done ? 'done' : 'open';
          f.updatedAt = f.createdAt;
          // v1 didn't record when a follow-up was done; counting retention from the upgrade never purges early.
          if (f.done) f.doneAt = upgradedAt;
          delete (f as Partial<FollowUpV1>).done;
        });

      const days = new Map<string, UsageDayRecord>();
      await tx
        .table('usage')
        .toCollection()
        .modify((e: UsageV1 & { day?: string }) => {
          e.day = dayOf(e.at);
          const id = `${e.day}|${e.site}`;
          let row = days.get(id);
          if (!row) days.set(id, (row = { day: e.day, site: e.site, counts: {} }));
          const key = `${e.kind}:${e.tipId}:${e.action}` as CountKey;
          row.counts[key] = (row.counts[key] ?? 0) + 1;
        });
      await tx.table('usageDays').bulkPut([...days.values()]);

      await tx
        .table('settings')
        .toCollection()
        .modify((s: Omit<SettingsV1, 'sites'> & { sites?: unknown; disabledRules?: string[] }) => {
          const on: SiteId[] = Array.isArray(s.sites) ? s.sites : ['gmail', 'zendesk'];
          s.sites = { gmail: on.includes('gmail'), zendesk: on.includes('zendesk') };
          s.disabledRules ??= [];
        });
    },
  },
  {
    version: 3,
    why: "Team lead's view: counts merged from reps' exported files, and the hashes of files already imported.",
    stores: {
      teamDays: '[repId+day+site], day',
      imports: 'hash, importedAt',
    },
  },
];

export const CURRENT_VERSION = VERSIONS[VERSIONS.length - 1]!.version;
