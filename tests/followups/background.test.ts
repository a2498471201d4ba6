// The background rings due follow-ups once, opens the conversation on click, and re-arms after restarts.
import { describe, expect, it } from 'vitest';
import { registerFollowUps, scheduleFollowUp } from '@/lib/followups';
import { getFollowUp, putFollowUp, setFollowUpDone } from '@/lib/storage';
import { freshDb, GMAIL_URL, must, ZENDESK_URL } from '../storage/helpers';
import { fakeApi, settle } from './fakeApi';
import type { TabInfo } from '@/lib/followups';

const NOW = new Date(2025, 5, 2, 15, 0).getTime();
const HOUR = 3_600_000;
const target = { site: 'gmail' as const, conversationId: 'FMfcgzQbgRmx', subject: 'Refund for order 48213', url: GMAIL_URL };

function setup(tabs: TabInfo[] = []) {
  const fake = fakeApi(tabs);
  const db = freshDb();
  let clock = NOW;
  return {
    ...fake,
    db,
    setNow: (t: number) => void (clock = t),
    register: () => registerFollowUps(fake.api, { db, now: () => clock }),
  };
}

describe('registerFollowUps', () => {
  it('adds its listeners before anything async (a waking service worker must not miss the event)', () => {
    const s = setup();
    s.register();
    expect([s.onAlarm, s.onClicked, s.onStartup, s.onInstalled].map((e) => e.listeners.length)).toEqual([1, 1, 1, 1]);
  });

  describe('when the alarm rings', () => {
    it('shows a notification named after the follow-up, with its subject', async () => {
      const s = setup();
      const f = must(await scheduleFollowUp(target, 'in-2h', NOW, { api: s.api, db: s.db }));
      await s.register().ready;
      s.setNow(f.dueAt);
      s.onAlarm.fire({ name: `followup:${f.id}` });
      await settle();
      expect(s.notifications.get(`followup:${f.id}`)).toMatchObject({
        type: 'basic',
        title: 'Follow up: Refund for order 48213',
        iconUrl: 'chrome-extension://defuse/icon/128.png',
        message: expect.stringMatching(/^due .*, Gmail\. Click to open the conversation\.$/),
      });
    });

    it('puts the rep\'s own reminder text first in the message', async () => {
      const s = setup();
      const f = must(await putFollowUp({ ...target, note: 'Check the refund went through' }, NOW - HOUR, NOW - 2 * HOUR, s.db));
      await s.register().ready;
      expect(s.notifications.get(`followup:${f.id}`)?.message).toMatch(/^Check the refund went through — due /);
    });

    it('marks it as shown (it is now overdue)', async () => {
      const s = setup();
      const f = must(await scheduleFollowUp(target, 'in-2h', NOW, { api: s.api, db: s.db }));
      await s.register().ready;
      s.setNow(f.dueAt + 1000);
      s.onAlarm.fire({ name: `followup:${f.id}` });
      await settle();
      expect(must(await getFollowUp(f.id!, s.db))).toMatchObject({ status: 'open', firedAt: f.dueAt + 1000 });
    });

    it('shows it once, even when the alarm and the start-up catch-up race', async () => {
      const s = setup();
      const f = must(await putFollowUp(target, NOW - HOUR, NOW - 2 * HOUR, s.db));
      let shown = 0;
      const create = s.api.notifications.create;
      s.api.notifications.create = async (...args) => (shown++, create(...args));
      s.register();
      s.onAlarm.fire({ name: `followup:${f.id}` });
      s.onStartup.fire();
      await settle();
      expect(shown).toBe(1);
    });

    it('re-arms instead of ringing when the follow-up was moved later', async () => {
      const s = setup();
      const f = must(await scheduleFollowUp(target, 'in-2h', NOW, { api: s.api, db: s.db }));
      await s.register().ready;
      s.setNow(NOW + 10 * 60_000);
      s.onAlarm.fire({ name: `followup:${f.id}` });
      await settle();
      expect(s.notifications.size).toBe(0);
      expect(s.alarms.get(`followup:${f.id}`)).toBe(f.dueAt);
    });

    it('ignores alarms that are not follow-ups', async () => {
      const s = setup();
      await s.register().ready;
      s.onAlarm.fire({ name: 'retention-daily' });
      await settle();
      expect(s.notifications.size).toBe(0);
    });

    it('does nothing for a follow-up done in the meantime', async () => {
      const s = setup();
      const f = must(await scheduleFollowUp(target, 'in-2h', NOW, { api: s.api, db: s.db }));
      must(await setFollowUpDone(f.id!, NOW, s.db));
      await s.register().ready;
      s.setNow(f.dueAt);
      s.onAlarm.fire({ name: `followup:${f.id}` });
      await settle();
      expect(s.notifications.size).toBe(0);
    });
  });

  describe('when the notification is clicked', () => {
    it('switches to the tab already showing the conversation, and focuses its window', async () => {
      const s = setup([
        { id: 7, url: 'https://mail.google.com/mail/u/0/#inbox', windowId: 1 },
        { id: 8, url: GMAIL_URL, windowId: 2 },
      ]);
      const f = must(await putFollowUp(target, NOW, NOW, s.db));
      await s.register().ready;
      s.onClicked.fire(`followup:${f.id}`);
      await settle();
      expect(s.calls).toEqual({ tabsActivated: [8], windowsFocused: [2], tabsCreated: [] });
    });

    it('opens the conversation in a new tab when no tab shows it', async () => {
      const s = setup([{ id: 7, url: 'https://mail.google.com/mail/u/0/#inbox', windowId: 1 }]);
      const f = must(await putFollowUp({ ...target, site: 'zendesk', url: ZENDESK_URL }, NOW, NOW, s.db));
      await s.register().ready;
      s.onClicked.fire(`followup:${f.id}`);
      await settle();
      expect(s.calls.tabsCreated).toEqual([ZENDESK_URL]);
    });

    it('closes the notification', async () => {
      const s = setup();
      const f = must(await putFollowUp(target, NOW - HOUR, NOW - HOUR, s.db));
      await s.register().ready; // overdue: shown at start-up
      expect(s.notifications.size).toBe(1);
      s.onClicked.fire(`followup:${f.id}`);
      await settle();
      expect(s.notifications.size).toBe(0);
    });

    it('never opens an address outside Gmail and Zendesk, even from a tampered record', async () => {
      const s = setup();
      const f = must(await putFollowUp(target, NOW, NOW, s.db));
      await s.db.followUps.update(f.id!, { url: 'javascript:alert(1)' });
      await s.register().ready;
      s.onClicked.fire(`followup:${f.id}`);
      await settle();
      expect(s.calls.tabsCreated).toEqual([]);
    });
  });

  describe('on start-up (module load, runtime.onStartup, onInstalled)', () => {
    it('re-creates the alarms of pending follow-ups (alarms may be lost on a browser restart)', async () => {
      const s = setup();
      const a = must(await putFollowUp({ ...target, conversationId: 'a' }, NOW + HOUR, NOW, s.db));
      const b = must(await putFollowUp({ ...target, conversationId: 'b' }, NOW + 5 * HOUR, NOW, s.db));
      await s.register().ready;
      expect(Object.fromEntries(s.alarms)).toEqual({ [`followup:${a.id}`]: a.dueAt, [`followup:${b.id}`]: b.dueAt });
    });

    it('shows at once the follow-ups that fell due while the browser was closed', async () => {
      const s = setup();
      const f = must(await putFollowUp(target, NOW - 3 * HOUR, NOW - 5 * HOUR, s.db));
      await s.register().ready;
      expect([...s.notifications.keys()]).toEqual([`followup:${f.id}`]);
    });

    it('does not show again a follow-up already shown before the restart', async () => {
      const s = setup();
      must(await putFollowUp(target, NOW - 3 * HOUR, NOW - 5 * HOUR, s.db));
      await s.register().ready;
      s.notifications.clear();
      await registerFollowUps(s.api, { db: s.db, now: () => NOW + HOUR }).ready;
      expect(s.notifications.size).toBe(0);
    });

    it('does not re-arm done follow-ups, and clears their leftover alarms', async () => {
      const s = setup();
      const f = must(await putFollowUp(target, NOW + HOUR, NOW, s.db));
      must(await setFollowUpDone(f.id!, NOW, s.db));
      s.alarms.set(`followup:${f.id}`, f.dueAt);
      s.alarms.set('followup:404', NOW + HOUR);
      s.alarms.set('something-else', NOW + HOUR);
      await s.register().ready;
      expect([...s.alarms.keys()]).toEqual(['something-else']);
    });

    it.each(['onStartup', 'onInstalled'] as const)('runs again on runtime.%s', async (name) => {
      const s = setup();
      await s.register().ready;
      const f = must(await putFollowUp(target, NOW + HOUR, NOW, s.db)); // e.g. restored from a backup
      s[name].fire({} as never);
      await settle();
      expect(s.alarms.get(`followup:${f.id}`)).toBe(f.dueAt);
    });
  });
});
