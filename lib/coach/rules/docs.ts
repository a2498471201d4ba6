// What each coach rule is for, in one plain-language line, in the order the rules run (RULES).
// Data only, so the settings page can list the rules without loading the coach (and its NLP).
// Each rule reads its own line from here; tests check both lists stay the same.
export const RULE_DOCS = [
  { id: 'missing-apology', docs: 'Recognize: an unhappy customer needs to hear that you see the problem and are sorry, before any explanation.' },
  { id: 'dismissive', docs: 'Listen: no interrupting and no talking down ("calm down", "as I already explained", "obviously", "nothing I can do"); be human.' },
  { id: 'excuse-first', docs: 'Respond: fix the problem first, explain why after. No excuses first; acknowledge before giving reasons.' },
  { id: 'blame-shifting', docs: 'Take ownership: never point fingers (not at the internet, the ISP, another vendor, the customer or a colleague); be the one who coordinates the fix.' },
  { id: 'false-certainty', docs: "Don't lie: no false promises or certainty you don't have (\"guaranteed\", \"this will never happen again\"); \"I don't know yet, I'll find out by 3pm\" is fine." },
  { id: 'missing-escalation', docs: 'Escalate before the customer has to ask: after a third contact, or when they ask for a manager, offer a named person and a time.' },
  { id: 'missing-next-step', docs: 'Follow up: promise a concrete next step and a time ("I\'ll update you by 3pm Thursday"), then keep it.' },
  { id: 'robotic', docs: 'Be human: show you care and sound like a person, not a script.' },
  { id: 'english-only', docs: 'Coaching covers English drafts only; check other languages against the house rules yourself.' },
] as const satisfies readonly { id: string; docs: string }[];

export type RuleDocId = (typeof RULE_DOCS)[number]['id'];

/** The docs line of a rule. */
export function docsOf(id: RuleDocId): string {
  return RULE_DOCS.find((d) => d.id === id)!.docs;
}
