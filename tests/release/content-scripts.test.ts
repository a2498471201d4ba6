// Where the content scripts run: the two sites' working pages and nothing else (README, "Store review
// notes"). Host access stays https://*.zendesk.com/* (the manifest cannot name a path there), but the
// scripts themselves run only in Zendesk's agent workspace, never on its Help Center.
import { describe, expect, it } from 'vitest';
import gmail from '@/entrypoints/gmail.content/index';
import zendesk from '@/entrypoints/zendesk.content/index';
import bridge from '@/entrypoints/ckeditor-bridge.content';

const matchesUrl = (pattern: string, url: string) =>
  new RegExp('^' + pattern.replace(/[.?+^$()[\]{}|\\]/g, '\\$&').replace(/\*/g, '.*') + '$').test(url);
/** The script's match patterns; a per-browser map would be a different list per browser, which none uses. */
const patterns = (script: { matches?: unknown }): string[] => {
  expect(Array.isArray(script.matches)).toBe(true);
  return script.matches as string[];
};
const runsOn = (script: { matches?: unknown }, url: string) => patterns(script).some((p) => matchesUrl(p, url));

describe('content script matches', () => {
  it('Gmail: the mail app only', () => {
    expect(runsOn(gmail, 'https://mail.google.com/mail/u/0/#inbox/FMfcgz')).toBe(true);
    expect(runsOn(gmail, 'https://calendar.google.com/calendar/u/0/r')).toBe(false);
  });

  it("Zendesk: the agent workspace, on any account's subdomain, and not its Help Center", () => {
    for (const script of [zendesk, bridge]) {
      expect(runsOn(script, 'https://acme.zendesk.com/agent/tickets/123')).toBe(true);
      expect(runsOn(script, 'https://support.example-co.zendesk.com/agent/dashboard')).toBe(true);
      expect(runsOn(script, 'https://acme.zendesk.com/hc/en-us/articles/360001')).toBe(false);
      expect(runsOn(script, 'https://acme.zendesk.com/')).toBe(false);
    }
  });

  it('the CKEditor bridge runs in the page world, the readers in the isolated one', () => {
    expect(bridge.world).toBe('MAIN');
    expect(zendesk.world ?? 'ISOLATED').toBe('ISOLATED');
    expect(gmail.world ?? 'ISOLATED').toBe('ISOLATED');
  });
});
