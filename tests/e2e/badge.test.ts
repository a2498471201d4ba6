// The in-page badge (design.md contract 5) on the fixture pages, served over local HTTPS as
// mail.google.com and acme.zendesk.com so the content scripts' real match patterns fire.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { fixtureUrl } from '../../lib/devserver/pages';
import {
  cliScore,
  contentScriptWorlds,
  expectedConversation,
  idleProbe,
  messageText,
  readBadges,
  startHarness,
  waitForBadge,
  type Harness,
  type Site,
} from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const cases: { site: Site; fixture: string; what: string }[] = [
  { site: 'gmail', fixture: 'thread', what: 'Gmail thread' },
  { site: 'zendesk', fixture: 'ticket', what: 'Zendesk ticket' },
];

const pages = new Map<string, Page>();

describe.each(cases)('$what', ({ site, fixture }) => {
  test('exactly one badge, with the conversation id, the customer-message count and the CLI score of the latest customer message', async () => {
    const page = await h.openHost(fixtureUrl(site, fixture));
    pages.set(site, page);
    const expected = await expectedConversation(page, site);
    const badge = await waitForBadge(page, expected.conversation);
    const text = await messageText(h.context, expected.bodyHtml);
    const cli = (await cliScore({ latest: text })).latest!;
    expect(cli.error, `cli score failed: ${cli.error}`).toBeUndefined();

    expect(await readBadges(page)).toHaveLength(1);
    expect(badge).toEqual({
      conversation: expected.conversation,
      customerMessages: String(expected.customerMessages),
      level: cli.level,
      score: String(cli.score),
    });
  });

  test('the badge sits next to the latest customer message', async () => {
    const page = pages.get(site)!;
    const inLatest = await page.evaluate((site) => {
      const badge = document.querySelector('defuse-badge')!;
      if (site === 'gmail') {
        const messages = [...document.querySelectorAll('[data-message-id]')];
        return badge.closest('[data-message-id]') === messages[messages.length - 1];
      }
      const customer = [...document.querySelectorAll('[data-ticket-id]:not([hidden]) [data-test-id="omni-log-item-message"][type="end-user"]')];
      const latest = customer[customer.length - 1]!.closest('article');
      return latest?.contains(badge) ?? false;
    }, site);
    expect(inLatest).toBe(true);
  });
});

test('no badge on the Gmail inbox (no thread open), though the content script runs there', async () => {
  const page = await h.openHost(fixtureUrl('gmail', 'inbox'));
  // The content script is injected (its isolated world exists) …
  await expect.poll(() => contentScriptWorlds(page, h.extensionId), { timeout: 10_000 }).toBeGreaterThan(0);
  // … and has had time to read the page (debounce 250 ms, a round trip to the background).
  await page.waitForTimeout(1_500);
  expect(await readBadges(page)).toEqual([]);
});

test('idle host page: no DOM mutations, no content-script JavaScript over 2 s', async () => {
  const page = pages.get('gmail') ?? (await h.openHost(fixtureUrl('gmail', 'thread')));
  await waitForBadge(page);
  await page.waitForTimeout(1_000); // settle
  const idle = await idleProbe(page, h.extensionId, 2_000);
  console.log(
    `[idle] 2 s on the Gmail thread: ${idle.mutations.length} DOM mutations, ${idle.contentScriptSamples} profiler samples in the content script ` +
      `(of ${idle.samples}), ScriptDuration +${(idle.scriptMs).toFixed(2)} ms, layouts +${idle.layouts}, style recalcs +${idle.styleRecalcs}`,
  );
  expect(idle.mutations, JSON.stringify(idle.mutations.slice(0, 5))).toEqual([]);
  expect(idle.contentScriptSamples).toBe(0);
  expect(idle.layouts).toBe(0);

  // Control: the same probe does see the content script when the page changes (a node is added).
  const busy = await idleProbe(page, h.extensionId, 1_000, () =>
    page.evaluate(() => document.querySelector('[role="main"]')!.appendChild(document.createElement('div'))),
  );
  console.log(`[idle] control, one unrelated node added: ${busy.contentScriptSamples} content-script samples, ${busy.mutations.length} mutations`);
  expect(await readBadges(page)).toHaveLength(1);
});
