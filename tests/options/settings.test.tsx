// @vitest-environment happy-dom
// The settings form: saves, reloads, explains refusals and failures without losing what was typed.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { RULES } from '@/lib/coach';
import { ruleLabel } from '@/lib/state/labels';
import { addDays, aggregateUsage, dayOf, DefuseDB, getSettings, recordUsageBatch, updateSettings } from '@/lib/storage';
import { at, breakTable, must, NOW, renderOptions } from './helpers';

afterEach(cleanup);

const field = (name: string | RegExp) => screen.getByLabelText(name) as HTMLInputElement;
const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));

describe('settings', () => {
  test('saves every setting and shows them again after a reload', async () => {
    const { db } = await renderOptions();
    fireEvent.change(field('Your name in exports'), { target: { value: 'Ana' } });
    fireEvent.click(field('Zendesk'));
    fireEvent.click(field(/^High/));
    fireEvent.change(field('Keep usage data for (days)'), { target: { value: '90' } });
    fireEvent.click(field('Robotic phrasing'));
    expect(screen.getByText('You have unsaved changes.')).toBeTruthy();
    save();
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(screen.queryByText('You have unsaved changes.')).toBeNull();

    expect(must(await getSettings(db))).toMatchObject({
      repLabel: 'Ana',
      sites: { gmail: true, zendesk: false },
      sensitivity: 'high',
      retentionDays: 90,
      disabledRules: ['robotic'],
    });

    cleanup();
    await renderOptions({ db });
    expect(field('Your name in exports').value).toBe('Ana');
    expect(field('Gmail').checked).toBe(true);
    expect(field('Zendesk').checked).toBe(false);
    expect(field(/^High/).checked).toBe(true);
    expect(field('Keep usage data for (days)').value).toBe('90');
    expect(field('Robotic phrasing').checked).toBe(false);
    expect(field('Blame-shifting').checked).toBe(true);
  });

  test('lists every house rule from lib/coach by name, with its id and plain-language reason', async () => {
    await renderOptions();
    const group = screen.getByRole('group', { name: 'Coach rules' });
    const boxes = within(group).getAllByRole('checkbox');
    // english-only is a notice, not a house rule to untick (tests/options/labels.test.tsx)
    const houseRules = RULES.filter((r) => r.id !== 'english-only');
    expect(boxes.map((b) => b.closest('label')!.textContent)).toEqual(houseRules.map((r) => ruleLabel(r.id)));
    for (const rule of houseRules) {
      const box = field(ruleLabel(rule.id));
      expect(box.closest('label')!.title).toBe(rule.id);
      expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).toBe(rule.docs);
    }
  });

  test('a failing save keeps what was typed and shows the plain message', async () => {
    const { db } = await renderOptions();
    const mend = breakTable(db, 'settings', 'put');
    fireEvent.change(field('Your name in exports'), { target: { value: 'Ana' } });
    fireEvent.change(field('Keep usage data for (days)'), { target: { value: '45' } });
    save();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/^Your browser's storage is full, so this wasn't saved\./);
    expect(alert.textContent).not.toMatch(/\bat .*\(|Error:|QuotaExceededError/);
    expect(field('Your name in exports').value).toBe('Ana');
    expect(field('Keep usage data for (days)').value).toBe('45');
    expect(must(await getSettings(db)).repLabel).toBe('Rep');

    mend();
    save();
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(must(await getSettings(db))).toMatchObject({ repLabel: 'Ana', retentionDays: 45 });
  });

  test('a refused value is explained and left as typed', async () => {
    const { db } = await renderOptions();
    fireEvent.change(field('Keep usage data for (days)'), { target: { value: 'a year' } });
    save();
    expect((await screen.findByRole('alert')).textContent).toBe('Keep data for a whole number of days, from 1 to 3650.');
    expect(field('Keep usage data for (days)').value).toBe('a year');

    fireEvent.change(field('Keep usage data for (days)'), { target: { value: '30' } });
    fireEvent.change(field('Your name in exports'), { target: { value: 'ana@example.com' } });
    save();
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/can't be an email address/));
    expect(field('Your name in exports').value).toBe('ana@example.com');
    expect(must(await getSettings(db)).retentionDays).toBe(365);
  });

  test('cleans up usage older than the retention period when the page opens', async () => {
    const db = new DefuseDB(`options-${crypto.randomUUID()}`);
    must(await updateSettings({ retentionDays: 30 }, db));
    const old = dayOf(NOW - 40 * 86_400_000);
    must(
      await recordUsageBatch(
        [
          { kind: 'rule', tipId: 'robotic', action: 'shown', site: 'gmail', at: at(old) },
          { kind: 'rule', tipId: 'robotic', action: 'shown', site: 'gmail', at: at(old) },
          { kind: 'rule', tipId: 'robotic', action: 'shown', site: 'gmail', at: NOW },
        ],
        NOW,
        db,
      ),
    );
    await renderOptions({ db });
    expect(screen.getByTestId('retention-notice').textContent).toBe('Cleaned up 2 usage events older than 30 days.');
    const left = must(await aggregateUsage({ from: addDays(old, -1), to: dayOf(NOW) }, db));
    expect(left.events).toBe(1);
  });

  test('storage turned off (a private window) says so in words, with a way to try again', async () => {
    // What Firefox's private windows do: opening IndexedDB throws.
    const refusing = {
      open() {
        throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
      },
      deleteDatabase() {
        throw new DOMException('no', 'InvalidStateError');
      },
      cmp: (a: unknown, b: unknown) => indexedDB.cmp(a, b),
      databases: async () => [],
    } as unknown as IDBFactory;
    const db = new DefuseDB('private', { indexedDB: refusing });
    await renderOptions({ db });
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts[0]).toMatch(/^Storage isn't available in this window \(private windows and some privacy settings turn it off\)/);
    expect(alerts.join(' ')).not.toMatch(/InvalidStateError|\bat .*\(/);
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
    // Trying again reads again, and fails the same plain way (still no settings form to lose input in).
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy());
    expect(screen.getAllByRole('alert')[0]!.textContent).toBe(alerts[0]);
  });
});
