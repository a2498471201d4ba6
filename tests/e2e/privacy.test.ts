// "Defuse makes no network requests" (README, Privacy): a full session on both sites — badge, panel,
// insert, copy, typing a draft, switching conversation — while every request the browser makes is
// recorded: the service worker's and the extension pages' (Playwright's context events, which include
// service-worker requests in Chromium) and the host pages' with their initiator (CDP Network), which
// names a content script when one starts a request. Only chrome-extension:// loads and the fixture
// pages' own loads may appear; the fixture server must have been asked only for fixture files.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixtureUrl } from '../../lib/devserver/pages';
import { forbiddenRequests, startHarness, waitForBadge, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

test('a whole session makes no request beyond the extension and the host pages themselves', async () => {
  // Gmail: badge, panel, insert, copy, a typed draft (the live coach), switch thread and back.
  const gmail = await h.openHost(fixtureUrl('gmail', 'thread'));
  await waitForBadge(gmail);
  const panel = await h.openPanel(gmail);
  await panel.waitForSelector('[data-testid="gauge"]', { timeout: 10_000 });
  await panel.locator('[data-testid="suggestion-insert"]').first().click();
  await panel.locator('[data-testid="suggestion-copy"]').first().click();
  await gmail.locator('div.M9 [g_editable="true"]').click();
  await gmail.keyboard.type(' Calm down, it must be your internet connection.');
  await panel.waitForTimeout(1_000); // draft debounce + coach
  await gmail.click('#switch-thread');
  await waitForBadge(gmail, 'thread-f:1826455812093348102');
  await gmail.click('#switch-thread');
  await waitForBadge(gmail, 'thread-f:1826371094512334501');

  // Zendesk: badge, panel, insert through the CKEditor path, switch ticket.
  const zendesk = await h.openHost(fixtureUrl('zendesk', 'ticket'));
  await waitForBadge(zendesk, '123');
  const zPanel = await h.openPanel(zendesk);
  await zPanel.waitForSelector('[data-testid="gauge"]', { timeout: 10_000 });
  await zPanel.locator('[data-testid="suggestion-insert"]').first().click();
  await zendesk.click('[data-demo-switch="118"]');
  await waitForBadge(zendesk, '118');

  // Settle: anything the extension schedules (alarms, lazy chunks) gets its chance.
  await zPanel.waitForTimeout(1_500);

  const bad = forbiddenRequests(h);
  const summary = h.requests.map((r) => `${r.from}: ${r.url}`);
  console.log(`[network] ${h.requests.length} requests seen:\n  ${[...new Set(summary)].join('\n  ')}`);
  expect(bad, JSON.stringify(bad, null, 2)).toEqual([]);
  // Sanity: the recorder did see the extension's own loads and the host pages.
  expect(h.requests.some((r) => r.from === 'extension-page')).toBe(true);
  expect(h.requests.some((r) => r.from === 'host-page')).toBe(true);
  // The fixture server was asked only for fixture pages (and a favicon).
  const unexpected = h.server.requests.filter((r) => r.status !== 200 && !/^\/favicon\.ico/.test(r.path));
  expect(unexpected).toEqual([]);
});

test('controls: the CSP stops fetch in the service worker and web images in extension pages', async () => {
  // The manifest's CSP (connect-src 'none') refuses a fetch before it reaches the network.
  const swFetch = await h.browser.serviceWorker.evaluate(() =>
    fetch('https://example.invalid/defuse-control-sw').then(
      () => 'fetched',
      (e: Error) => `refused: ${e.message}`,
    ),
  );
  expect(swFetch).toMatch(/^refused/);

  // default-src/img-src 'self' cover what connect-src doesn't: an image from the web added to the panel
  // is refused by the page itself (a CSP violation) and never reaches the network.
  const before = h.requests.length;
  const panel = h.context.pages().find((p) => p.url().startsWith(`chrome-extension://${h.extensionId}/sidepanel.html`))!;
  const failed = panel.waitForEvent('requestfailed', { predicate: (r) => r.url().includes('defuse-control.png'), timeout: 5_000 });
  const violation = await panel.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), { once: true });
        const img = document.createElement('img');
        img.src = 'https://example.invalid/defuse-control.png';
        document.body.append(img);
        setTimeout(() => resolve('no violation'), 3_000);
      }),
  );
  expect(violation).toBe('img-src');
  // Playwright reports the attempt, but Chromium fails it before anything is sent.
  expect((await failed).failure()?.errorText).toMatch(/csp/i);
  h.requests.splice(before); // leave no trace
});
