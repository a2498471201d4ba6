// Node only. Where the fixture pages live once served (see fixture-server.ts), for the demo and the
// browser tests: the URL a rep would have open for each fixture, and facts read from the fixture file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultFixture, FIXTURES_DIR, listFixtures, type FixtureSite } from './fixture-server';

/** The fixtures' control that switches thread / ticket without a reload. */
export const SWITCH_SELECTOR = '#switch-thread, #switch-ticket, [data-demo-switch]';

/** Zendesk subdomain used for the fixture pages (any *.zendesk.com works). */
export const ZENDESK_HOST = 'acme.zendesk.com';

export interface DemoPage {
  site: FixtureSite;
  fixture: string;
  label: string;
  url: string;
}

/** The ticket id a Zendesk fixture is about: its selected tab / conversation anchor, else the first ticket link. */
export function zendeskTicketId(html: string): string | null {
  const patterns = [
    /data-side-conversations-anchor-id="(\d+)"/,
    /data-ticket-id="(\d+)"/,
    /\/agent\/tickets\/(\d+)/,
  ];
  for (const p of patterns) {
    const m = p.exec(html);
    if (m) return m[1]!;
  }
  return null;
}

export function fixtureHtml(site: FixtureSite, name: string, root = FIXTURES_DIR): string {
  return readFileSync(join(root, site, `${name}.html`), 'utf8');
}

/** The URL a fixture's header comment says it is served at ("Served by tests at https://…"), if any. */
export function declaredUrl(html: string): URL | null {
  const m = /Served by tests at (https:\/\/[^\s]+?)\.?(?:\s|$)/.exec(html);
  try {
    return m ? new URL(m[1]!) : null;
  } catch {
    return null;
  }
}

/**
 * URL serving a given fixture as its site would show it: the URL its comment declares (with
 * `?fixture=NAME` added when it is not the site's default page), else a URL built from its content.
 */
export function fixtureUrl(site: FixtureSite, name: string, root = FIXTURES_DIR): string {
  const html = fixtureHtml(site, name, root);
  const isDefault = defaultFixture(site, root) === name;
  const url =
    declaredUrl(html) ??
    new URL(site === 'gmail' ? 'https://mail.google.com/mail/u/0/' : `https://${ZENDESK_HOST}/agent/tickets/${zendeskTicketId(html) ?? '1'}`);
  if (!isDefault && !url.searchParams.has('fixture')) url.searchParams.set('fixture', name);
  return url.href;
}

/** `url` asking the fixture server to move the page's dates so its newest is `hours` ago (`?fresh=`). */
export function withFreshDates(url: string, hours: number): string {
  const u = new URL(url);
  u.searchParams.set('fresh', String(hours));
  return u.href;
}

/** How long ago the demo's newest message was written: the customer is still waiting for an answer. */
export const DEMO_FRESH_HOURS = 5;

/** The demo's pages: each site's conversation fixture (thread / ticket view), dated as if recent. */
export function demoPages(root = FIXTURES_DIR): DemoPage[] {
  const out: DemoPage[] = [];
  for (const site of ['gmail', 'zendesk'] as const) {
    const name = defaultFixture(site, root);
    if (!name || !listFixtures(site, root).includes(name)) continue;
    const url = withFreshDates(fixtureUrl(site, name, root), DEMO_FRESH_HOURS);
    out.push({ site, fixture: name, label: `${site === 'gmail' ? 'Gmail' : 'Zendesk'} (${name})`, url });
  }
  return out;
}
