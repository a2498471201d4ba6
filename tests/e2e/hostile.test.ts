// Host pages that misbehave, in the real browser: a customer's mail with a broken image (Defuse must
// not load it again each time it reads the message), and a page whose DOM changes under the panel
// (the reply box goes away, Gmail renames its message anchor): the panel says what happened, the
// badge goes, nothing reaches the host page.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixtureUrl } from '../../lib/devserver/pages';
import { startHarness, waitForBadge, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const LATEST_BODY = '[data-message-id="#msg-f:1826371094512330003"] div.a3s';

test("a broken image in the customer's message is not requested again when Defuse reads it", async () => {
  const gmail = await h.openHost(fixtureUrl('gmail', 'thread'));
  await waitForBadge(gmail);
  const path = '/defuse-e2e-missing-pixel.gif'; // the fixture server answers 404: a broken image
  const asked = () => h.server.requests.filter((r) => r.path === path).length;
  await gmail.evaluate(
    ({ sel, path }) => {
      const img = document.createElement('img');
      img.src = path;
      img.alt = '';
      document.querySelector(sel)!.append(img);
    },
    { sel: LATEST_BODY, path },
  );
  await gmail.waitForFunction(() => document.querySelector('img[alt=""]') instanceof HTMLImageElement && (document.querySelector('img[alt=""]') as HTMLImageElement).complete);
  await gmail.waitForTimeout(600); // Defuse re-reads the changed message (250 ms debounce)
  const afterOwnLoad = asked();
  expect(afterOwnLoad).toBeGreaterThanOrEqual(1); // the page's own load
  // Five more page changes, each re-read by Defuse.
  for (let i = 0; i < 5; i++) {
    await gmail.evaluate(() => document.body.append(Object.assign(document.createElement('div'), { className: 'host-churn' })));
    await gmail.waitForTimeout(400);
  }
  expect(asked()).toBe(afterOwnLoad);
});

test('the reply box goes away, then Gmail renames its message anchor: the panel says so and the host page sees no error', async () => {
  const gmail = await h.openHost(fixtureUrl('gmail', 'thread'));
  const errors: string[] = [];
  gmail.on('pageerror', (e) => errors.push(e.message));
  await waitForBadge(gmail);
  const panel = await h.openPanel(gmail);
  await panel.waitForSelector('[data-testid="gauge"]', { timeout: 10_000 });

  await gmail.evaluate(() => document.querySelector('div.M9')!.remove());
  await panel.locator('[data-testid="suggestion-insert"]').first().click();
  const status = panel.locator('[data-testid="suggestion-status"][data-state="failed"]').first();
  await status.waitFor({ timeout: 5_000 });
  expect(await status.textContent()).toContain('No reply box is open');

  await gmail.evaluate(() =>
    document.querySelectorAll('[data-message-id], [data-legacy-message-id]').forEach((el) => {
      el.removeAttribute('data-message-id');
      el.removeAttribute('data-legacy-message-id');
    }),
  );
  const message = await panel.waitForSelector('[data-testid="state-message"][data-state="no-conversation"]', { timeout: 10_000 });
  expect(await message.textContent()).toContain('Gmail may have changed its page');
  await gmail.waitForFunction(() => document.querySelectorAll('defuse-badge').length === 0, undefined, { timeout: 5_000 });
  expect(errors).toEqual([]);
});
