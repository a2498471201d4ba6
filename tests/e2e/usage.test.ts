// The rep's own data in a real browser (IndexedDB shared by the extension's pages): inserting a
// suggestion in the side panel shows up on the options page's dashboard and in its CSV export (ids and
// counts, no customer text), and a note typed in the panel is still there when the panel is reopened.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { fixtureUrl } from '../../lib/devserver/pages';
import { expectedConversation, startHarness, waitForBadge, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function panelFor(host: Page): Promise<Page> {
  const panel = await h.openPanel(host);
  await panel.locator('[data-testid="suggestion"]').first().waitFor({ timeout: 10_000 });
  return panel;
}

describe('usage and notes across the extension pages', () => {
  test('an inserted suggestion is counted on the dashboard and exported as ids and counts only', async () => {
    const host = await h.openHost(fixtureUrl('gmail', 'thread'));
    const expected = await expectedConversation(host, 'gmail');
    await waitForBadge(host, expected.conversation);
    const panel = await panelFor(host);
    const first = panel.locator('[data-testid="suggestion"]').first();
    const tipId = (await first.getAttribute('data-suggestion'))!;
    await first.locator('[data-testid="suggestion-insert"]').click();
    await expect.poll(async () => (await panel.locator('[data-testid="suggestion"]').first().innerText()).includes('Inserted')).toBe(true);

    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    const row = options.locator(`[data-testid="tip-table"] tr[data-row*="${tipId}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(Number(await row.locator('[data-measure="used"]').innerText())).toBeGreaterThanOrEqual(1);
    expect(Number(await row.locator('[data-measure="shown"]').innerText())).toBeGreaterThanOrEqual(1);

    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export CSV' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('rep_id,rep,day,site,kind,tip_id,action,count');
    expect(lines.some((l) => l.includes(`,gmail,suggestion,${tipId},inserted,`))).toBe(true);
    // nothing of the conversation: not its subject, not the customer's words
    expect(csv).not.toContain(expected.subject);
    expect(csv).not.toMatch(/third time|refund/i);
    await options.close();
    await panel.close();
    await host.close();
  });

  test('inserting a suggestion that promises an update time offers a reminder for that time', async () => {
    const host = await h.openHost(fixtureUrl('gmail', 'thread'));
    await waitForBadge(host, (await expectedConversation(host, 'gmail')).conversation);
    const panel = await panelFor(host);
    const promising = panel.locator('[data-testid="suggestion"]', { hasText: /update you (by \d{1,2}(am|pm)|by noon)/ }).first();
    const label = /by (?:\d{1,2}(?:am|pm)|noon) (?:today|tomorrow|Monday)/.exec(await promising.locator('.suggestion-text').innerText())![0];
    await promising.locator('[data-testid="suggestion-insert"]').click();
    const offer = panel.getByTestId('promise');
    await offer.waitFor({ timeout: 5_000 });
    expect(await offer.innerText()).toContain(`update them ${label}`);
    await offer.getByRole('button', { name: 'Remind me then' }).click();
    const followUp = panel.getByTestId('follow-up');
    await followUp.waitFor({ timeout: 5_000 });
    expect(await followUp.innerText()).toContain(`Update promised ${label}`);
    await expect.poll(() => offer.count()).toBe(0); // the reminder is set for that time: no second offer
    await panel.close();
    await host.close();
  });

  test('a note saved in the panel is there again when the panel is reopened', async () => {
    const host = await h.openHost(fixtureUrl('gmail', 'thread'));
    await waitForBadge(host, (await expectedConversation(host, 'gmail')).conversation);
    let panel = await panelFor(host);
    await panel.getByTestId('note').fill('Called Dana back; refund approved, ref 4471.');
    await panel.getByRole('button', { name: 'Save note' }).click();
    await panel.getByText(/saved/i).first().waitFor({ timeout: 5_000 });
    await panel.close();

    panel = await panelFor(host);
    await expect.poll(() => panel.getByTestId('note').inputValue(), { timeout: 5_000 }).toBe('Called Dana back; refund approved, ref 4471.');
    await panel.close();
    await host.close();
  });

  test('a cleared reminder comes back with Undo, from the keyboard, with its alarm', async () => {
    const host = await h.openHost(fixtureUrl('gmail', 'thread'));
    await waitForBadge(host, (await expectedConversation(host, 'gmail')).conversation);
    const panel = await panelFor(host);
    const alarms = () =>
      panel.evaluate(async () => {
        const chrome = (globalThis as unknown as { chrome: { alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> } } }).chrome;
        return (await chrome.alarms.getAll()).filter((a) => a.name.startsWith('followup:')).map((a) => [a.name, a.scheduledTime]);
      });
    await panel.getByLabel('What to follow up (optional)').fill('Check the refund went through');
    await panel.getByRole('button', { name: 'Tomorrow 9am' }).click();
    const followUp = panel.getByTestId('follow-up');
    await expect.poll(() => followUp.innerText(), { timeout: 5_000 }).toContain('Check the refund went through');
    const shown = await followUp.innerText();
    const armed = await alarms();
    expect(armed).toHaveLength(1);

    await followUp.getByRole('button', { name: 'Clear' }).focus();
    await panel.keyboard.press('Enter');
    const undo = panel.getByRole('button', { name: 'Undo clearing the reminder' });
    await undo.waitFor({ timeout: 5_000 });
    expect(await panel.getByTestId('notes-status').innerText()).toBe('Reminder cleared. Undo');
    await expect.poll(() => undo.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(alarms).toEqual([]);

    await panel.keyboard.press('Enter');
    await expect.poll(() => followUp.innerText(), { timeout: 5_000 }).toBe(shown);
    await expect.poll(alarms).toEqual(armed);
    await followUp.getByRole('button', { name: 'Done' }).click();
    await expect.poll(alarms).toEqual([]);
    await panel.close();
    await host.close();
  });

  test('the options page shows the version, opens the notices shipped in the extension, and lists the signals', async () => {
    const options = await h.context.newPage();
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    const version = await options.evaluate(() => (globalThis as unknown as { chrome: { runtime: { getManifest(): { version: string } } } }).chrome.runtime.getManifest().version);
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    await expect.poll(() => options.getByRole('contentinfo').innerText()).toContain(`Defuse ${version} is open source`);
    const [notices] = await Promise.all([h.context.waitForEvent('page'), options.getByRole('link', { name: 'Third-party software and data' }).click()]);
    await notices.waitForLoadState();
    expect(notices.url()).toBe(`chrome-extension://${h.extensionId}/NOTICES.txt`);
    const text = await notices.locator('body').innerText();
    expect(text).toContain('AFINN-165');
    expect(text).toMatch(/^dexie\s+Apache-2\.0/m);
    await notices.close();
    // the signal list is a lazily loaded chunk: it must load under the page's CSP
    await options.getByText('Show the signals').click();
    await expect.poll(() => options.getByTestId('signal-doc').count(), { timeout: 10_000 }).toBeGreaterThan(30);
    expect(await options.locator('[data-signal="nth-time"]').innerText()).toContain('Says they have written before');
    await options.close();
  });
});
