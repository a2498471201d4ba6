// Serves tests/fixtures over local HTTPS as if it were mail.google.com and *.zendesk.com.
// The server itself lives in lib/devserver/fixture-server.ts (the browser tests and the demo import it);
// run this file to keep one up by hand and point your own Chromium at it:
//
//   npx tsx scripts/serve-fixtures.ts [--port 8443]
import { pathToFileURL } from 'node:url';
import { hostResolverRules, listFixtures, startFixtureServer } from '../lib/devserver/fixture-server';

export { startFixtureServer, hostResolverRules, listFixtures, routeRequest, FIXTURES_DIR } from '../lib/devserver/fixture-server';
export type { FixtureServer, FixtureServerOptions, ServedRequest } from '../lib/devserver/fixture-server';

async function main(argv: string[]): Promise<void> {
  const i = argv.indexOf('--port');
  const port = i >= 0 ? Number(argv[i + 1]) : 8443;
  const server = await startFixtureServer({ port, log: true });
  const ext = new URL('../.output/chrome-mv3', import.meta.url).pathname;
  console.log(`fixture server on https://127.0.0.1:${server.port} (self-signed, made just now)`);
  console.log(`  Gmail:   https://mail.google.com/mail/u/0/            fixtures: ${listFixtures('gmail').join(', ') || '(none yet)'}`);
  console.log(`           https://mail.google.com/mail/u/0/?fixture=NAME`);
  console.log(`  Zendesk: https://acme.zendesk.com/agent/tickets/ID    fixtures: ${listFixtures('zendesk').join(', ') || '(none yet)'}`);
  console.log('Start Chromium with:');
  console.log(
    `  chromium --user-data-dir=$(mktemp -d) --disable-extensions-except=${ext} --load-extension=${ext} \\\n` +
      `    --host-resolver-rules="${hostResolverRules(server.port)}" --ignore-certificate-errors`,
  );
  console.log('Ctrl-C to stop.');
  const stop = () => void server.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((e: Error) => {
    console.error(`serve-fixtures: ${e.message}`);
    process.exit(1);
  });
}
