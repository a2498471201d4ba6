// `npm run -s cli -- <command> FILE` — see README and ../shared/design.md for the contracts.
import { parseRecords, readInput, runRecords, type RecordHandler } from './jsonl';

interface Command {
  summary: string;
  /** The field a plain-text (non-JSONL) input is put under. */
  plainTextField: string;
  load: () => Promise<RecordHandler>;
}

const COMMANDS: Record<string, Command> = {
  score: {
    summary: 'score FILE    score each {"id","text"} line: level, score, signals',
    plainTextField: 'text',
    load: async () => (await import('./score')).scoreRecord,
  },
  coach: {
    summary: 'coach FILE    check each {"id","draft","message"?} line against the house rules',
    plainTextField: 'draft',
    load: async () => (await import('./coach')).coachRecord,
  },
  suggest: {
    summary: 'suggest FILE  ranked de-escalation suggestions for each {"id","text"} line',
    plainTextField: 'text',
    load: async () => (await import('./suggest')).suggestRecord,
  },
};

function usage(): string {
  return ['usage: npm run -s cli -- <command> FILE   (FILE may be - for stdin)', '', ...Object.values(COMMANDS).map((c) => '  ' + c.summary)].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, file] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command || !file) {
    process.stderr.write(usage() + '\n');
    return 2;
  }
  let input: string;
  try {
    input = readInput(file);
  } catch (e) {
    process.stderr.write(`cannot read ${file}: ${(e as Error).message}\n`);
    return 1;
  }
  const handler = await command.load();
  const lines: string[] = [];
  const status = runRecords(parseRecords(input, command.plainTextField), handler, (s) => lines.push(s));
  if (lines.length) process.stdout.write(lines.join('\n') + '\n');
  return status;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`defuse: ${(e as Error).message}\n`);
    process.exit(1);
  },
);
