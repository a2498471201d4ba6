// The background's side of follow-ups: ring when an alarm fires, open the conversation when the
// notification is clicked, and re-arm every pending follow-up whenever the service worker starts —
// Chrome may drop alarms on a browser restart, and a worker can sleep through a due time.
import { siteOf } from '@/lib/sites/hosts';
import { claimDue, getFollowUp, listFollowUps, type DefuseDB, type FollowUpRecord } from '@/lib/storage';
import { alarmName, idFromAlarm, type FollowUpBrowser, type TabInfo } from './browser';
import { quietly } from './schedule';

export interface RegisterOptions {
  db?: DefuseDB;
  now?: () => number;
  /** The notification icon. Chrome refuses a basic notification whose icon doesn't load. */
  iconUrl?: string;
}

export interface FollowUpsService {
  /** Re-arms alarms for pending follow-ups; shows the ones whose time passed while nothing ran. */
  sync(): Promise<void>;
  /** Shows a due follow-up's notification (once, even if called twice). */
  fire(id: number): Promise<void>;
  /** Brings the follow-up's conversation to the front: its tab if open, else a new tab. */
  open(id: number): Promise<void>;
}

export interface RegisteredFollowUps extends FollowUpsService {
  /** Settles when the start-up re-arming has finished (tests wait on it). */
  ready: Promise<void>;
}

const SITE_NAMES = { gmail: 'Gmail', zendesk: 'Zendesk' } as const;
const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const sameAddress = (a: string | undefined, b: string) => !!a && a.replace(/\/+$/, '') === b.replace(/\/+$/, '');

/** The match pattern of the conversation's host, for tabs.query. */
function hostPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

function notificationFor(f: FollowUpRecord, iconUrl: string) {
  const due = new Date(f.dueAt).toLocaleString(undefined, { weekday: 'short', hour: 'numeric', minute: '2-digit' });
  return {
    type: 'basic' as const,
    iconUrl,
    title: clip(`Follow up: ${f.subject || 'a conversation'}`, 80),
    // No contextMessage/buttons: Firefox doesn't support them.
    message: clip(`${f.note ? f.note + ' — ' : ''}due ${due}, ${SITE_NAMES[f.site]}. Click to open the conversation.`, 200),
  };
}

/**
 * Follow-ups' browser side without listeners. The options page calls `sync()` after restoring a backup;
 * the background gets it through registerFollowUps.
 */
export function followUpService(api: FollowUpBrowser, options: RegisterOptions = {}): FollowUpsService {
  const now = options.now ?? Date.now;
  const iconUrl = options.iconUrl ?? api.runtime.getURL('/icon/128.png');
  const db = options.db;

  async function fire(id: number): Promise<void> {
    const claim = await claimDue(id, now(), db);
    if (!claim.ok) return console.warn('Defuse: a follow-up could not be read', claim.error.message);
    const c = claim.value;
    if ('fire' in c) await quietly('showing the follow-up', () => api.notifications.create(alarmName(id), notificationFor(c.fire, iconUrl)));
    else if ('later' in c) await quietly('re-arming the follow-up', () => api.alarms.create(alarmName(id), { when: c.later.dueAt }));
    else if (c.skip !== 'shown') await quietly('clearing the follow-up alarm', () => api.alarms.clear(alarmName(id)));
  }

  async function open(id: number): Promise<void> {
    await quietly('closing the notification', () => api.notifications.clear(alarmName(id)));
    const got = await getFollowUp(id, db);
    const f = got.ok ? got.value : undefined;
    // Only ever open a Gmail or Zendesk address (a restored backup is not trusted to hold anything else).
    if (!f || siteOf(f.url) !== f.site) return;
    let tabs: TabInfo[] = [];
    await quietly('looking for the conversation tab', async () => (tabs = await api.tabs.query({ url: hostPattern(f.url) })));
    const tab = tabs.find((t) => sameAddress(t.url, f.url));
    if (tab?.id !== undefined) {
      await quietly('switching to the conversation tab', () => api.tabs.update(tab.id!, { active: true }));
      if (tab.windowId !== undefined && api.windows) await quietly('focusing its window', () => api.windows!.update(tab.windowId!, { focused: true }));
    } else {
      await quietly('opening the conversation', () => api.tabs.create({ url: f.url, active: true }));
    }
  }

  async function sync(): Promise<void> {
    const pending = await listFollowUps(['open', 'snoozed'], db);
    if (!pending.ok) return console.warn('Defuse: follow-ups could not be read', pending.error.message);
    const armed = new Set<string>();
    for (const f of pending.value) {
      if (f.firedAt !== undefined) continue; // already shown: it waits in the overdue list
      if (f.dueAt <= now()) await fire(f.id!);
      else {
        armed.add(alarmName(f.id!));
        await quietly('re-arming a follow-up', () => api.alarms.create(alarmName(f.id!), { when: f.dueAt }));
      }
    }
    if (api.alarms.getAll) {
      let alarms: { name: string }[] = [];
      await quietly('listing alarms', async () => (alarms = await api.alarms.getAll!()));
      for (const a of alarms) {
        const id = idFromAlarm(a.name);
        if (id === null || armed.has(a.name)) continue;
        // Read again: the panel may have scheduled this one since the list above was read.
        const f = await getFollowUp(id, db);
        const stale = f.ok && (!f.value || f.value.status === 'done' || f.value.firedAt !== undefined);
        if (stale) await quietly('clearing a stale alarm', () => api.alarms.clear(a.name));
      }
    }
  }

  return { sync, fire, open };
}

/**
 * Wires follow-ups into the background. Call once, synchronously, at the top of the service worker
 * (listeners added later would miss the event that woke it). Also starts a re-arm right away, because
 * module load is the only signal a restarted worker gets.
 */
export function registerFollowUps(api: FollowUpBrowser, options: RegisterOptions = {}): RegisteredFollowUps {
  const { sync, fire, open } = followUpService(api, options);
  api.alarms.onAlarm.addListener((alarm) => {
    const id = idFromAlarm(alarm.name);
    if (id !== null) void fire(id);
  });
  api.notifications.onClicked.addListener((notificationId) => {
    const id = idFromAlarm(notificationId);
    if (id !== null) void open(id);
  });
  api.runtime.onStartup.addListener(() => void sync());
  api.runtime.onInstalled.addListener(() => void sync());

  return { ready: sync(), sync, fire, open };
}
