// The records Defuse keeps in IndexedDB (schema version 3). Field comments say what each holds and,
// where it matters, what it must never hold.
import type { SiteId } from '@/lib/messaging/protocol';

export type { SiteId };
export const SITES: readonly SiteId[] = ['gmail', 'zendesk'];

/** The rep's own note on one conversation: one per site + conversation, edited in place. */
export interface NoteRecord {
  id?: number;
  site: SiteId;
  conversationId: string;
  /** The conversation's subject as the page showed it, so the notes list can say which ticket it is. */
  subject: string;
  /** What the rep wrote. Never customer text (the panel doesn't prefill it). */
  text: string;
  createdAt: number;
  updatedAt: number;
}

export type FollowUpStatus = 'open' | 'done' | 'snoozed';

export interface FollowUpRecord {
  id?: number;
  site: SiteId;
  conversationId: string;
  subject: string;
  /** The conversation's address (https, on Gmail or Zendesk only); a notification click opens it. */
  url: string;
  /** Optional words from the rep ("check the refund went through"). */
  note?: string;
  dueAt: number;
  status: FollowUpStatus;
  /** Set when the reminder has been shown: it is then overdue, and not shown again after a restart. */
  firedAt?: number;
  doneAt?: number;
  createdAt: number;
  updatedAt: number;
}

export type UsageKind = 'suggestion' | 'rule' | 'reminder';
export type UsageAction = 'shown' | 'inserted' | 'copied' | 'dismissed' | 'fixed';
export const USAGE_KINDS: readonly UsageKind[] = ['suggestion', 'rule', 'reminder'];
export const USAGE_ACTIONS: readonly UsageAction[] = ['shown', 'inserted', 'copied', 'dismissed', 'fixed'];

/**
 * One tip usage event. Ids, enums, a date and a time only: no field can carry customer text, draft
 * text or an email address (recordUsage rejects anything else; the rep label is checked in settings).
 */
export interface UsageEventRecord {
  id?: number;
  kind: UsageKind;
  tipId: string;
  action: UsageAction;
  site: SiteId;
  /** Local calendar day of `at`, 'YYYY-MM-DD': the unit every dashboard query and export uses. */
  day: string;
  at: number;
  /** The rep's label from settings when the event happened. */
  rep: string;
}

/** `kind:tipId:action`, the key of a count in a day's rollup. */
export type CountKey = `${UsageKind}:${string}:${UsageAction}`;

/**
 * The day's usage on one site, counted as events are written (same transaction). The dashboard and
 * the exports read these, a few hundred rows a year, instead of walking every event.
 */
export interface UsageDayRecord {
  day: string;
  site: SiteId;
  counts: Record<CountKey, number>;
}

/** A team member's counts for one day and site, merged from imported files. */
export interface TeamDayRecord {
  repId: string;
  rep: string;
  day: string;
  site: SiteId;
  counts: Record<CountKey, number>;
  /** Hash of the file these counts last came from. */
  source: string;
}

export interface ImportRecord {
  /** SHA-256 of the file's text, hex. */
  hash: string;
  name: string;
  importedAt: number;
  rows: number;
  reps: string[];
}

export type Sensitivity = 'low' | 'normal' | 'high';

export interface Settings {
  /** Random, made on first use; identifies this rep's exports so two reps with the same label don't merge. */
  repId: string;
  /** How this rep appears in exports ("Ana", "Tier 2 — night"). Never an email address. */
  repLabel: string;
  sites: Record<SiteId, boolean>;
  sensitivity: Sensitivity;
  /** Usage events and done follow-ups older than this are deleted by applyRetention. */
  retentionDays: number;
  /** Coach rule ids the rep switched off. */
  disabledRules: string[];
}

export interface SettingsRecord extends Settings {
  key: 'settings';
}

/** Inclusive range of local days, 'YYYY-MM-DD'. */
export interface DayRange {
  from: string;
  to: string;
  site?: SiteId;
}
