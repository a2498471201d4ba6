// Facts about the fixture pages read independently of Defuse's own code, by the anchors in
// ../shared/sites.md, and the CLI's scores for their messages: what the browser tests expect.
// No Vitest import here: global-setup.ts uses it from the main process.
import { spawn } from 'node:child_process';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT } from '../../lib/devserver/fixture-server';

export type Site = 'gmail' | 'zendesk';

export interface CliScore {
  id: string;
  score: number;
  level: string;
  frustrated: boolean;
  signals: { id: string; label: string; text: string }[];
  error?: string;
}

/** One run of `npm run -s cli -- score -` over the texts (id → text); results by id. */
export function runCliScore(texts: Record<string, string>): Promise<Record<string, CliScore>> {
  const input = Object.entries(texts)
    .map(([id, text]) => JSON.stringify({ id, text }))
    .join('\n');
  return new Promise((ok, fail) => {
    const child = spawn('npm', ['run', '-s', 'cli', '--', 'score', '-'], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', fail);
    child.on('close', (code) => {
      const results: Record<string, CliScore> = {};
      for (const line of out.split('\n')) {
        if (!line.trim()) continue;
        try {
          const r = JSON.parse(line) as CliScore;
          results[String(r.id)] = r;
        } catch {
          /* not a result line */
        }
      }
      if (Object.keys(results).length === 0) fail(new Error(`cli score gave nothing (exit ${code}): ${err || out}`));
      else ok(results);
    });
    child.stdin.end(input + '\n');
  });
}

/**
 * What the open conversation should be, read from the fixture page independently of Defuse's site
 * adapters, by the anchors in ../shared/sites.md: its id, how many customer messages are in the page,
 * and the HTML of the latest customer message's body (quoted history removed later, in `messageText`).
 */
export interface ExpectedConversation {
  conversation: string;
  customerMessages: number;
  subject: string;
  bodyHtml: string;
}

export async function expectedConversation(page: Page, site: Site): Promise<ExpectedConversation> {
  const found = await page.evaluate((site) => {
    if (site === 'gmail') {
      // Signed-in account: the account button's label ends with "(me@example.com)"; else the title.
      const label = document.querySelector('a[aria-label^="Google Account:"]')?.getAttribute('aria-label') ?? '';
      const me = (/\(([^()\s]+@[^()\s]+)\)\s*$/.exec(label)?.[1] ?? / - (\S+@\S+) - Gmail$/.exec(document.title)?.[1] ?? '').toLowerCase();
      // The open thread's subject: Gmail keeps hidden views in the page, so only a rendered one counts.
      const subject = [...document.querySelectorAll('h2.hP')].find((el) => (el as HTMLElement).getClientRects().length > 0);
      if (!subject) return null;
      const thread = subject.closest('[role="main"]') ?? document.body;
      const messages = [...thread.querySelectorAll('[data-message-id]')];
      const fromCustomer = messages.filter((m) => {
        const email = m.querySelector('span.gD[email]')?.getAttribute('email')?.toLowerCase();
        return !!email && email !== me;
      });
      const latest = fromCustomer[fromCustomer.length - 1];
      return {
        conversation: subject.getAttribute('data-thread-perm-id') ?? thread.querySelector('[data-thread-perm-id]')?.getAttribute('data-thread-perm-id') ?? '',
        customerMessages: fromCustomer.length,
        subject: subject.textContent?.trim() ?? '',
        bodyHtml: latest?.querySelector('div.a3s')?.innerHTML ?? '',
      };
    }
    const id = /\/agent\/tickets\/(\d+)/.exec(location.pathname)?.[1] ?? '';
    const pane = document.querySelector(`[data-ticket-id="${id}"]`) ?? document.querySelector(`[data-side-conversations-anchor-id="${id}"]`);
    if (!pane) return null;
    const customer = [...pane.querySelectorAll('[data-test-id="omni-log-item-message"][type="end-user"]')];
    const latest = customer[customer.length - 1];
    return {
      conversation: id,
      customerMessages: customer.length,
      subject: (pane.querySelector('input[data-test-id="omni-header-subject"]') as HTMLInputElement | null)?.value ?? '',
      bodyHtml: latest?.querySelector('[data-test-id="omni-log-message-content"]')?.innerHTML ?? '',
    };
  }, site);
  if (!found || !found.bodyHtml) throw new Error(`the ${site} fixture at ${page.url()} shows no customer message`);
  return found;
}

/** One blank page per browser context for rendering message bodies (no host site, no content script). */
const scratchPages = new WeakMap<BrowserContext, Promise<Page>>();

function scratchPage(context: BrowserContext): Promise<Page> {
  let page = scratchPages.get(context);
  if (!page) {
    page = context.newPage().then(async (p) => {
      await p.setContent('<!doctype html><body><div id="m"></div></body>');
      return p;
    });
    scratchPages.set(context, page);
  }
  return page;
}

/**
 * The text of a message body as a reader sees it (the browser's innerText), quoted history
 * (`blockquote`, `.gmail_quote`) left out: rendered in a blank scratch page so the host page is not
 * touched and its styles do not apply.
 */
export async function messageText(context: BrowserContext, bodyHtml: string): Promise<string> {
  const scratch = await scratchPage(context);
  return scratch.evaluate((html) => {
    const m = document.getElementById('m')!;
    m.innerHTML = html;
    m.querySelectorAll('blockquote, .gmail_quote').forEach((q) => q.remove());
    const text = m.innerText.trim();
    m.textContent = '';
    return text;
  }, bodyHtml);
}
