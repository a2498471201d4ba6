// Accessibility of the extension's pages in Chromium, checked with axe-core (WCAG 2.1 A/AA rules):
// the side panel beside a frustrated and a calm conversation, with the draft coach showing findings,
// and the options page. Any serious or critical violation fails; the rest are printed.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { fixtureUrl } from '../../lib/devserver/pages';
import { expectedConversation, startHarness, waitForBadge, type Harness } from './harness';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; summary?: string }[];
}

/**
 * Runs axe in the page (on `selector` only, when given). Evaluated over CDP, so the extension pages'
 * CSP (script-src 'self') allows it.
 */
async function audit(page: Page, selector?: string): Promise<Violation[]> {
  await page.evaluate(AXE);
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: object): Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(selector ? { include: [[selector]] } : document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, summary: (n as { failureSummary?: string }).failureSummary })) }));
  }, selector);
}

function serious(violations: Violation[], where: string): Violation[] {
  for (const v of violations) console.log(`[a11y] ${where}: ${v.impact} ${v.id} — ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')}: ${n.summary ?? ''}`).join('; ')})`);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('accessibility (axe-core, WCAG 2.1 AA)', () => {
  test.each([
    { site: 'gmail' as const, fixture: 'thread', scheme: 'light' as const },
    { site: 'gmail' as const, fixture: 'thread-calm', scheme: 'light' as const },
    { site: 'zendesk' as const, fixture: 'ticket', scheme: 'light' as const },
    { site: 'gmail' as const, fixture: 'thread', scheme: 'dark' as const },
    { site: 'gmail' as const, fixture: 'thread-calm', scheme: 'dark' as const },
  ])('side panel beside $site $fixture ($scheme theme)', async ({ site, fixture, scheme }) => {
    const host = await h.openHost(fixtureUrl(site, fixture));
    await waitForBadge(host, (await expectedConversation(host, site)).conversation);
    const panel = await h.openPanel(host);
    await panel.emulateMedia({ colorScheme: scheme });
    await panel.locator('[data-testid="gauge"]').waitFor({ timeout: 10_000 });
    if (fixture === 'thread-calm') {
      // no reply box on this page: the pasted-draft coach, with findings showing
      await panel.getByTestId('draft-input').fill('Calm down. It is the courier, not us.');
      await panel.locator('[data-testid="finding"]').first().waitFor({ timeout: 5_000 });
    }
    // the theme really is the one asked for (the check would be empty otherwise)
    expect(await panel.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(scheme === 'dark' ? 'rgb(22, 24, 28)' : 'rgb(255, 255, 255)');
    expect(serious(await audit(panel), `panel ${site}/${fixture} ${scheme}`)).toEqual([]);
    await panel.close();
    await host.close();
  });

  test.each([
    { site: 'gmail' as const, fixture: 'thread' },
    { site: 'gmail' as const, fixture: 'thread-calm' },
    { site: 'zendesk' as const, fixture: 'ticket' },
  ])('the in-page badge on $site $fixture', async ({ site, fixture }) => {
    const host = await h.openHost(fixtureUrl(site, fixture));
    await waitForBadge(host, (await expectedConversation(host, site)).conversation);
    expect(serious(await audit(host, 'defuse-badge'), `badge ${site}/${fixture}`)).toEqual([]);
    await host.close();
  });

  test('keyboard only: Tab reaches the first Insert button, Enter puts the suggestion into the reply box', async () => {
    const host = await h.openHost(fixtureUrl('gmail', 'thread'));
    await waitForBadge(host, (await expectedConversation(host, 'gmail')).conversation);
    const panel = await h.openPanel(host);
    const first = panel.locator('[data-testid="suggestion"]').first();
    await first.waitFor({ timeout: 10_000 });
    const text = (await first.locator('.suggestion-text').innerText()).trim();
    let presses = 0;
    const onInsert = () => panel.evaluate(() => document.activeElement?.getAttribute('data-testid') === 'suggestion-insert');
    while (!(await onInsert()) && presses < 60) {
      await panel.keyboard.press('Tab');
      presses++;
    }
    expect(await onInsert()).toBe(true);
    // a visible focus ring on it
    expect(await panel.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    await panel.keyboard.press('Enter');
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    await expect.poll(async () => squash(await host.locator('div.M9 [g_editable="true"]').innerText()), { timeout: 5_000 }).toContain(squash(text));
    console.log(`[a11y] keyboard: first Insert reached after ${presses} Tab presses`);
    await panel.close();
    await host.close();
  });

  test.each(['light', 'dark'] as const)('options page (%s theme)', async (scheme) => {
    const options = await h.context.newPage();
    await options.emulateMedia({ colorScheme: scheme });
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.locator('[data-testid="dashboard"]').waitFor({ timeout: 10_000 });
    expect(serious(await audit(options), `options ${scheme}`)).toEqual([]);
    await options.close();
  });
});
