// Shared set-up for the browser tests: one fixture server (random port) and one Chromium with the
// built extension per test file, plus a recorder of every request the browser makes.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { inject } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../lib/devserver/chromium';
import { startFixtureServer, type FixtureServer } from '../../lib/devserver/fixture-server';
import { runCliScore, type CliScore } from './fixture-facts';

export { expectedConversation, messageText, runCliScore, type CliScore, type ExpectedConversation, type Site } from './fixture-facts';

/** One request seen by the browser (context events) or by CDP on a host page. */
export interface SeenRequest {
  url: string;
  /** Who made it: the extension's service worker, an extension page, a host page (or a content script in it). */
  from: 'service-worker' | 'extension-page' | 'host-page' | 'other';
  /** The page or worker URL it came from. */
  origin: string;
  /** Script URLs on the initiator stack (CDP, host pages only): a content script shows as chrome-extension://… */
  initiatorScripts?: string[];
}

export interface Harness {
  server: FixtureServer;
  browser: ExtensionBrowser;
  context: BrowserContext;
  extensionId: string;
  requests: SeenRequest[];
  /** Opens a host page in a new tab (the first call reuses the blank start tab). */
  openHost(url: string): Promise<Page>;
  /** Opens the side panel as a normal tab, for the given host page's tab. */
  openPanel(host: Page): Promise<Page>;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const server = await startFixtureServer({ port: 0 });
  let browser: ExtensionBrowser;
  try {
    browser = await launchWithExtension({ hostResolverRules: server.hostResolverRules });
  } catch (e) {
    await server.stop();
    throw e;
  }
  const { context, extensionId } = browser;
  const requests: SeenRequest[] = [];

  context.on('request', (r) => {
    const worker = r.serviceWorker();
    if (worker) {
      requests.push({ url: r.url(), from: 'service-worker', origin: worker.url() });
      return;
    }
    let origin = '';
    try {
      origin = r.frame().url();
    } catch {
      /* no frame (e.g. a worker): leave it blank */
    }
    // A navigation's frame URL can still be the previous document: judge by the request for those.
    const pageUrl = r.isNavigationRequest() ? r.url() : origin;
    const from = pageUrl.startsWith('chrome-extension://') ? 'extension-page' : /^https:\/\//.test(pageUrl) ? 'host-page' : 'other';
    // Host pages get CDP recording with initiators; keep the context's view of extension pages here.
    if (from !== 'host-page') requests.push({ url: r.url(), from, origin });
  });

  const cdpSessions: CDPSession[] = [];
  /** Host pages: CDP Network gives each request's initiator stack, which names a content script. */
  async function recordHost(page: Page): Promise<void> {
    const cdp = await context.newCDPSession(page);
    cdpSessions.push(cdp);
    cdp.on('Network.requestWillBeSent', (e) => {
      const scripts = new Set<string>();
      const collect = (stack?: { callFrames: { url: string }[]; parent?: unknown }) => {
        for (let s = stack; s; s = s.parent as typeof s) for (const f of s.callFrames) if (f.url) scripts.add(f.url);
      };
      collect(e.initiator.stack as Parameters<typeof collect>[0]);
      if (e.initiator.url) scripts.add(e.initiator.url);
      requests.push({ url: e.request.url, from: 'host-page', origin: e.documentURL, initiatorScripts: [...scripts] });
    });
    await cdp.send('Network.enable');
  }

  let blank: Page | undefined = context.pages().find((p) => p.url() === 'about:blank');
  return {
    server,
    browser,
    context,
    extensionId,
    requests,
    async openHost(url) {
      const page = blank ?? (await context.newPage());
      blank = undefined;
      await recordHost(page);
      await page.goto(url);
      return page;
    },
    async openPanel(host) {
      const tabId = await browser.tabIdOf(host);
      const panel = await context.newPage();
      await panel.setViewportSize({ width: 420, height: 900 });
      await panel.goto(browser.sidePanelUrl(tabId));
      return panel;
    },
    async close() {
      await browser.close();
      await server.stop();
    },
  };
}

/** The attributes of every `<defuse-badge>` in the page (contract 5 in ../shared/design.md). */
export interface BadgeState {
  conversation: string | null;
  level: string | null;
  score: string | null;
  customerMessages: string | null;
}

export function readBadges(page: Page): Promise<BadgeState[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('defuse-badge')].map((b) => ({
      conversation: b.getAttribute('data-conversation'),
      level: b.getAttribute('data-level'),
      score: b.getAttribute('data-score'),
      customerMessages: b.getAttribute('data-customer-messages'),
    })),
  );
}

/** Waits until the page holds exactly one analysed badge (level and score set), optionally for a given conversation. */
export async function waitForBadge(page: Page, conversation?: string, timeout = 10_000): Promise<BadgeState> {
  await page.waitForFunction(
    (conv) => {
      const all = document.querySelectorAll('defuse-badge');
      const b = all[0];
      return (
        all.length === 1 &&
        !!b &&
        !!b.getAttribute('data-level') &&
        b.getAttribute('data-score') !== null &&
        (conv == null || b.getAttribute('data-conversation') === conv)
      );
    },
    conversation ?? null,
    { timeout, polling: 20 },
  );
  return (await readBadges(page))[0]!;
}

/** CLI results by text; seeded with what global-setup.ts scored for every fixture conversation. */
const cliCache = new Map<string, CliScore>();
try {
  for (const [text, score] of Object.entries(inject('cliScores') ?? {})) cliCache.set(text, score);
} catch {
  /* not under Vitest, or no global setup: score on demand */
}

/**
 * Scores texts with the project's CLI (`npm run -s cli -- score -`), the contract the badge must
 * agree with. Results are cached by text: the CLI is a pure function of it.
 */
export async function cliScore(texts: Record<string, string>): Promise<Record<string, CliScore>> {
  const todo = Object.fromEntries(Object.entries(texts).filter(([, text]) => !cliCache.has(text)));
  const fresh = Object.keys(todo).length ? await runCliScore(todo) : {};
  for (const [id, text] of Object.entries(todo)) if (fresh[id] && !fresh[id]!.error) cliCache.set(text, fresh[id]!);
  return Object.fromEntries(
    Object.entries(texts).map(([id, text]) => {
      const known = cliCache.get(text);
      return [id, known ? { ...known, id } : (fresh[id] ?? ({ id, error: 'no result from the CLI' } as CliScore))];
    }),
  );
}

/** Requests that broke the "no network" promise: anything but the extension itself and the fixture pages' own loads. */
export function forbiddenRequests(h: Harness): SeenRequest[] {
  const own = `chrome-extension://${h.extensionId}/`;
  const local = (url: string) => url.startsWith(own) || url.startsWith('data:') || url.startsWith('blob:');
  const fixtureHost = (url: string) => {
    try {
      const host = new URL(url).hostname;
      return host === 'mail.google.com' || host.endsWith('.zendesk.com');
    } catch {
      return false;
    }
  };
  return h.requests.filter((r) => {
    if (local(r.url)) return false;
    if (r.from === 'host-page') {
      // The page's own loads are fine; a request a content script started (initiator = the extension) is not.
      const byExtension = (r.initiatorScripts ?? []).some((s) => s.startsWith('chrome-extension://'));
      return byExtension || !fixtureHost(r.url);
    }
    return true; // service worker, extension pages, anything else: only chrome-extension:// is allowed
  });
}

/** Milliseconds since `t0` (performance clock of this process). */
export const since = (t0: number) => Math.round((performance.now() - t0) * 10) / 10;

/** How many JavaScript worlds of this extension exist in the page (a content script's isolated world). */
export async function contentScriptWorlds(page: Page, extensionId: string): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  const origins: string[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => origins.push(e.context.origin));
  try {
    await cdp.send('Runtime.enable'); // reports every existing context first
    await cdp.send('Runtime.disable');
  } finally {
    await cdp.detach().catch(() => {});
  }
  return origins.filter((o) => o.startsWith(`chrome-extension://${extensionId}`)).length;
}

export interface IdleReport {
  /** Mutation records in the page (document and the badge's shadow root), as `type target` strings. */
  mutations: string[];
  /** CPU profiler samples (100 µs) with one of the extension's content scripts on the stack. */
  contentScriptSamples: number;
  samples: number;
  /** Growth of Chromium's page metrics over the window. */
  scriptMs: number;
  layouts: number;
  styleRecalcs: number;
}

/**
 * Watches a page from outside for `ms`: a MutationObserver in the page's own world (document and the
 * badge's open shadow root), the V8 CPU profiler (which sees content-script frames by their
 * chrome-extension:// URL) and Chromium's Performance metrics. `during` runs after the probes start.
 */
export async function idleProbe(page: Page, extensionId: string, ms: number, during?: () => Promise<unknown>): Promise<IdleReport> {
  const cdp = await page.context().newCDPSession(page);
  const metric = (list: { name: string; value: number }[], name: string) => list.find((m) => m.name === name)?.value ?? 0;
  try {
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await page.evaluate(() => {
      const w = window as unknown as { __defuseProbe?: { records: string[]; observer: MutationObserver } };
      w.__defuseProbe?.observer.disconnect();
      const records: string[] = [];
      const observer = new MutationObserver((list) => {
        for (const r of list) records.push(`${r.type} ${(r.target as Element).nodeName ?? ''}${r.attributeName ? '@' + r.attributeName : ''}`);
      });
      const options = { subtree: true, childList: true, attributes: true, characterData: true };
      observer.observe(document, options);
      const shadow = document.querySelector('defuse-badge')?.shadowRoot;
      if (shadow) observer.observe(shadow, options);
      w.__defuseProbe = { records, observer };
    });
    const before = (await cdp.send('Performance.getMetrics')).metrics;
    await cdp.send('Profiler.start');
    await during?.();
    await new Promise((r) => setTimeout(r, ms));
    const { profile } = await cdp.send('Profiler.stop');
    const after = (await cdp.send('Performance.getMetrics')).metrics;
    const mutations = await page.evaluate(() => {
      const w = window as unknown as { __defuseProbe: { records: string[]; observer: MutationObserver } };
      w.__defuseProbe.observer.disconnect();
      return w.__defuseProbe.records;
    });
    // A sample counts as ours when any frame on its stack is the extension's (a native leaf like
    // querySelectorAll called from the content script has no URL of its own).
    const ours = `chrome-extension://${extensionId}/`;
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const isOurs = (id: number): boolean => {
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        if (byId.get(at)?.callFrame.url.startsWith(ours)) return true;
      }
      return false;
    };
    const samples = profile.samples ?? [];
    return {
      mutations,
      contentScriptSamples: samples.filter(isOurs).length,
      samples: samples.length,
      scriptMs: (metric(after, 'ScriptDuration') - metric(before, 'ScriptDuration')) * 1000,
      layouts: metric(after, 'LayoutCount') - metric(before, 'LayoutCount'),
      styleRecalcs: metric(after, 'RecalcStyleCount') - metric(before, 'RecalcStyleCount'),
    };
  } finally {
    await cdp.detach().catch(() => {});
  }
}
