// Node only (browser tests and the demo). Starts Debian's Chromium through playwright-core with the
// built extension loaded and the two sites' hosts sent to the local fixture server
// (../shared/toolchain.md, "Browser tests that work here").
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { REPO_ROOT } from './fixture-server';

export const EXTENSION_DIR = join(REPO_ROOT, '.output/chrome-mv3');

/** CHROMIUM_PATH overrides; else Debian's /usr/bin/chromium. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || '/usr/bin/chromium';
}

/**
 * Flags that keep Chromium off the network on its own account: this machine's network is closed and
 * every background connection would otherwise be refused noisily (or counted as the extension's).
 */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--no-pings',
  '--dns-prefetch-disable',
];

/** The little of chrome.tabs used from inside the service worker (no @types/chrome here). */
interface ChromeTabsApi {
  chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  profileDir: string;
  /** `chrome-extension://ID/sidepanel.html?tabId=N` for a host page. */
  sidePanelUrl(tabId: number): string;
  /** The host page's tab id as the extension sees it (chrome.tabs), matched by URL. */
  tabIdOf(page: Page): Promise<number>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  hostResolverRules: string;
  headless?: boolean;
  extensionDir?: string;
  /** Page viewport; null lets the window size decide (headed). 1280×900 by default. */
  viewport?: { width: number; height: number } | null;
  /** More Chromium flags (e.g. --window-size). */
  args?: string[];
}

export async function launchWithExtension(options: LaunchOptions): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`no built extension at ${extensionDir}: run \`npm run build\` first`);
  }
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(`no Chromium at ${executablePath}: run \`bash scripts/ensure-chromium.sh\``);
  }
  const profileDir = mkdtempSync(join(tmpdir(), 'defuse-profile-'));
  const headless = options.headless ?? true;
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless,
      viewport: options.viewport === undefined ? { width: 1280, height: 900 } : options.viewport,
      // Playwright's own defaults include --disable-extensions, which would fight --load-extension.
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        ...QUIET_FLAGS,
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        `--host-resolver-rules=${options.hostResolverRules}`,
        '--ignore-certificate-errors',
        ...(options.args ?? []),
      ],
    });
  } catch (e) {
    rmSync(profileDir, { recursive: true, force: true });
    throw e;
  }
  // The extension id is the host of its service worker's URL.
  const serviceWorker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;

  return {
    context,
    extensionId,
    serviceWorker,
    profileDir,
    sidePanelUrl: (tabId) => `chrome-extension://${extensionId}/sidepanel.html?tabId=${tabId}`,
    async tabIdOf(page) {
      const url = page.url();
      const worker = context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${extensionId}/`)) ?? serviceWorker;
      const id = await worker.evaluate(async (u: string) => {
        // Runs in the service worker, where `chrome` is the extension API.
        const tabs = (globalThis as unknown as ChromeTabsApi).chrome.tabs;
        const all = await tabs.query({});
        // Tab ids only grow: with two tabs on the same URL, the newest is the one just opened.
        const ids = all.filter((t) => t.url === u && t.id !== undefined).map((t) => t.id!);
        return ids.length ? Math.max(...ids) : null;
      }, url);
      if (id == null) throw new Error(`no tab with URL ${url}`);
      return id;
    },
    async close() {
      await context.close().catch(() => {});
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
