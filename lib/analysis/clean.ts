// Finds the customer's newest words in a message: drops quoted history, signatures and legal
// disclaimers, and keeps a map so every offset in the cleaned text leads back to the input.
//
// Cleaning only ever REMOVES whole runs of the input (it never rewrites characters), so the cleaned
// text is a concatenation of slices of the source and `source.slice(start, end)` of a mapped span is
// exactly what the reader sees. For HTML input the source is `htmlToText(input)`: offsets then point
// into that text (exposed as `Cleaned.source`), not into the markup.
import { htmlToText } from './html';

/** Most of a message that is scored; a paste beyond this is cut and `truncated` is set. */
export const MAX_SCORED_CHARS = 20_000;
/** HTML beyond this is not converted (a 1 MB page soup would otherwise dominate the cost). */
export const MAX_HTML_CHARS = 200_000;
/** Lines beyond this offset are not examined (a 1 MB block of quoted lines keeps nothing, so the
 * kept-length cap alone would not stop the scan). */
export const MAX_SCAN_CHARS = 200_000;

export type RemovedKind = 'quoted-history' | 'quoted-line' | 'signature' | 'disclaimer' | 'sign-off';

export interface Segment {
  /** Offset of this piece in the cleaned text. */
  at: number;
  /** The piece is source.slice(start, end). */
  start: number;
  end: number;
}

export interface Cleaned {
  /** The customer's newest words: what is scored. */
  text: string;
  /** The string offsets point into: the input, or for HTML input its html→text output. */
  source: string;
  /** Kept pieces of `source`, in order. */
  segments: Segment[];
  /** What was dropped, as spans of `source` (for display and tests). */
  removed: { kind: RemovedKind; start: number; end: number }[];
  /** The sign-off block ("Thanks,\nMaria"), kept out of scoring but read for the customer's name. */
  signOff?: { start: number; end: number };
  /** Set when the input was longer than what is scored. */
  truncated?: { keptChars: number; totalChars: number };
}

// --- line rules: each names the form it recognises, with an example ---

/** "On Tue, 4 Mar 2025 at 10:12, Acme Support <help@acme.com> wrote:" (may wrap over 2-3 lines). */
const ON_WROTE_START = /^\s*On\b.{0,300}$/i;
const WROTE_END = /\bwrote\s*:\s*$/i;
/** "-----Original Message-----", "----- Original message -----" (Zendesk), "---------- Forwarded message ---------". */
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*(?:Original|Forwarded)\s+message\s*-{2,}\s*$/i;
/** Apple Mail: "Begin forwarded message:". */
const BEGIN_FORWARDED = /^\s*Begin forwarded message\s*:?\s*$/i;
/** Zendesk notification mails: "##- Please type your reply above this line -##". */
const ZENDESK_REPLY_LINE = /^\s*##-\s*Please type your reply above this line\s*-##\s*$/i;
/** Outlook: "From: Acme Support <help@acme.com>" followed within a few lines by "Sent:"/"Date:". */
const OUTLOOK_FROM = /^\s*\*?From:\*?\s+\S/i;
const OUTLOOK_NEXT = /^\s*\*?(?:Sent|Date|To|Subject|Cc):\*?\s/i;
/** Outlook's separator line above its header block. */
const UNDERSCORES = /^\s*_{10,}\s*$/;
/** A quoted line: "> what you wrote". */
const QUOTED = /^\s*>/;
/** Signature delimiter "-- " (RFC 3676), often typed without the space. */
const SIG_DASHES = /^(?:-- ?|—|__)\s*$/;
/** "Sent from my iPhone", "Sent from Outlook for Android", "Get Outlook for iOS". */
const MOBILE_SIG = /^\s*(?:Sent from my\b|Sent from (?:Outlook|Mail|Yahoo|Gmail|AOL)\b|Get Outlook for\b|Sent via\b|Sent with\b)/i;
/** Legal disclaimers: "CONFIDENTIALITY NOTICE: …", "This email and any attachments are confidential …". */
const DISCLAIMER_HEAD = /^\s*(?:\*+\s*)?(?:CONFIDENTIALITY(?: NOTICE)?|DISCLAIMER|PRIVILEGED (?:AND|&) CONFIDENTIAL|LEGAL NOTICE)/;
const DISCLAIMER_BODY = /^\s*(?:This|The information (?:contained )?in this|The contents of this)\s+(?:e-?mail|message|communication|transmission)\b.{0,120}\b(?:confidential|privileged|intended (?:solely|only)|intended recipient)/i;
const PLEASE_CONSIDER = /^\s*Please consider the environment before printing/i;
/** Every rule above starts its line with one of these (or is a very short line). */
const MAYBE_MARKER = /^\s*(?:on\b|-|—|_|>|##|\*|from:|begin|sent|get outlook|confidential|disclaimer|privileged|legal|this (?:e-?mail|message|communication|transmission)|the (?:information|contents)|please consider)|^.{0,3}$/i;

/**
 * Sign-offs: "Thanks,", "Best regards,", "Kind regards, Maria", "Cheers!", "Sincerely,".
 * The name part is checked case-sensitively (see signOffName), so "Thanks for nothing" is not one.
 */
const VALEDICTION =
  /^\s*(?:(?:best|kind|warm|warmest|kindest|many|with|thanks and|thanks &)\s+)?(?:regards|wishes|thanks|thank you|cheers|sincerely|best|respectfully|cordially|yours(?:\s+(?:sincerely|truly|faithfully))?|sincerely yours|all the best|take care|talk soon|thx|ty|br|(?:thanks|thank you)\s+(?:again|in advance|so much|very much|a lot))\s*[,.!]*\s*/i;
/** "— Maria", "-Maria Lopez", "~ Sam". */
const DASH_NAME = /^\s*[-–—~]\s*\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]*)?\s*$/u;
const NAME_WORDS = /^(?:[-–—]\s*)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}\s*$/u;
const NOT_NAMES = new Set(['For', 'Nothing', 'Again', 'You', 'All', 'So', 'But', 'And', 'The', 'In', 'To', 'A', 'Very', 'Team']);

/** True when the rest of a valediction line is empty or a capitalised name ("Thanks, Maria"). */
function signOffName(rest: string): boolean {
  const r = rest.trim();
  if (r === '') return true;
  if (!NAME_WORDS.test(r)) return false;
  const first = r.replace(/^[-–—]\s*/, '').split(/\s+/)[0]!;
  return !NOT_NAMES.has(first);
}

export function isValediction(line: string): boolean {
  const m = VALEDICTION.exec(line);
  return m !== null && signOffName(line.slice(m[0].length));
}

interface Line {
  start: number;
  /** end of the text, before the line break */
  textEnd: number;
  /** end including the line break */
  end: number;
  text: string;
}

/** Returns the index of the line where quoted history starts (at `i`), else -1. */
function historyStartsAt(lines: Line[], i: number, readLine: (k: number) => Line | undefined): boolean {
  const t = lines[i]!.text;
  if (ORIGINAL_MESSAGE.test(t) || BEGIN_FORWARDED.test(t) || ZENDESK_REPLY_LINE.test(t)) return true;
  if (ON_WROTE_START.test(t)) {
    if (WROTE_END.test(t)) return true;
    // the attribution line wraps: "On Mon, 3 Mar 2025, Acme Support <\nhelp@acme.com> wrote:"
    let joined = t;
    for (let k = 1; k <= 2; k++) {
      const next = readLine(i + k);
      if (!next) break;
      joined += ' ' + next.text;
      if (joined.length > 400) break;
      if (WROTE_END.test(next.text)) return true;
    }
  }
  if (OUTLOOK_FROM.test(t) || UNDERSCORES.test(t)) {
    for (let k = 1; k <= 4; k++) {
      const next = readLine(i + k);
      if (!next) break;
      if (OUTLOOK_NEXT.test(next.text) || (UNDERSCORES.test(t) && OUTLOOK_FROM.test(next.text))) return true;
    }
  }
  return false;
}

function endsMessage(t: string): RemovedKind | null {
  if (SIG_DASHES.test(t)) return 'signature';
  if (t.length <= 80 && MOBILE_SIG.test(t)) return 'signature';
  if (DISCLAIMER_HEAD.test(t) || DISCLAIMER_BODY.test(t) || PLEASE_CONSIDER.test(t)) return 'disclaimer';
  return null;
}

/**
 * Cleans one message. `html: true` converts markup first (offsets then index the html→text output,
 * returned as `source`). Never throws; an input that is all history gives an empty `text`.
 */
export function cleanMessage(input: string, opts: { html?: boolean } = {}): Cleaned {
  let totalChars = typeof input === 'string' ? input.length : 0;
  let raw = typeof input === 'string' ? input : '';
  let cut = false;
  if (opts.html) {
    if (raw.length > MAX_HTML_CHARS) {
      raw = raw.slice(0, MAX_HTML_CHARS);
      cut = true;
    }
    raw = htmlToText(raw);
  }
  const source = raw;
  const removed: Cleaned['removed'] = [];

  // Lines are read lazily so a 1 MB paste stops being scanned once enough has been kept.
  const lines: Line[] = [];
  let pos = 0;
  const readLine = (k: number): Line | undefined => {
    while (lines.length <= k && pos < source.length) {
      const nl = source.indexOf('\n', pos);
      const end = nl === -1 ? source.length : nl + 1;
      let textEnd = nl === -1 ? source.length : nl;
      if (textEnd > pos && source.charCodeAt(textEnd - 1) === 13) textEnd--;
      // A pathological single line is cut at a safe length for the line rules.
      lines.push({ start: pos, textEnd, end, text: source.slice(pos, Math.min(textEnd, pos + 4000)) });
      pos = end;
    }
    return lines[k];
  };

  const kept: Line[] = [];
  let keptChars = 0;
  let stoppedEarly = false;
  for (let i = 0; ; i++) {
    const line = readLine(i);
    if (!line) break;
    if (keptChars > MAX_SCORED_CHARS || line.start > MAX_SCAN_CHARS) {
      stoppedEarly = true;
      break;
    }
    // Most lines are plain prose: one cheap look at how the line starts rules them out.
    if (!MAYBE_MARKER.test(line.text)) {
      kept.push(line);
      keptChars += line.end - line.start;
      continue;
    }
    if (historyStartsAt(lines, i, readLine)) {
      removed.push({ kind: 'quoted-history', start: line.start, end: source.length });
      break;
    }
    const ends = endsMessage(line.text);
    if (ends) {
      removed.push({ kind: ends, start: line.start, end: source.length });
      break;
    }
    if (QUOTED.test(line.text)) {
      const last = removed[removed.length - 1];
      if (last && last.kind === 'quoted-line' && last.end === line.start) last.end = line.end;
      else removed.push({ kind: 'quoted-line', start: line.start, end: line.end });
      continue;
    }
    kept.push(line);
    keptChars += line.end - line.start;
  }

  // Sign-off block at the end: a valediction followed only by a few short lines (name, title, phone).
  let signOff: Cleaned['signOff'];
  if (!stoppedEarly) {
    let nonBlankAfter = 0;
    for (let k = kept.length - 1; k >= 0; k--) {
      const t = kept[k]!.text.trim();
      if (t === '') continue;
      const hasContentBefore = kept.slice(0, k).some((l) => l.text.trim() !== '');
      if (!hasContentBefore) break;
      const isLast = nonBlankAfter === 0;
      if (isValediction(t) || (isLast && DASH_NAME.test(t))) {
        let end = kept[kept.length - 1]!.end;
        while (end > kept[k]!.start && /\s/.test(source[end - 1]!)) end--;
        signOff = { start: kept[k]!.start, end };
        removed.push({ kind: 'sign-off', start: signOff.start, end: signOff.end });
        kept.length = k;
        break;
      }
      nonBlankAfter++;
      if (nonBlankAfter > 6 || t.length > 80 || /[?]$/.test(t)) break;
    }
  }

  // Join kept lines into segments (adjacent lines merge), then trim surrounding whitespace.
  const pieces: { start: number; end: number }[] = [];
  for (const l of kept) {
    const last = pieces[pieces.length - 1];
    if (last && last.end === l.start) last.end = l.end;
    else pieces.push({ start: l.start, end: l.end });
  }
  while (pieces.length) {
    const p = pieces[0]!;
    while (p.start < p.end && /\s/.test(source[p.start]!)) p.start++;
    if (p.start < p.end) break;
    pieces.shift();
  }
  while (pieces.length) {
    const p = pieces[pieces.length - 1]!;
    while (p.end > p.start && /\s/.test(source[p.end - 1]!)) p.end--;
    if (p.end > p.start) break;
    pieces.pop();
  }

  // Truncate to MAX_SCORED_CHARS, at a word boundary when one is near.
  let total = pieces.reduce((s, p) => s + (p.end - p.start), 0);
  if (total > MAX_SCORED_CHARS || stoppedEarly) {
    cut = true;
    let budget = MAX_SCORED_CHARS;
    const out: typeof pieces = [];
    for (const p of pieces) {
      if (budget <= 0) break;
      const len = p.end - p.start;
      if (len <= budget) {
        out.push(p);
        budget -= len;
        continue;
      }
      let end = p.start + budget;
      const back = source.slice(Math.max(p.start, end - 200), end).search(/\s\S*$/);
      if (back > 0) end = Math.max(p.start, end - 200) + back;
      out.push({ start: p.start, end });
      budget = 0;
    }
    pieces.length = 0;
    pieces.push(...out);
    total = pieces.reduce((s, p) => s + (p.end - p.start), 0);
  }

  const segments: Segment[] = [];
  let at = 0;
  const parts: string[] = [];
  for (const p of pieces) {
    segments.push({ at, start: p.start, end: p.end });
    parts.push(source.slice(p.start, p.end));
    at += p.end - p.start;
  }
  const text = parts.join('');
  if (!opts.html) totalChars = source.length;
  return {
    text,
    source,
    segments,
    removed,
    ...(signOff ? { signOff } : {}),
    ...(cut ? { truncated: { keptChars: text.length, totalChars } } : {}),
  };
}

/** Maps an offset in the cleaned text to the source (an end offset maps to just after its char). */
export function toSource(c: Cleaned, i: number, isEnd = false): number {
  const segs = c.segments;
  if (segs.length === 0) return 0;
  let lo = 0;
  let hi = segs.length - 1;
  const key = isEnd ? i - 1 : i;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (segs[mid]!.at <= key) lo = mid;
    else hi = mid - 1;
  }
  const s = segs[lo]!;
  const off = Math.max(0, key - s.at);
  return isEnd ? Math.min(s.end, s.start + off + 1) : Math.min(s.end, s.start + off);
}

/** Maps a span of the cleaned text to the source. */
export function spanToSource(c: Cleaned, start: number, end: number): { start: number; end: number } {
  if (end <= start) {
    const s = toSource(c, start);
    return { start: s, end: s };
  }
  return { start: toSource(c, start), end: toSource(c, end, true) };
}
