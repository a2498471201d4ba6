// The shipped notices (public/NOTICES.txt, copied into every build) must name each third-party
// package the extension bundles, with the licence that package declares, and every dataset the
// shipped weights were fitted on. Adding a runtime dependency without a notice fails here.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import weights from '@/lib/analysis/model/weights.json';

const ROOT = join(__dirname, '..', '..');
const NOTICES = readFileSync(join(ROOT, 'public', 'NOTICES.txt'), 'utf8');
const pkgOf = (name: string) => JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { license: string; dependencies?: Record<string, string> };

/** Build tooling listed under dependencies (WXT needs them at `postinstall`); none of it is bundled… */
const BUILD_ONLY = new Set(['wxt', '@wxt-dev/module-react']);
/** …except the browser API wrapper that `wxt/browser` re-exports into every entrypoint. */
const BUNDLED_FROM_BUILD = ['@wxt-dev/browser'];

function bundled(): string[] {
  const root = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const seen = new Set<string>();
  const visit = (name: string) => {
    // type declarations are never bundled
    if (name.startsWith('@types/') || seen.has(name) || !existsSync(join(ROOT, 'node_modules', name, 'package.json'))) return;
    seen.add(name);
    for (const d of Object.keys(pkgOf(name).dependencies ?? {})) visit(d);
  };
  for (const d of Object.keys(root.dependencies)) if (!BUILD_ONLY.has(d)) visit(d);
  for (const d of BUNDLED_FROM_BUILD) visit(d);
  return [...seen].sort();
}

describe('public/NOTICES.txt', () => {
  const packages = bundled();

  it('finds the packages the extension bundles', () => {
    expect(packages).toEqual(expect.arrayContaining(['react', 'react-dom', 'scheduler', 'zustand', 'dexie', 'compromise', 'efrt', 'sentiment', 'papaparse', '@wxt-dev/browser']));
    expect(packages).not.toContain('wxt');
  });

  it.each(packages)('names %s with the licence its package.json declares', (name) => {
    const line = NOTICES.split('\n').find((l) => l.split(/\s+/)[0] === name);
    expect(line, `no line for ${name}`).toBeDefined();
    expect(line!.split(/\s+/)).toContain(pkgOf(name).license);
  });

  it('credits AFINN under its own licence', () => {
    expect(NOTICES).toMatch(/AFINN-165/);
    expect(NOTICES).toMatch(/Open Database License \(ODbL\) v1\.0/);
  });

  it('names every dataset the shipped weights were fitted on', () => {
    const names: Record<string, RegExp> = {
      'complaints-twitter': /Complaints on Twitter/,
      goemotions: /GoEmotions/,
      'airline-tweets': /Twitter US Airline Sentiment .*CC BY-NC-SA 4\.0/,
    };
    const trained = weights.figures.trainedOn.filter((t) => t.endsWith('/train')).map((t) => t.slice(0, -'/train'.length));
    expect(trained.length).toBeGreaterThan(0);
    for (const d of trained) expect(NOTICES, d).toMatch(names[d]!);
  });
});
