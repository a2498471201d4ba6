// The side panel's layout rules that the demo showed missing: read from the stylesheets themselves,
// since happy-dom does not lay anything out.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

interface Rule {
  selectors: string[];
  decls: Record<string, string>;
  /** The enclosing at-rule ("@media (prefers-color-scheme: dark)"), or '' at the top level. */
  at: string;
}

/** Plain rules of a stylesheet, one level of at-rule nesting: enough for panel.css and theme.css. */
function rules(file: string): Rule[] {
  const css = readFileSync(new URL(`../../components/${file}`, import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const out: Rule[] = [];
  const walk = (body: string, at: string) => {
    const re = /([^{}]+)\{((?:[^{}]|\{[^{}]*\})*)\}/g;
    for (const m of body.matchAll(re)) {
      const head = m[1]!.replace(/@import[^;]*;/g, '').trim();
      if (head.startsWith('@')) walk(m[2]!, head);
      else {
        const decls = Object.fromEntries(
          m[2]!
            .split(';')
            .map((d) => d.split(':'))
            .filter((d) => d.length >= 2)
            .map(([k, ...v]) => [k!.trim(), v.join(':').trim()]),
        );
        out.push({ selectors: head.split(',').map((s) => s.trim().replace(/"/g, "'")), decls, at });
      }
    }
  };
  walk(css, '');
  return out;
}

const panel = rules('panel.css');
const theme = rules('theme.css');
const ruleFor = (selector: string) => panel.find((r) => r.at === '' && r.selectors.includes(selector));

function token(name: string, dark: boolean): string {
  const scope = theme.find((r) => r.selectors.includes(':root') && (r.at === '') !== dark && r.decls[name]);
  return scope!.decls[name]!;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** `fg` drawn at `alpha` over `bg`. */
function blend(fg: string, bg: string, alpha: number): string {
  const ch = (c: string, i: number) => parseInt(c.slice(i, i + 2), 16);
  return `#${[1, 3, 5].map((i) => Math.round(ch(fg, i) * alpha + ch(bg, i) * (1 - alpha)).toString(16).padStart(2, '0')).join('')}`;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('panel.css', () => {
  test.each(['button:disabled', "button[aria-disabled='true']"])('%s looks disabled: faded, with a not-allowed cursor', (selector) => {
    const rule = ruleFor(selector);
    expect(rule, `${selector} has a rule`).toBeDefined();
    expect(Number(rule!.decls.opacity)).toBeLessThan(1);
    expect(rule!.decls.cursor).toBe('not-allowed');
  });

  test.each([false, true])('a disabled button’s text keeps WCAG AA contrast on a card (dark: %s)', (dark) => {
    const rule = ruleFor('button:disabled')!;
    const opacity = Number(rule.decls.opacity);
    const colour = token(/^var\((--[\w-]+)\)$/.exec(rule.decls.color!)![1]!, dark);
    // a transparent background shows the card (the notes section) behind it
    expect(rule.decls.background).toBe('transparent');
    const surface = token('--surface', dark);
    expect(contrast(blend(colour, surface, opacity), surface)).toBeGreaterThanOrEqual(4.5);
  });

  test('the "Remind me" buttons sit apart, in a row that wraps', () => {
    const row = ruleFor('.row');
    expect(row?.decls).toMatchObject({ display: 'flex', 'flex-wrap': 'wrap' });
    expect(row!.decls.gap).toMatch(/^\d+px$/);
  });

  test('the header line wraps rather than cutting off "· 2 customer messages"', () => {
    const line = ruleFor('.conversation');
    expect(line).toBeDefined();
    expect(line!.decls['white-space']).not.toBe('nowrap');
    expect(line!.decls['text-overflow']).toBeUndefined();
    expect(line!.decls.overflow).toBeUndefined();
    expect(ruleFor('.conversation .muted')?.decls['white-space']).toBe('nowrap');
  });
});
