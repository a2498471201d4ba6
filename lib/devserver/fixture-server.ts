// Node only (browser tests and the demo; never imported by the extension).
// Serves the saved host-page fixtures over local HTTPS so that the extension's real match patterns
// (`https://mail.google.com/*`, `https://*.zendesk.com/*`) fire on them: Chromium is started with
// `--host-resolver-rules` mapping those hosts to this server and `--ignore-certificate-errors`.
//
// Routing is by Host header:
//   mail.google.com   /mail/u/N/                  → tests/fixtures/gmail/<default>.html
//                     /mail/u/N/?fixture=inbox    → tests/fixtures/gmail/inbox.html
//   *.zendesk.com     /agent/tickets/ID           → tests/fixtures/zendesk/ticket-ID.html if present,
//                                                    else tests/fixtures/zendesk/<default>.html
//                     /agent/tickets/ID?fixture=X → tests/fixtures/zendesk/X.html
// Any page with `fresh=H` in its query has its dates moved so the newest is H hours ago (the demo).
// Any other path is looked up as a file of that site's fixture folder (by its last segment, so a
// fixture's relative `<script src="switch.js">` works under /mail/u/0/), then under tests/fixtures.
// Nothing outside the fixtures folder is ever served.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshenDates } from './fresh-dates';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES_DIR = join(REPO_ROOT, 'tests/fixtures');

export type FixtureSite = 'gmail' | 'zendesk';

/** One request the server answered, for tests that check who asked for what. */
export interface ServedRequest {
  host: string;
  path: string;
  status: number;
  /** Fixture file served (relative to the fixtures folder), when there was one. */
  file?: string;
}

export interface FixtureServer {
  /** The port actually listened on (useful with `port: 0`). */
  port: number;
  /** Chromium `--host-resolver-rules` value sending the two sites' hosts to this server. */
  hostResolverRules: string;
  /** Every request answered so far, in order. */
  requests: ServedRequest[];
  stop(): Promise<void>;
}

export interface FixtureServerOptions {
  /** 8443 by default; 0 picks a free port. */
  port?: number;
  host?: string;
  /** Folder holding gmail/ and zendesk/; tests/fixtures by default. */
  root?: string;
  /** Log each request to stderr. */
  log?: boolean;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Which fixture site a Host header belongs to, or null for any other host. */
export function siteForHost(hostHeader: string | undefined): FixtureSite | null {
  const host = (hostHeader ?? '').toLowerCase().replace(/:\d+$/, '');
  if (host === 'mail.google.com') return 'gmail';
  if (/^[a-z0-9-]+\.zendesk\.com$/.test(host)) return 'zendesk';
  return null;
}

/** The .html fixtures of a site, without extension, sorted. */
export function listFixtures(site: FixtureSite, root = FIXTURES_DIR): string[] {
  const dir = join(root, site);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length))
    .sort();
}

/**
 * The fixture a site's main page serves when no `?fixture=` is given: the thread / ticket view,
 * found by name (`thread`, `ticket`), else the first fixture that is not an inbox or list.
 */
export function defaultFixture(site: FixtureSite, root = FIXTURES_DIR): string | null {
  const names = listFixtures(site, root);
  const preferred = site === 'gmail' ? ['thread', 'gmail-thread', 'thread-view'] : ['ticket', 'zendesk-ticket', 'ticket-view'];
  for (const p of preferred) if (names.includes(p)) return p;
  const word = site === 'gmail' ? 'thread' : 'ticket';
  return names.find((n) => n.includes(word)) ?? names.find((n) => !/inbox|list|views?$/.test(n)) ?? names[0] ?? null;
}

/** Resolves a path inside `base`, or null when it would leave it or is not a file. */
function safeFile(base: string, rel: string): string | null {
  const full = resolve(base, normalize(rel).replace(/^([/\\])+/, ''));
  if (full !== base && !full.startsWith(base + sep)) return null;
  if (!existsSync(full) || !statSync(full).isFile()) return null;
  return full;
}

/** Maps a request to a fixture file (absolute path), or null (404). Exported for unit tests. */
export function routeRequest(hostHeader: string | undefined, rawUrl: string, root = FIXTURES_DIR): string | null {
  const site = siteForHost(hostHeader);
  if (!site) return null;
  const url = new URL(rawUrl, 'https://x.invalid');
  const siteDir = join(root, site);
  const asked = url.searchParams.get('fixture');
  const byName = (name: string | null) => (name && /^[\w.-]+$/.test(name) ? safeFile(siteDir, name + '.html') : null);

  if (site === 'gmail' && /^\/mail(\/u\/\d+)?\/?$/.test(url.pathname)) {
    return asked ? byName(asked) : byName(defaultFixture('gmail', root));
  }
  const ticket = /^\/agent\/tickets\/(\d+)\/?$/.exec(url.pathname);
  if (site === 'zendesk' && ticket) {
    if (asked) return byName(asked);
    return byName(`ticket-${ticket[1]}`) ?? byName(defaultFixture('zendesk', root));
  }
  if (site === 'zendesk' && /^\/agent\/?$/.test(url.pathname)) {
    return asked ? byName(asked) : null;
  }
  // Assets the fixtures reference: same path under the site folder, then the fixtures root, then by file name.
  const path = decodeURIComponent(url.pathname);
  return safeFile(siteDir, path) ?? safeFile(root, path) ?? safeFile(siteDir, basename(path));
}

/** `?fresh=H` on a page's URL moves its dates so the newest is H hours ago (lib/devserver/fresh-dates.ts). */
function freshen(body: Buffer, file: string, rawUrl: string): Buffer {
  const hours = Number(new URL(rawUrl, 'https://x.invalid').searchParams.get('fresh') ?? NaN);
  if (extname(file).toLowerCase() !== '.html' || !Number.isFinite(hours) || hours < 0) return body;
  return Buffer.from(freshenDates(body.toString('utf8'), hours), 'utf8');
}

/** A throw-away self-signed certificate for localhost and the two sites, made with openssl. */
export function makeCertificate(): { key: string; cert: string } {
  const dir = mkdtempSync(join(tmpdir(), 'defuse-cert-'));
  try {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=localhost', '-days', '1',
        '-addext', 'subjectAltName=DNS:localhost,DNS:mail.google.com,DNS:*.zendesk.com,IP:127.0.0.1',
        '-keyout', key, '-out', cert,
      ],
      { stdio: 'pipe' },
    );
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The Chromium flag value that sends mail.google.com and *.zendesk.com to 127.0.0.1:port. */
export function hostResolverRules(port: number): string {
  return `MAP mail.google.com 127.0.0.1:${port},MAP *.zendesk.com 127.0.0.1:${port}`;
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const root = resolve(options.root ?? FIXTURES_DIR);
  const { key, cert } = makeCertificate();
  const requests: ServedRequest[] = [];

  const server: Server = createServer({ key, cert }, (req, res) => {
    const host = req.headers.host ?? '';
    const path = req.url ?? '/';
    const file = req.method === 'GET' || req.method === 'HEAD' ? routeRequest(host, path, root) : null;
    const entry: ServedRequest = { host, path, status: file ? 200 : 404 };
    if (file) entry.file = relative(root, file);
    requests.push(entry);
    if (options.log) process.stderr.write(`[fixtures] ${entry.status} ${host}${path}${file ? ' → ' + entry.file : ''}\n`);
    if (!file && /^\/favicon\.ico(\?|$)/.test(path) && siteForHost(host)) {
      // Browsers ask every site for one; answering "nothing" keeps the console quiet.
      entry.status = 204;
      res.writeHead(204).end();
      return;
    }
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`no fixture for ${host}${path}\n`);
      return;
    }
    const body = freshen(readFileSync(file), file, path);
    res.writeHead(200, {
      'content-type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  // Keep-alive sockets would hold stop() open until the browser lets go of them.
  const sockets = new Set<Duplex>();
  server.on('connection', (s: Duplex) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 8443, options.host ?? '127.0.0.1', () => {
      server.off('error', fail);
      ok();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    hostResolverRules: hostResolverRules(port),
    requests,
    stop: () =>
      new Promise<void>((ok) => {
        for (const s of sockets) s.destroy();
        server.close(() => ok());
      }),
  };
}
