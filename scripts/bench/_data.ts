// The labelled data in ../shared/data (beside the clone; DEFUSE_DATA overrides) and the product's own
// fixtures. Shared by scripts/train.ts and the accuracy bench so both read the data the same way.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA_DIR = process.env.DEFUSE_DATA ? resolve(process.env.DEFUSE_DATA) : resolve(REPO_ROOT, '..', 'shared', 'data');

export const DATASETS = ['complaints-twitter', 'goemotions', 'airline-tweets'] as const;
export type Dataset = (typeof DATASETS)[number];
export type Split = 'train' | 'dev' | 'test';

export interface Row {
  id: string;
  text: string;
  frustrated: boolean;
  labels: string[];
  /** GoEmotions: only annoyance and/or disappointment. */
  controlled?: boolean;
  /** complaints-twitter: addressed to a company's support handle (not a random tweet). */
  company_directed?: boolean;
}

/** One JSON value per non-blank line (datasets, fixtures, labelled drafts). */
export function readJsonl<T = Row>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

/** A split of a dataset, or undefined when it is not there (complaints-twitter's test is withheld). */
export function loadSplit(dataset: Dataset, split: Split): Row[] | undefined {
  const path = join(DATA_DIR, dataset, `${split}.jsonl`);
  return existsSync(path) ? readJsonl(path) : undefined;
}

/** The product's own example messages under tests/fixtures/ (written for this project; safe to ship). */
export type Fixture =
  | 'calm-business'
  | 'hidden-frustration'
  | 'holdout-calm-business'
  | 'holdout-hidden-frustration'
  | 'holdout2-calm-business'
  | 'holdout2-hidden-frustration'
  | 'tuning-hidden-frustration';

/** A fixture's rows. The holdout-* and holdout2-* pairs were written blind, by someone who had not read
 * the scorer; the README records their first-look figures. Signal work later saw holdout-*'s misses;
 * holdout2-* is reported only and must never be tuned on. tuning-hidden-frustration (frustrated and calm
 * rows together, written blind on 2026-12-06) was written to tune the signals on. */
export function loadFixture(name: Fixture): Row[] {
  return readJsonl(join(REPO_ROOT, 'tests', 'fixtures', `${name}.jsonl`)).map((r) => ({ ...r, labels: r.labels ?? [] }));
}

export interface Prf {
  precision: number;
  recall: number;
  f1: number;
  tp: number;
  fp: number;
  fn: number;
}

export function prf(predicted: boolean[], gold: boolean[]): Prf {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (let i = 0; i < gold.length; i++) {
    if (predicted[i] && gold[i]) tp++;
    else if (predicted[i]) fp++;
    else if (gold[i]) fn++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, fp, fn };
}
