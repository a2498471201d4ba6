// Every coach rule, in the order a good reply walks the house rules. The side panel, the CLI, the
// docs and the tests all read this one list; a rule is switched off by its id (settings).
import type { Rule } from '../rule';
import { blameShifting } from './blame-shifting';
import { dismissive } from './dismissive';
import { englishOnly } from './english-only';
import { excuseFirst } from './excuse-first';
import { falseCertainty } from './false-certainty';
import { missingApology } from './missing-apology';
import { missingEscalation } from './missing-escalation';
import { missingNextStep } from './missing-next-step';
import { robotic } from './robotic';

export const RULES: readonly Rule[] = [
  missingApology,
  dismissive,
  excuseFirst,
  blameShifting,
  falseCertainty,
  missingEscalation,
  missingNextStep,
  robotic,
  englishOnly,
];

/** The rule ids design.md contract 2 names; they keep their meaning. */
export const CONTRACT_RULE_IDS = [
  'blame-shifting',
  'false-certainty',
  'excuse-first',
  'dismissive',
  'robotic',
  'missing-apology',
  'missing-next-step',
  'missing-escalation',
] as const;

export function ruleById(id: string): Rule | undefined {
  return RULES.find((r) => r.id === id);
}
