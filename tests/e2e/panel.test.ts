// The side panel, opened as a tab at sidepanel.html?tabId=N beside a fixture page: what it shows for
// a frustrated and a calm conversation, inserting a suggestion into the host's reply box, and
// following the page when the rep switches thread / ticket.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { fixtureUrl, withFreshDates } from '../../lib/devserver/pages';
import {
  cliScore,
  expectedConversation,
  messageText,
  startHarness,
  waitForBadge,
  type CliScore,
  type ExpectedConversation,
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

/** The open conversation's expectation: its facts from the page and the CLI's score of its latest customer message. */
async function expectation(page: Page, site: Site): Promise<ExpectedConversation & { cli: CliScore }> {
  const expected = await expectedConversation(page, site);
  const cli = (await cliScore({ m: await messageText(h.context, expected.bodyHtml) })).m!;
  if (cli.error) throw new Error(`cli score: ${cli.error}`);
  return { ...expected, cli };
}

/** Waits until the panel's gauge shows this score and its header this subject. */
async function waitForGauge(panel: Page, score: number, subject: string, timeout = 10_000) {
  await panel.waitForFunction(
    ({ score, subject }) =>
      document.querySelector('[data-testid="gauge"]')?.getAttribute('data-score') === String(score) &&
      document.querySelector('.panel-header .subject')?.textContent?.trim() === subject,
    { score, subject },
    { timeout, polling: 20 },
  );
  return panel.evaluate(() => {
    const g = document.querySelector('[data-testid="gauge"]')!;
    return {
      level: g.getAttribute('data-level'),
      score: g.getAttribute('data-score'),
      evidence: [...document.querySelectorAll('[data-testid="evidence-item"]')].map((e) => e.getAttribute('data-signal')),
      alert: document.querySelector('[data-testid="frustrated-alert"]') !== null,
      suggestions: document.querySelectorAll('[data-testid="suggestion"]').length,
    };
  });
}

describe('what the panel shows', () => {
  const cases = [
    { what: 'a frustrated Gmail thread', site: 'gmail' as const, fixture: 'thread', frustrated: true },
    { what: 'a calm Gmail thread', site: 'gmail' as const, fixture: 'thread-calm', frustrated: false },
    { what: 'a frustrated Zendesk ticket', site: 'zendesk' as const, fixture: 'ticket', frustrated: true },
  ];
  test.each(cases)('$what: the level and score the CLI gives, with its evidence', async ({ site, fixture, frustrated }) => {
    const host = await h.openHost(fixtureUrl(site, fixture));
    const want = await expectation(host, site);
    await waitForBadge(host, want.conversation);
    const panel = await h.openPanel(host);
    const shown = await waitForGauge(panel, want.cli.score, want.subject);

    expect(want.cli.frustrated, `the fixture's message should score as ${frustrated ? 'frustrated' : 'calm'}`).toBe(frustrated);
    expect(shown.level).toBe(want.cli.level);
    expect(shown.alert).toBe(frustrated);
    if (!frustrated) expect(shown.level).toBe('calm');
    // The panel lists the CLI's signals in its order (the first few; the rest fold behind "Show all").
    const cliSignals = want.cli.signals.map((s) => s.id);
    expect(shown.evidence.length > 0).toBe(cliSignals.length > 0);
    expect(shown.evidence).toEqual(cliSignals.slice(0, shown.evidence.length));
    if (frustrated) expect(shown.evidence.length).toBeGreaterThan(0);
    if (frustrated) expect(shown.suggestions).toBeGreaterThan(0);
    await panel.close();
    await host.close();
  });

  test('a page with no conversation: the panel says so', async () => {
    const host = await h.openHost(fixtureUrl('gmail', 'inbox'));
    const panel = await h.openPanel(host);
    await panel.waitForSelector('[data-testid="state-message"][data-state="no-conversation"]', { timeout: 10_000 });
    expect(await panel.locator('[data-testid="gauge"]').count()).toBe(0);
    await panel.close();
    await host.close();
  });
});

describe.each([
  { site: 'gmail' as const, fixture: 'thread', box: 'div.M9 [g_editable="true"]' },
  { site: 'zendesk' as const, fixture: 'ticket', box: '[data-ticket-id]:not([hidden]) [data-test-id="omnicomposer-rich-text-ckeditor"]' },
])('Insert on $site', ({ site, fixture, box }) => {
  test('puts the suggestion into the reply box, and the page hears an input event', async () => {
    const host = await h.openHost(fixtureUrl(site, fixture));
    const want = await expectation(host, site);
    await waitForBadge(host, want.conversation);
    await host.evaluate((box) => {
      const w = window as unknown as { __inputs: { inputType: string; trusted: boolean; inBox: boolean }[] };
      w.__inputs = [];
      document.addEventListener(
        'input',
        (e) => {
          const target = document.querySelector(box);
          w.__inputs.push({ inputType: (e as InputEvent).inputType, trusted: e.isTrusted, inBox: !!target && target.contains(e.target as Node) });
        },
        true,
      );
    }, box);
    const panel = await h.openPanel(host);
    await waitForGauge(panel, want.cli.score, want.subject);

    const first = panel.locator('[data-testid="suggestion"]').first();
    const text = (await first.locator('.suggestion-text').innerText()).trim();
    await first.locator('[data-testid="suggestion-insert"]').click();

    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    await expect
      .poll(async () => squash(await host.locator(box).innerText()), { timeout: 5_000 })
      .toContain(squash(text));
    const inputs = await host.evaluate(() => (window as unknown as { __inputs: { inputType: string; trusted: boolean; inBox: boolean }[] }).__inputs);
    console.log(`[insert] ${site}: input events in the page: ${JSON.stringify(inputs)}`);
    expect(inputs.some((e) => e.inBox)).toBe(true);
    await panel.close();
    await host.close();
  });

  test('Use rewrite replaces the flagged words in the reply box, keeping the rest of the draft', async () => {
    const host = await h.openHost(fixtureUrl(site, fixture));
    const want = await expectation(host, site);
    await waitForBadge(host, want.conversation);
    const panel = await h.openPanel(host);
    await waitForGauge(panel, want.cli.score, want.subject);

    await host.locator(box).click();
    await host.keyboard.type('Calm down. We are looking into it.');
    const finding = panel.locator('[data-testid="finding"][data-rule="dismissive"]');
    await finding.waitFor({ timeout: 5_000 });
    const rewrite = (await finding.locator('.finding-rewrite').innerText()).replace(/^\s*Try:\s*/, '').trim();
    await finding.getByRole('button', { name: 'Use rewrite' }).click();

    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    await expect.poll(async () => squash(await host.locator(box).innerText()), { timeout: 5_000 }).toContain(squash(rewrite));
    const after = squash(await host.locator(box).innerText());
    expect(after).not.toMatch(/calm down/i);
    expect(after).toContain('We are looking into it.');
    await expect.poll(async () => await panel.getByTestId('coach-status').innerText()).toContain('Rewrite applied to your draft.');
    await panel.close();
    await host.close();
  });
});

describe('a customer still waiting for an answer', () => {
  test.each([
    { site: 'gmail' as const, fixture: 'thread' },
    { site: 'zendesk' as const, fixture: 'ticket' },
  ])('$site: the header says how long, and a reminder says to reply now', async ({ site, fixture }) => {
    // the page's dates moved so its newest message is 5 hours old (the customer's latest is older)
    const host = await h.openHost(withFreshDates(fixtureUrl(site, fixture), 5));
    const want = await expectation(host, site);
    await waitForBadge(host, want.conversation);
    const panel = await h.openPanel(host);
    await waitForGauge(panel, want.cli.score, want.subject);
    const waiting = (await panel.getByTestId('waiting').innerText()).trim();
    const hours = /Waiting (\d+) hours for an answer/.exec(waiting)?.[1];
    expect(Number(hours)).toBeGreaterThanOrEqual(5);
    // beside "escalate before they have to ask" (this is the customer's third message)
    const reminder = panel.locator('[data-testid="reminder"][data-reminder="reply-fast"]');
    expect(await reminder.innerText()).toContain(`They have waited ${hours} hours`);
    await panel.close();
    await host.close();
  });

  test('without fresh dates (a thread from 2025), no wait is shown', async () => {
    const host = await h.openHost(fixtureUrl('gmail', 'thread'));
    const want = await expectation(host, 'gmail');
    await waitForBadge(host, want.conversation);
    const panel = await h.openPanel(host);
    await waitForGauge(panel, want.cli.score, want.subject);
    expect(await panel.getByTestId('waiting').count()).toBe(0);
    expect(await panel.locator('[data-reminder="reply-fast"]').count()).toBe(0);
    await panel.close();
    await host.close();
  });
});

describe('switching conversation in the page', () => {
  /**
   * Clicks the page's switch control and times, inside the browser, from the click to (a) the badge
   * showing the new conversation and (b) the panel's gauge showing its score under its subject.
   * Both pages stamp `performance.timeOrigin + performance.now()` (wall-clock ms, comparable across tabs).
   */
  async function timedSwitch(host: Page, panel: Page, selector: string, site: Site) {
    const before = await expectedConversation(host, site);
    await host.evaluate((selector) => {
      const w = window as unknown as { __clickAt?: number };
      delete w.__clickAt;
      document.querySelector(selector)!.addEventListener('click', () => (w.__clickAt = performance.timeOrigin + performance.now()), {
        capture: true,
        once: true,
      });
    }, selector);
    await host.click(selector);
    const want = await expectation(host, site);
    expect(want.conversation).not.toBe(before.conversation);
    const badge = await waitForBadge(host, want.conversation);
    const shown = await waitForGauge(panel, want.cli.score, want.subject);
    const clickAt = await host.evaluate(() => (window as unknown as { __clickAt: number }).__clickAt);
    return { want, badge, shown, clickAt };
  }

  /** Installs observers that stamp the first moment the badge / gauge match, then returns readers. */
  async function armStamps(host: Page, panel: Page) {
    await host.evaluate(() => {
      const w = window as unknown as { __badgeSeen?: Record<string, number>; __badgeObs?: MutationObserver };
      w.__badgeSeen = {};
      w.__badgeObs?.disconnect();
      w.__badgeObs = new MutationObserver(() => {
        const b = document.querySelector('defuse-badge');
        const key = b?.getAttribute('data-level') ? `${b.getAttribute('data-conversation')}|${b.getAttribute('data-score')}` : null;
        if (key && !(key in w.__badgeSeen!)) w.__badgeSeen![key] = performance.timeOrigin + performance.now();
      });
      w.__badgeObs.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-conversation', 'data-score', 'data-level'] });
    });
    await panel.evaluate(() => {
      const w = window as unknown as { __gaugeSeen?: Record<string, number>; __gaugeObs?: MutationObserver };
      w.__gaugeSeen = {};
      w.__gaugeObs?.disconnect();
      w.__gaugeObs = new MutationObserver(() => {
        const score = document.querySelector('[data-testid="gauge"]')?.getAttribute('data-score');
        const subject = document.querySelector('.panel-header .subject')?.textContent?.trim();
        const key = score != null && subject ? `${subject}|${score}` : null;
        if (key && !(key in w.__gaugeSeen!)) w.__gaugeSeen![key] = performance.timeOrigin + performance.now();
      });
      w.__gaugeObs.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    });
    return {
      badgeAt: (conversation: string, score: number) =>
        host.evaluate((k) => (window as unknown as { __badgeSeen: Record<string, number> }).__badgeSeen[k], `${conversation}|${score}`),
      gaugeAt: (subject: string, score: number) =>
        panel.evaluate((k) => (window as unknown as { __gaugeSeen: Record<string, number> }).__gaugeSeen[k], `${subject}|${score}`),
    };
  }

  const latencies: { site: string; to: string; badgeMs: number; panelMs: number }[] = [];
  afterAll(() => {
    if (!latencies.length) return;
    const panel = latencies.map((l) => l.panelMs).sort((a, b) => a - b);
    const median = panel[Math.floor(panel.length / 2)]!;
    console.log(
      `[switch latency] click → panel gauge shows the new conversation (goal < 300 ms):\n` +
        latencies.map((l) => `  ${l.site} → ${l.to}: badge ${l.badgeMs.toFixed(0)} ms, panel ${l.panelMs.toFixed(0)} ms`).join('\n') +
        `\n  median panel ${median.toFixed(0)} ms, max ${panel[panel.length - 1]!.toFixed(0)} ms over ${panel.length} switches`,
    );
  });

  test.each([
    { site: 'gmail' as const, fixture: 'thread', selector: '#switch-thread', rounds: 2 },
    { site: 'zendesk' as const, fixture: 'ticket', selector: '[data-demo-switch="118"]', back: '[data-demo-switch="123"]', rounds: 2 },
  ])('$site: the badge and the panel follow the switch', async ({ site, fixture, selector, back, rounds }) => {
    const host = await h.openHost(fixtureUrl(site, fixture));
    const first = await expectation(host, site);
    await waitForBadge(host, first.conversation);
    const panel = await h.openPanel(host);
    await waitForGauge(panel, first.cli.score, first.subject);
    await host.waitForTimeout(300); // let the page settle, as a rep's would

    for (let i = 0; i < rounds * 2; i++) {
      const stamps = await armStamps(host, panel);
      const control = i % 2 === 1 && back ? back : selector;
      const { want, badge, shown, clickAt } = await timedSwitch(host, panel, control, site);
      expect(badge).toEqual({
        conversation: want.conversation,
        customerMessages: String(want.customerMessages),
        level: want.cli.level,
        score: String(want.cli.score),
      });
      expect(shown.level).toBe(want.cli.level);
      expect(await host.locator('defuse-badge').count()).toBe(1);
      const badgeAt = await stamps.badgeAt(want.conversation, want.cli.score);
      const gaugeAt = await stamps.gaugeAt(want.subject, want.cli.score);
      expect(badgeAt && gaugeAt, 'the stamps saw the badge and the gauge change').toBeTruthy();
      latencies.push({ site, to: `${want.conversation} (${want.cli.level})`, badgeMs: badgeAt! - clickAt, panelMs: gaugeAt! - clickAt });
      await host.waitForTimeout(300);
    }
    await panel.close();
    await host.close();
  });
});
