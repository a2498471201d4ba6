// What the panel is told about a Gmail or Zendesk tab where no content script answered.
import { describe, expect, test } from 'vitest';
import zendesk from '@/entrypoints/zendesk.content/index';
import { inZendeskAgentWorkspace, PAGE_LOADING, RELOAD_TAB, withoutContentScript, zendeskAgentOnly } from '@/lib/background/noContentScript';

describe('withoutContentScript', () => {
  test.each([
    ['a Gmail tab open since before the install', 'https://mail.google.com/mail/u/0/#inbox/FMfcgz', 'gmail', RELOAD_TAB],
    ['a Zendesk ticket open since before the install', 'https://acme.zendesk.com/agent/tickets/123', 'zendesk', RELOAD_TAB],
    ["Zendesk's Help Center", 'https://acme.zendesk.com/hc/en-us/articles/360001', 'zendesk', zendeskAgentOnly('acme.zendesk.com')],
    ["a Zendesk account's home page", 'https://support.example-co.zendesk.com/', 'zendesk', zendeskAgentOnly('support.example-co.zendesk.com')],
  ] as const)('%s: says what to do', (_name, url, site, reason) => {
    expect(withoutContentScript({ url, status: 'complete' })).toEqual({ kind: 'no-conversation', site, url, reason });
  });

  test('a page still loading is waited for, not reloaded', () => {
    expect(withoutContentScript({ url: 'https://mail.google.com/mail/u/0/', status: 'loading' })).toMatchObject({ reason: PAGE_LOADING });
    // The Help Center gets no content script however long it loads.
    expect(withoutContentScript({ url: 'https://acme.zendesk.com/hc/en-us', status: 'loading' })).toMatchObject({ reason: zendeskAgentOnly('acme.zendesk.com') });
  });

  test.each([
    ['another site', { url: 'https://example.com/', status: 'complete' }],
    ['a look-alike host', { url: 'https://zendesk.com.evil.example/agent/tickets/1', status: 'complete' }],
    ['a URL Defuse may not read (no host access)', { status: 'complete' }],
    ['a tab that is gone', undefined],
  ])('%s: nothing to say (the panel names the sites it works on)', (_name, tab) => {
    expect(withoutContentScript(tab)).toBeNull();
  });

  test.each([
    'https://acme.zendesk.com/agent/tickets/123',
    'https://acme.eu.zendesk.com/agent/dashboard',
    'https://acme.zendesk.com/agent/',
    'https://acme.zendesk.com/agents',
    'https://acme.zendesk.com/hc/en-us/agent/x',
    'https://acme.zendesk.com/',
  ])('%s: counted as the agent workspace exactly when the Zendesk content script runs there', (url) => {
    const matches = (zendesk.matches as string[]).some((p) =>
      new RegExp('^' + p.replace(/[.?+^$()[\]{}|\\]/g, '\\$&').replace(/\*/g, '.*') + '$').test(url),
    );
    expect(inZendeskAgentWorkspace(url)).toBe(matches);
  });
});
