// Cutting a draft into sentences with offsets, and telling the greeting and sign-off from the body.
// Rules look at body sentences; only the robotic rule also reads the greeting, for scripted openers
// ("Dear valued customer,"). "Hi Maria," passes, and "Best, Alex" is never coached.

export type SentenceRole = 'greeting' | 'body' | 'signoff';

export interface Sentence {
  /** Exactly `draft.slice(start, end)`: trimmed, ending punctuation included. */
  text: string;
  /** `text` with curly quotes made straight (same length, so offsets still hold): what rules match. */
  norm: string;
  start: number;
  end: number;
  role: SentenceRole;
}

export function straightQuotes(text: string): string {
  return text.replace(/[’‘]/g, "'").replace(/[“”]/g, '"');
}

export interface DraftView {
  text: string;
  sentences: Sentence[];
  /** The sentences rules read: not the greeting, the sign-off, the signature or quoted history. */
  body: Sentence[];
  /** Words in the body. */
  bodyWords: number;
}

// "Hi Maria," / "Dear Mr Smith," / "Good morning," on a line of its own or opening the first line.
const GREETING = /^(?:hi|hello|hey|dear|greetings|good (?:morning|afternoon|evening))\b(?:\s+(?:mr|mrs|ms|miss|dr|mx)\.?)?(?:\s+[A-Z][\w'’-]*){0,3}\s*[,!:—–-]?/i;
// A whole line that only closes the message: "Best," / "Kind regards" / "Thanks again," / "Cheers – Alex".
const SIGNOFF = /^(?:best(?: wishes| regards)?|kind(?:est)? regards|warm(?:est)? regards|regards|warmly|many thanks|thanks(?: again| so much)?|thank you(?: again| so much)?|cheers|sincerely|yours(?: sincerely| truly)?|all the best|speak soon|talk soon|take care|with thanks)\s*[,.!]?/i;
// What may follow the sign-off on the same line: nothing, or a capitalised name ("Cheers – Alex").
const SIGNOFF_NAME = /^\s*(?:[—–-]\s*)?(?:[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)?\s*$/;
// Where quoted history starts: "On Tue, 3 Jun 2025, Maria wrote:" or the "-- " signature delimiter.
const QUOTE_START = /^(?:on\b.{0,120}\bwrote:\s*$|-- ?$|-----\s*original message|from:\s)/i;
// Sentence ends: . ! ? (runs of them), optionally closed by quotes or brackets, before whitespace or the end.
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s|$)/g;
// Full stops that do not end a sentence.
const NOT_AN_END = /(?:\b(?:mr|mrs|ms|dr|st|e\.g|i\.e|etc|vs|approx|no|a\.m|p\.m|am|pm)\.)$/i;

/** Splits a draft into sentences and marks their roles. Pure and cheap: no NLP. */
export function readDraft(text: string): DraftView {
  const sentences: Sentence[] = [];
  let inSignature = false;
  let sawBody = false;
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    offset += line.length + 1;
    const trimmed = line.trim();
    if (!trimmed || inSignature) continue;
    if (trimmed.startsWith('>')) continue;
    if (QUOTE_START.test(trimmed)) {
      inSignature = true;
      continue;
    }
    const lead = line.length - line.trimStart().length;
    let from = lineStart + lead;
    let rest = trimmed;
    if (!sawBody && sentences.every((s) => s.role === 'greeting')) {
      const g = GREETING.exec(rest);
      // A greeting is short; "Hello, I checked your order" keeps only "Hello," as the greeting.
      if (g && g[0].trim().length > 0 && (g[0].length === rest.length || /[,!:—–-]\s*$/.test(g[0]))) {
        const gText = g[0].trimEnd();
        sentences.push({ text: gText, norm: straightQuotes(gText), start: from, end: from + gText.length, role: 'greeting' });
        const skip = g[0].length + (rest.slice(g[0].length).length - rest.slice(g[0].length).trimStart().length);
        from += skip;
        rest = rest.slice(skip);
        if (!rest) continue;
      }
    }
    if (isSignoff(rest)) {
      sentences.push({ text: rest, norm: straightQuotes(rest), start: from, end: from + rest.length, role: 'signoff' });
      inSignature = true;
      continue;
    }
    for (const s of splitSentences(rest, from)) {
      sentences.push(s);
      sawBody = true;
    }
  }
  const body = sentences.filter((s) => s.role === 'body');
  const bodyWords = body.reduce((n, s) => n + (s.text.match(/[A-Za-zÀ-ÿ0-9'’]+/g)?.length ?? 0), 0);
  return { text, sentences, body, bodyWords };
}

function isSignoff(line: string): boolean {
  const m = SIGNOFF.exec(line);
  return !!m && SIGNOFF_NAME.test(line.slice(m[0].length));
}

function splitSentences(line: string, base: number): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(line))) {
    const end = m.index + m[0].length;
    if (m[0] === '.' && NOT_AN_END.test(line.slice(Math.max(0, end - 6), end))) continue;
    push(out, line, start, end, base);
    start = end;
  }
  push(out, line, start, line.length, base);
  return out;
}

function push(out: Sentence[], line: string, from: number, to: number, base: number): void {
  const raw = line.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (!text) return;
  out.push({ text, norm: straightQuotes(text), start: base + from + lead, end: base + from + lead + text.length, role: 'body' });
}

/** The sentence that closes the body (where a next step or an escalation belongs). */
export function closingSentence(view: DraftView): Sentence | undefined {
  return view.body[view.body.length - 1];
}

/** The first body sentence that says something (skips "I hope you're well." style openers). */
export function openingSentence(view: DraftView): Sentence | undefined {
  return view.body[0];
}
