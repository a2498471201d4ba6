// A Zendesk tab where Defuse's content script does not run (it runs only in the agent workspace,
// under /agent/): the panel must say where Defuse works, not "open a Zendesk ticket". (A tab open from
// before an install or update is covered by tests/background: this Chromium, started with
// --load-extension, unloads the extension on chrome.runtime.reload instead of reloading it.)
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ZENDESK_HOST } from '../../lib/devserver/pages';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const stateMessage = '[data-testid="state-message"][data-state="no-conversation"]';

test("a Zendesk Help Center page: the panel says Defuse works in the agent workspace", async () => {
  const helpCenter = await h.openHost(`https://${ZENDESK_HOST}/hc/en-us`);
  const panel = await h.openPanel(helpCenter);
  const message = await panel.waitForSelector(stateMessage, { timeout: 10_000 });
  expect(await message.textContent()).toContain(`Defuse works in the Zendesk agent workspace (${ZENDESK_HOST}/agent)`);
  await panel.close();
});
