// Once per run, before the browser tests: read every conversation the fixture pages can show (each
// page, and each view its switch controls lead to) in a plain Chromium without the extension, and
// score all their latest customer messages with ONE call of the CLI. Each CLI start costs seconds
// (tsx + the NLP libraries), so the tests look their expectations up instead of starting it again.
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { chromiumPath, QUIET_FLAGS } from '../../lib/devserver/chromium';
import { listFixtures, startFixtureServer } from '../../lib/devserver/fixture-server';
import { fixtureUrl, SWITCH_SELECTOR } from '../../lib/devserver/pages';
import { expectedConversation, messageText, runCliScore, type CliScore, type Site } from './fixture-facts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** CLI score results keyed by message text. */
    cliScores: Record<string, CliScore>;
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const started = performance.now();
  const server = await startFixtureServer({ port: 0 });
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...QUIET_FLAGS, `--host-resolver-rules=${server.hostResolverRules}`, '--ignore-certificate-errors'],
  });
  const texts = new Set<string>();
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const collect = async (site: Site) => {
      try {
        texts.add(await messageText(context, (await expectedConversation(page, site)).bodyHtml));
      } catch {
        /* a view with no conversation (the inbox) */
      }
    };
    for (const site of ['gmail', 'zendesk'] as const) {
      for (const name of listFixtures(site)) {
        await page.goto(fixtureUrl(site, name));
        await collect(site);
        // Each view the page's switch controls lead to (a DOM click: no need to wait for actionability here).
        const switches = await page.locator(SWITCH_SELECTOR).count();
        for (let i = 0; i < switches; i++) {
          await page.evaluate(({ sel, i }) => (document.querySelectorAll(sel)[i] as HTMLElement).click(), { sel: SWITCH_SELECTOR, i });
          await collect(site);
        }
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const read = performance.now();
  const list = [...texts];
  const results = list.length ? await runCliScore(Object.fromEntries(list.map((t, i) => [String(i), t]))) : {};
  const byText: Record<string, CliScore> = {};
  list.forEach((t, i) => {
    const r = results[String(i)];
    if (r && !r.error) byText[t] = r;
  });
  project.provide('cliScores', byText);
  const failed = list.length - Object.keys(byText).length;
  console.log(
    `[e2e setup] ${list.length} fixture messages read in ${Math.round(read - started)} ms, scored by one CLI run in ${Math.round(performance.now() - read)} ms` +
      (failed ? ` (${failed} failed: ${Object.values(results).find((r) => r.error)?.error})` : ''),
  );
}
