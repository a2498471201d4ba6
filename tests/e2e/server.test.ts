// The fixture server alone (no browser): routing by Host header, only files under tests/fixtures.
import { request } from 'node:https';
import { afterAll, beforeAll, expect, test } from 'vitest';
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
