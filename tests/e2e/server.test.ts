// The fixture server alone (no browser): routing by Host header, only files under tests/fixtures.
import { request } from 'node:https';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { freshenDates } from '../../lib/devserver/fresh-dates';
import { routeRequest, startFixtureServer, type FixtureServer } from '../../lib/devserver/fixture-server';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({ port: 0 });
});
afterAll(async () => {
  await server?.stop();
});

function get(host: string, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { host }, rejectUnauthorized: false }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => ok({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', fail);
    req.end();
  });
}

const file = (host: string, path: string) => routeRequest(host, path)?.replace(/^.*\/tests\/fixtures\//, '');

test.each([
  ['mail.google.com', '/mail/u/0/', 'gmail/thread.html'],
  ['mail.google.com', '/mail/u/1/?fixture=inbox', 'gmail/inbox.html'],
  ['mail.google.com', '/mail/?fixture=thread-calm', 'gmail/thread-calm.html'],
  ['acme.zendesk.com', '/agent/tickets/123', 'zendesk/ticket.html'],
  ['support.zendesk.com:443', '/agent/tickets/118', 'zendesk/ticket.html'],
])('%s%s serves %s', (host, path, expected) => {
  expect(file(host, path)).toBe(expected);
});

test.each([
  ['example.com', '/mail/u/0/'], // not one of the two sites
  ['mail.google.com', '/mail/u/0/?fixture=nope'],
  ['mail.google.com', '/mail/u/0/?fixture=../../package'],
  ['mail.google.com', '/../../package.json'],
  ['mail.google.com', '/%2e%2e/%2e%2e/package.json'],
  ['acme.zendesk.com', '/agent/tickets/123?fixture=..%2Fgmail%2Fthread'],
])('%s%s is refused', (host, path) => {
  expect(routeRequest(host, path)).toBeNull();
});

test('answers over HTTPS by Host header, with a certificate made at start', async () => {
  const page = await get('mail.google.com', '/mail/u/0/');
  expect(page.status).toBe(200);
  expect(page.type).toMatch(/^text\/html/);
  expect(page.body).toContain('data-thread-perm-id');
  expect((await get('acme.zendesk.com', '/agent/tickets/123')).body).toContain('omni-log-container');
  expect((await get('example.com', '/')).status).toBe(404);
  expect(server.requests.map((r) => r.status)).toEqual([200, 200, 404]);
});

test('?fresh=H moves the dates of a page so its newest is H hours ago, keeping the gaps between them', async () => {
  const plain = await get('acme.zendesk.com', '/agent/tickets/123');
  const fresh = await get('acme.zendesk.com', '/agent/tickets/123?fresh=5');
  const isoOf = (body: string) => [...body.matchAll(/datetime="([^"]+)"/g)].map((m) => Date.parse(m[1]!));
  const before = isoOf(plain.body);
  const after = isoOf(fresh.body);
  expect(after).toHaveLength(before.length);
  expect(Math.abs(Date.now() - 5 * 3_600_000 - Math.max(...after))).toBeLessThan(120_000);
  const shift = after[0]! - before[0]!;
  after.forEach((t, i) => expect(t - before[i]!).toBe(shift));
  // titles and the short text beside them follow
  expect(fresh.body).not.toMatch(/title="[^"]*Mar 2025/); // (the quoted history's "On Wed, 5 Mar 2025 … wrote:" is message text: kept)
  expect(fresh.body).toMatch(/title="\w{3}, \d{1,2} \w{3} \d{4} \d{2}:\d{2}">\d{1,2} \w{3} \d{2}:\d{2}</);
});

test('freshenDates: Gmail titles keep their comma, today reads "HH:MM (N hours ago)"', () => {
  const html = '<span class="g3" title="Mon, 3 Mar 2025, 09:12">3 Mar</span><span class="g3" title="Wed, 12 Mar 2025, 08:03">08:03 (2 hours ago)</span>';
  const now = Date.parse('2026-11-25T15:00:00Z');
  expect(freshenDates(html, 2, now)).toBe(
    '<span class="g3" title="Mon, 16 Nov 2026, 14:09">16 Nov</span><span class="g3" title="Wed, 25 Nov 2026, 13:00">13:00 (2 hours ago)</span>',
  );
  expect(freshenDates('<p>no dates</p>', 2, now)).toBe('<p>no dates</p>');
});
