// What may be stored, checked at every write and every import. Messages name the field and the rule.
import { SITES, USAGE_ACTIONS, USAGE_KINDS, type SiteId, type UsageAction, type UsageKind } from './types';

/** Tip, rule and reminder ids: lower-case letters, digits and dashes, starting with a letter or digit. */
export const ID_RE = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** The random id in settings and exports. */
export const REP_ID_RE = /^r-[a-z0-9]{8,32}$/;
/**
 * A rep label: letters, digits, spaces and . _ ' - ; starts with a letter or digit (so no spreadsheet
 * formula), at most 40 characters, and no "@" (never an email address). Letters may carry combining
 * marks (\p{M}: the vowel signs of Hindi "अनु" or Thai, an accent typed as a separate character) and the
 * zero-width (non-)joiner some scripts write names with; never other invisible or direction characters.
 */
export const REP_LABEL_RE = /^[\p{L}\p{N}][\p{L}\p{M}\p{N}\u200C\u200D ._'-]{0,39}$/u;

export const isSite = (s: unknown): s is SiteId => SITES.includes(s as SiteId);
export const isKind = (s: unknown): s is UsageKind => USAGE_KINDS.includes(s as UsageKind);
export const isAction = (s: unknown): s is UsageAction => USAGE_ACTIONS.includes(s as UsageAction);
export const isId = (s: unknown): s is string => typeof s === 'string' && ID_RE.test(s);
export const isRepId = (s: unknown): s is string => typeof s === 'string' && REP_ID_RE.test(s);
export const isRepLabel = (s: unknown): s is string => typeof s === 'string' && REP_LABEL_RE.test(s);
/** The latest time a Date can hold (year 275760); anything later shows as "Invalid Date" and has no day. */
const MAX_TIME = 8.64e15;
export const isTime = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= MAX_TIME;

/** A value quoted for a message: short, one line, so a hostile 1 MB cell can't flood the UI. */
export function preview(value: unknown, max = 24): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  const flat = s.replace(/[\r\n\t]+/g, ' ');
  return `"${flat.length > max ? flat.slice(0, max) + '…' : flat}"`;
}

export const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
