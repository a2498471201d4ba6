// `npm run bench`: every benchmark section in one run. Each file in scripts/bench/ exports
// `title` and `run(): Promise<void>` and prints its own table. Speed goals are checked here, never in unit tests.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'bench');
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of files) {
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as { title: string; run: () => Promise<void> };
  console.log(`\n## ${mod.title}  (scripts/bench/${file})\n`);
  await mod.run();
}
