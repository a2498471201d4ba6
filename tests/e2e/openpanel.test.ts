// Clicking the in-page badge opens Defuse's side panel for that tab: Playwright's click is a trusted
// user gesture, so chrome.sidePanel.open() may run; the service worker then lists the panel among
// the extension's open contexts (chrome.runtime.getContexts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtureUrl } from '../../lib/devserver/pages';
import { expectedConversation, startHarness, waitForBadge, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

interface ContextInfo {
  contextType: string;
  documentUrl?: string;
  tabId: number;
  windowId: number;
}

async function sidePanels(): Promise<ContextInfo[]> {
  const worker = h.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${h.extensionId}/`)) ?? h.browser.serviceWorker;
  return worker.evaluate(async () => {
    const runtime = (globalThis as unknown as { chrome: { runtime: { getContexts(f: object): Promise<ContextInfo[]> } } }).chrome.runtime;
    return runtime.getContexts({ contextTypes: ['SIDE_PANEL'] });
  });
}

describe('the badge opens the side panel', () => {
  test('a click on the badge opens sidepanel.html beside that tab', async () => {
    const host = await h.openHost(fixtureUrl('gmail', 'thread'));
    const expected = await expectedConversation(host, 'gmail');
    await waitForBadge(host, expected.conversation);
    expect(await sidePanels()).toEqual([]);
    await host.locator('defuse-badge button').click();
    // The context is listed as soon as it exists; its URL once the document commits.
    const url = new RegExp(`^chrome-extension://${h.extensionId}/sidepanel\\.html`);
    await expect.poll(async () => (await sidePanels()).map((c) => c.documentUrl ?? ''), { timeout: 5_000 }).toEqual([expect.stringMatching(url)]);
    await host.close();
  });
});
