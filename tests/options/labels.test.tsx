// @vitest-environment happy-dom
// The options page names rules and tips in words (lib/state/labels), tells a suggestion and a reminder
// with the same id apart, keeps the id beside the name, and shows ids it doesn't know as words.
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { PHRASES, REMINDERS, RULES } from '@/lib/coach';
import { knownLabel, usageLabel } from '@/lib/state/labels';
import { getSettings, recordUsageBatch, updateSettings, type DefuseDB, type UsageInput } from '@/lib/storage';
import { tipNames } from '@/components/options/UsageReport';
import { at, fileOf, freshDb, must, NOW, renderOptions } from './helpers';

afterEach(cleanup);

const use = (e: Omit<UsageInput, 'at' | 'site'>, n = 1): UsageInput[] => Array.from({ length: n }, () => ({ ...e, site: 'gmail', at: at('2026-11-20') }));

async function seed(db: DefuseDB, rows: UsageInput[]) {
  must(await recordUsageBatch(rows, NOW, db));
}

/** The names in a usage table's row headers, without the id under them. */
const namesIn = (testId: string) => Array.from(screen.getByTestId(testId).querySelectorAll('tbody th .usage-name'), (n) => n.textContent);
const idsIn = (testId: string) => Array.from(screen.getByTestId(testId).querySelectorAll('tbody th .usage-id'), (n) => n.textContent);
/** The labels drawn beside the bars, and their tooltips. */
const chartLabels = (container: HTMLElement) => Array.from(container.querySelectorAll('[data-chart-row] > text'), (t) => t.lastChild!.textContent);
const chartTitles = (container: HTMLElement) => Array.from(container.querySelectorAll('[data-chart-row] title'), (t) => t.textContent);

describe('every id the coach can count has a name', () => {
  test.each([
    ['rule', RULES.map((r) => r.id)],
    ['suggestion', PHRASES.map((p) => p.id)],
    ['reminder', REMINDERS.map((r) => r.id)],
  ] as const)('%s', (kind, ids) => {
    for (const id of ids) expect(knownLabel(kind, id), id).toBeTruthy();
  });

  test('unknown ids read as words, and never pick up Object properties', () => {
    expect(usageLabel('rule', 'over-promising')).toBe('Over promising');
    expect(usageLabel('suggestion', 'constructor')).toBe('Constructor');
    expect(usageLabel('reminder', 'to-string')).toBe('To string');
  });

  test('a name two kinds share says its kind; other names stay short', () => {
    const names = tipNames([
      { kind: 'suggestion', tipId: 'escalate-early' },
      { kind: 'reminder', tipId: 'escalate-early' },
      { kind: 'suggestion', tipId: 'ack-broken-promise' },
    ]);
    expect([...names.values()]).toEqual(['Escalate early — suggestion', 'Escalate early — reminder', 'Own the broken promise']);
  });
});

describe('settings', () => {
  test('rule switches read as names, not ids', async () => {
    await renderOptions();
    const group = screen.getByRole('group', { name: 'Coach rules' });
    expect(within(group).getByLabelText('No apology')).toBeTruthy();
    expect(within(group).queryByText('missing-apology')).toBeNull();
  });

  test('english-only is explained, not offered as a rule to untick', async () => {
    await renderOptions();
    const group = screen.getByRole('group', { name: 'Coach rules' });
    expect(within(group).getAllByRole('checkbox').map((b) => b.closest('label')!.title)).not.toContain('english-only');
    expect(within(group).queryByText(/english-only/i)).toBeNull();
    expect(screen.getByTestId('english-only-note').textContent).toMatch(/Drafts that aren't in English are not checked/);
  });

  test('english-only switched off before still shows, so it can be switched back on', async () => {
    const db = freshDb();
    must(await updateSettings({ disabledRules: ['english-only', 'robotic'] }, db));
    await renderOptions({ db });
    const box = screen.getByLabelText("Note when a draft isn't in English") as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).toMatch(/no findings at all/);
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved.')).toBeTruthy();
    expect(must(await getSettings(db)).disabledRules).toEqual(['robotic']);
    expect(screen.queryByLabelText("Note when a draft isn't in English")).toBeNull();
  });

  test('a rule this version does not know still shows, as words', async () => {
    await renderOptions({ rules: [{ id: 'over-promising', docs: 'A rule from a newer Defuse.' }] });
    expect(screen.getByLabelText('Over promising')).toBeTruthy();
  });
});

describe('usage report', () => {
  const mixed = [
    ...use({ kind: 'suggestion', tipId: 'escalate-early', action: 'shown' }, 3),
    ...use({ kind: 'suggestion', tipId: 'escalate-early', action: 'inserted' }),
    ...use({ kind: 'reminder', tipId: 'escalate-early', action: 'shown' }, 2),
    ...use({ kind: 'suggestion', tipId: 'ack-broken-promise', action: 'shown' }),
    ...use({ kind: 'rule', tipId: 'missing-apology', action: 'shown' }, 2),
    ...use({ kind: 'rule', tipId: 'english-only', action: 'shown' }),
  ];

  test('tables and chart name tips and rules in words, with the id beside them', async () => {
    const db = freshDb();
    await seed(db, mixed);
    const { container } = await renderOptions({ db });
    expect(namesIn('tip-table')).toEqual(['Escalate early — suggestion', 'Escalate early — reminder', 'Own the broken promise']);
    expect(idsIn('tip-table')).toEqual(['escalate-early', 'escalate-early', 'ack-broken-promise']);
    expect(namesIn('rule-table')).toEqual(['No apology', 'Draft not in English']);
    expect(idsIn('rule-table')).toEqual(['missing-apology', 'english-only']);
    expect(chartLabels(container)).toEqual(['Escalate early — suggestion', 'Escalate early — reminder', 'Own the broken promise', 'No apology', 'Draft not in English']);
    expect(chartTitles(container)).toContain('Escalate early — reminder (escalate-early)');
    const [tips, rules] = screen.getAllByRole('img').map((c) => c.getAttribute('aria-label'));
    expect(tips).toContain('Escalate early — suggestion: shown 3, used 1; Escalate early — reminder: shown 2, used 0');
    expect(rules).toContain('No apology: fired 2');
  });

  test('ids from a newer version show as words', async () => {
    const db = freshDb();
    await seed(db, [...use({ kind: 'suggestion', tipId: 'offer-callback', action: 'shown' }), ...use({ kind: 'rule', tipId: 'over-promising', action: 'shown' })]);
    await renderOptions({ db });
    expect(namesIn('tip-table')).toEqual(['Offer callback']);
    expect(namesIn('rule-table')).toEqual(['Over promising']);
    expect(idsIn('rule-table')).toEqual(['over-promising']);
  });

  test('an imported team file is named in words too, unknown ids included', async () => {
    await renderOptions();
    fireEvent.click(screen.getByLabelText('Team (imported files)'));
    const rows = [
      'r-0a0a0a0a0a0a0a0a,Ana,2026-11-03,gmail,suggestion,escalate-early,shown,4',
      'r-0a0a0a0a0a0a0a0a,Ana,2026-11-03,gmail,reminder,escalate-early,shown,2',
      'r-0a0a0a0a0a0a0a0a,Ana,2026-11-04,gmail,rule,over-promising,shown,1',
    ];
    const file = fileOf('ana.csv', ['rep_id,rep,day,site,kind,tip_id,action,count', ...rows].join('\r\n') + '\r\n');
    fireEvent.change(screen.getByLabelText('Usage files (CSV or JSON, several at once)'), { target: { files: [file] } });
    await waitFor(() => expect(screen.getByTestId('tip-table')).toBeTruthy());
    expect(namesIn('tip-table')).toEqual(['Escalate early — suggestion', 'Escalate early — reminder']);
    expect(namesIn('rule-table')).toEqual(['Over promising']);
  });
});
