// The demo (run it through scripts/demo.sh, which installs and builds first).
// Serves the Gmail and Zendesk fixture pages over local HTTPS, starts Chromium with the built extension,
// opens each page with the side panel beside it (as a page: `sidepanel.html?tabId=N`).
//   - With a display ($DISPLAY): a visible browser that stays open until Ctrl-C.
//   - Without one: headless; writes screenshots (each page with its badge, the panel for a frustrated
//     and for a calm conversation) into demo-screenshots/, prints that folder, exits.
// Flags: --headless | --headed, --out DIR, --port N (fixture server; 8443 by default).
import { mkdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../lib/devserver/chromium';
import { REPO_ROOT, startFixtureServer, type FixtureServer } from '../lib/devserver/fixture-server';
import { demoPages, SWITCH_SELECTOR, type DemoPage } from '../lib/devserver/pages';

interface Options {
  headless: boolean;
  out: string;
  port: number;
}

function parseArgs(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const headless = argv.includes('--headless') ? true : argv.includes('--headed') ? false : !process.env.DISPLAY;
  return {
    headless,
    out: resolve(REPO_ROOT, value('--out') ?? 'demo-screenshots'),
    port: Number(value('--port') ?? 8443),
  };
}

async function startServer(port: number): Promise<FixtureServer> {
  try {
    return await startFixtureServer({ port });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    console.log(`port ${port} is taken; using a free one (Chromium is pointed at it either way)`);
    return startFixtureServer({ port: 0 });
  }
}

interface BadgeInfo {
  conversation: string;
  level: string;
  score: string;
  customerMessages: string;
}

async function waitForBadge(page: Page, notConversation?: string, timeout = 15_000): Promise<BadgeInfo | null> {
  try {
    await page.waitForFunction(
      (not) => {
        const b = document.querySelector('defuse-badge');
        return !!b && !!b.getAttribute('data-level') && b.getAttribute('data-conversation') !== not;
      },
      notConversation ?? null,
      { timeout, polling: 50 },
    );
  } catch {
    return null;
  }
  return page.evaluate(() => {
    const b = document.querySelector('defuse-badge')!;
    return {
      conversation: b.getAttribute('data-conversation') ?? '',
      level: b.getAttribute('data-level') ?? '',
      score: b.getAttribute('data-score') ?? '',
      customerMessages: b.getAttribute('data-customer-messages') ?? '',
    };
  });
}

/** Waits until the panel's gauge shows this score (or any analysis when score is undefined). */
async function waitForGauge(panel: Page, score?: string, timeout = 10_000): Promise<{ level: string; score: string } | null> {
  try {
    await panel.waitForFunction(
      (s) => {
        const g = document.querySelector('[data-testid="gauge"]');
        return !!g && (s == null || g.getAttribute('data-score') === s);
      },
      score ?? null,
      { timeout, polling: 50 },
    );
  } catch {
    return null;
  }
  return panel.evaluate(() => {
    const g = document.querySelector('[data-testid="gauge"]')!;
    return { level: g.getAttribute('data-level') ?? '', score: g.getAttribute('data-score') ?? '' };
  });
}

const safe = (s: string) => s.replace(/[^\w.-]+/g, '_').slice(0, 40);

/** Headless: screenshots of every conversation the demo pages offer (the first one, then each switch). */
async function captureAll(browser: ExtensionBrowser, pages: DemoPage[], out: string): Promise<number> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const shots: { file: string; what: string }[] = [];
  const levels = new Set<string>();
  let badges = 0;
  let first = true;
  for (const demo of pages) {
    const host = first ? (browser.context.pages()[0] ?? (await browser.context.newPage())) : await browser.context.newPage();
    first = false;
    await host.goto(demo.url);
    let badge = await waitForBadge(host);
    if (!badge) {
      console.log(`! ${demo.label}: no <defuse-badge> appeared within 15 s (is the content script built?)`);
      await host.screenshot({ path: join(out, `${demo.site}-${demo.fixture}-page-no-badge.png`) });
      shots.push({ file: `${demo.site}-${demo.fixture}-page-no-badge.png`, what: `${demo.label}, no badge` });
      continue;
    }
    const panel = await browser.context.newPage();
    await panel.setViewportSize({ width: 420, height: 1000 });
    await panel.goto(browser.sidePanelUrl(await browser.tabIdOf(host)));

    const seen = new Set<string>();
    const capture = async (badge: BadgeInfo) => {
      badges++;
      seen.add(badge.conversation);
      levels.add(badge.level);
      const gauge = await waitForGauge(panel, badge.score);
      const base = `${demo.site}-${safe(badge.conversation)}`;
      await host.locator('defuse-badge').scrollIntoViewIfNeeded().catch(() => {});
      await host.screenshot({ path: join(out, `${base}-page.png`) });
      await panel.screenshot({ path: join(out, `${base}-panel-${badge.level}.png`), fullPage: true });
      shots.push({ file: `${base}-page.png`, what: `${demo.label}: badge ${badge.level} ${badge.score} (conversation ${badge.conversation})` });
      shots.push({
        file: `${base}-panel-${badge.level}.png`,
        what: gauge ? `side panel: ${gauge.level} ${gauge.score}` : "side panel (the gauge did not show the badge's score within 10 s)",
      });
    };
    await capture(badge);
    // The other conversations of the same page, reached without a reload (the fixture's switch controls).
    const switches = await host.locator(SWITCH_SELECTOR).count();
    for (let i = 0; i < switches; i++) {
      const current = badge?.conversation;
      await host.locator(SWITCH_SELECTOR).nth(i).click();
      const next = await waitForBadge(host, current, 3_000);
      if (next && !seen.has(next.conversation)) await capture(next);
      if (next) badge = next;
    }
  }
  console.log(`Screenshots in ${relative(process.cwd(), out) || out}/`);
  for (const s of shots) console.log(`  ${s.file.padEnd(48)} ${s.what}`);
  const calm = levels.has('calm');
  const upset = levels.has('frustrated') || levels.has('angry');
  if (!calm || !upset) console.log(`note: levels seen: ${[...levels].join(', ') || 'none'} (wanted a calm and a frustrated conversation)`);
  return badges;
}

/** Headed: the host pages as tabs of one window, each one's panel in a narrow window to its right. */
async function openHeaded(browser: ExtensionBrowser, pages: DemoPage[]): Promise<void> {
  const PANEL_WIDTH = 440;
  let left = 1000; // the host window is 1000 px wide (--window-size)
  let offset = 0;
  let first: Page | undefined;
  for (const demo of pages) {
    const host = first ? await browser.context.newPage() : (browser.context.pages()[0] ?? (await browser.context.newPage()));
    first ??= host;
    await host.goto(demo.url);
    const url = browser.sidePanelUrl(await browser.tabIdOf(host));
    const screen = await host.evaluate(() => ({ width: window.screen.availWidth, height: window.screen.availHeight }));
    // Beside the host window when the screen has room, else over its right edge, a little lower each time.
    const x = Math.max(0, Math.min(left, screen.width - PANEL_WIDTH));
    const y = x < left ? 40 * offset : 0;
    await browser.serviceWorker.evaluate(
      async ({ url, left, top, width, height }) => {
        const windows = (globalThis as unknown as { chrome: { windows: ChromeWindows } }).chrome.windows;
        const win = await windows.create({ url, type: 'popup', focused: false });
        // Bounds given to create() are overridden while Playwright attaches to the new window; set them after.
        await windows.update(win.id, { left, top, width, height }).catch(() => undefined);
      },
      { url, left: x, top: y, width: PANEL_WIDTH, height: Math.min(900, screen.height - y) },
    );
    left += PANEL_WIDTH;
    offset++;
    console.log(`  ${demo.label}: ${demo.url}\n    its panel: ${url}`);
  }
  await first?.bringToFront();
  console.log("Switch thread / ticket with the page's buttons; the toolbar button opens the real side panel.");
  console.log('Ctrl-C to stop.');
}

interface ChromeWindows {
  create(options: object): Promise<{ id: number }>;
  update(id: number, options: object): Promise<unknown>;
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const pages = demoPages();
  if (pages.length === 0) {
    console.error('demo: no fixture pages in tests/fixtures/gmail or tests/fixtures/zendesk');
    return 1;
  }
  const server = await startServer(options.port);
  let browser: ExtensionBrowser | undefined;
  const shutdown = async () => {
    await browser?.close();
    await server.stop();
  };
  try {
    browser = await launchWithExtension({
      hostResolverRules: server.hostResolverRules,
      headless: options.headless,
      viewport: options.headless ? { width: 1280, height: 900 } : null,
      // --test-type hides the "unsupported command-line flag" bar (--host-resolver-rules) over the page.
      args: options.headless ? [] : ['--window-size=1000,900', '--window-position=0,0', '--test-type'],
    });
    console.log(`Defuse ${browser.extensionId} loaded; fixture pages served on https://127.0.0.1:${server.port}`);
    if (options.headless) {
      const badges = await captureAll(browser, pages, options.out);
      await shutdown();
      return badges > 0 ? 0 : 1;
    }
    await openHeaded(browser, pages);
    await new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
      browser!.context.once('close', () => done());
    });
    await shutdown();
    return 0;
  } catch (e) {
    await shutdown();
    throw e;
  }
}

main().then(
  (code) => process.exit(code),
  (e: Error) => {
    console.error(`demo: ${e.message}`);
    process.exit(1);
  },
);
