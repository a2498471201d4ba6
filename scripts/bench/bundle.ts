// Built bundle sizes: every JS file of .output/chrome-mv3, raw and gzipped, grouped by the context that
// loads it, and the content-script goal (each content script < 30 KB gzipped: it loads into every
// Gmail / Zendesk tab, so it must stay thin — no NLP there, toolchain.md).
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { table } from './_table';

export const title = 'Bundle sizes (.output/chrome-mv3)';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, '.output/chrome-mv3');
const CONTENT_SCRIPT_GOAL_KB = 30;

interface FileSize {
  file: string;
  raw: number;
  gzip: number;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

function size(file: string): FileSize {
  const bytes = readFileSync(file);
  return { file: relative(OUT, file), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const kb = (n: number) => n / 1024;

/** JS files an HTML page loads, following static imports of the chunks (what the browser fetches). */
function pageScripts(htmlFile: string): string[] {
  const html = readFileSync(htmlFile, 'utf8');
  const found = new Set<string>();
  const queue = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => join(OUT, m[1]!.replace(/^\//, '')));
  while (queue.length) {
    const file = queue.pop()!;
    if (found.has(file) || !existsSync(file)) continue;
    found.add(file);
    const js = readFileSync(file, 'utf8');
    for (const m of js.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
      const spec = m[1]!;
      queue.push(spec.startsWith('/') ? join(OUT, spec.slice(1)) : join(dirname(file), spec));
    }
  }
  return [...found];
}

export async function run(): Promise<void> {
  if (!existsSync(join(OUT, 'manifest.json'))) {
    process.stderr.write('no build in .output/chrome-mv3: running `npm run build`…\n');
    execSync('npm run -s build', { cwd: ROOT, stdio: ['ignore', process.stderr, process.stderr] });
  }
  const manifest = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
    content_scripts?: { js?: string[]; matches?: string[] }[];
  };
  const jsFiles = walk(OUT).filter((f) => f.endsWith('.js')).sort();
  const sizes = new Map(jsFiles.map((f) => [f, size(f)]));

  // Who loads each file.
  const roles = new Map<string, string[]>();
  const addRole = (file: string, role: string) => roles.set(file, [...(roles.get(file) ?? []), role]);
  const contentScripts = new Map<string, string[]>(); // name → files
  for (const cs of manifest.content_scripts ?? []) {
    for (const js of cs.js ?? []) {
      const file = join(OUT, js);
      const name = js.replace(/^content-scripts\//, '').replace(/\.js$/, '');
      contentScripts.set(name, [...(contentScripts.get(name) ?? []), file]);
      addRole(file, `content script (${(cs.matches ?? []).join(' ')})`);
    }
  }
  if (manifest.background?.service_worker) addRole(join(OUT, manifest.background.service_worker), 'background');
  const pages = readdirSync(OUT).filter((f) => f.endsWith('.html'));
  const pageFiles = new Map(pages.map((p) => [p, pageScripts(join(OUT, p))]));
  for (const [page, files] of pageFiles) for (const f of files) addRole(f, page.replace(/\.html$/, ''));

  const rows = jsFiles.map((f) => {
    const s = sizes.get(f)!;
    return [s.file, (roles.get(f) ?? ['(lazy chunk)']).join(', '), s.raw, kb(s.raw), kb(s.gzip)];
  });
  console.log(table(['file', 'loaded by', 'bytes', 'KB', 'KB gzip'], rows));

  // Totals per context: what one context loads in all.
  const total = (files: string[]) =>
    files.reduce((acc, f) => ({ raw: acc.raw + (sizes.get(f)?.raw ?? 0), gzip: acc.gzip + (sizes.get(f)?.gzip ?? 0) }), { raw: 0, gzip: 0 });
  const contexts: (string | number)[][] = [];
  const verdicts: string[] = [];
  for (const [name, files] of contentScripts) {
    const t = total(files);
    const met = kb(t.gzip) < CONTENT_SCRIPT_GOAL_KB;
    contexts.push([`content script ${name}`, kb(t.raw), kb(t.gzip), `< ${CONTENT_SCRIPT_GOAL_KB} KB gz: ${met ? 'met' : 'MISSED'}`]);
    verdicts.push(`${name}: ${kb(t.gzip).toFixed(1)} KB gzipped — goal < ${CONTENT_SCRIPT_GOAL_KB} KB ${met ? 'met' : 'MISSED'}`);
  }
  // What one host page gets in all: every content script whose patterns match it.
  const bySite = new Map<string, string[]>();
  for (const cs of manifest.content_scripts ?? []) {
    for (const m of cs.matches ?? []) bySite.set(m, [...(bySite.get(m) ?? []), ...(cs.js ?? []).map((js) => join(OUT, js))]);
  }
  if (bySite.size > 1 || [...bySite.values()].some((f) => f.length > 1)) {
    for (const [pattern, files] of bySite) {
      const t = total([...new Set(files)]);
      contexts.push([`all content scripts on ${pattern}`, kb(t.raw), kb(t.gzip), `< ${CONTENT_SCRIPT_GOAL_KB} KB gz: ${kb(t.gzip) < CONTENT_SCRIPT_GOAL_KB ? 'met' : 'MISSED'}`]);
    }
  }
  if (manifest.background?.service_worker) {
    const t = total([join(OUT, manifest.background.service_worker)]);
    contexts.push(['background', kb(t.raw), kb(t.gzip), '']);
  }
  for (const [page, files] of pageFiles) {
    const t = total(files);
    contexts.push([`page ${page}`, kb(t.raw), kb(t.gzip), '']);
  }
  console.log('\n' + table(['context (all files it loads)', 'KB', 'KB gzip', 'goal'], contexts));
  console.log('');
  if (contentScripts.size === 0) console.log('content-script goal: no content scripts in the manifest yet');
  for (const v of verdicts) console.log(`content-script goal: ${v}`);
}
