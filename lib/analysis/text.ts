// One cheap pass over the cleaned text: sentences and word tokens with offsets. Everything after
// (lexicon, word features, signal guards) reads these instead of re-splitting the text.

export interface Token {
  /** As written. */
  raw: string;
  /** Lower case, curly apostrophes straightened and dropped ("Don’t" → "dont"); digits → "<num>". */
  norm: string;
  start: number;
  end: number;
  sentence: number;
  /** Written in capitals (two or more letters, no lower case). */
  caps: boolean;
  /** Set by the lexicon when a negation governs this (valenced) word: "not … helpful". */
  negated?: boolean;
}

export interface Sentence {
  start: number;
  end: number;
}

// Words: letters/digits with inner apostrophes. Spans that are not words become one placeholder
// token each: URLs "<url>", e-mail addresses "<email>", @handles "@user" (the handle itself says
// nothing about the writer's mood). Masked names in GoEmotions ("[NAME]") and character references
// left in tweets ("&amp;") are dropped. The pass runs only when the text has one of their marks.
// Emoji and the marks !, ?, … are tokens too: "😡" and "!!!" say as much as a word.
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)*|\p{Extended_Pictographic}|!+|\?+|\.{3,}|…/gu;
const WORD_ASCII = /[A-Za-z0-9]+(?:['’][A-Za-z]+)*|!+|\?+|\.{3,}/g;
const SKIP = /https?:\/\/\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+|@\w+|\[[A-Z]+\]|&#?\w+;/g;
const HAS_SKIP_MARK = /[@&[]|https?:|www\./;
// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/** Sentence ends: . ! ? … (runs), or a line break. */
const SENTENCE_END = /[.!?…]+["')\]]*(?=\s|$)|\n+/g;
/** A line at least this long that ends without punctuation was wrapped by the mail client, and its
 * line break is a space, not a sentence end. */
const SOFT_WRAP_MIN = 40;

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(text))) {
    const end = m.index + m[0].length;
    if (m[0] === '\n' && isSoftWrap(text, m.index)) continue;
    pushTrimmed(text, start, end, out);
    start = end;
  }
  pushTrimmed(text, start, text.length, out);
  return out;
}

function isSoftWrap(text: string, nl: number): boolean {
  const lineStart = text.lastIndexOf('\n', nl - 1) + 1;
  if (nl - lineStart < SOFT_WRAP_MIN) return false;
  const before = text.charCodeAt(nl - 1 - (text.charCodeAt(nl - 1) === 13 ? 1 : 0));
  // ends in a letter, digit or comma: the sentence goes on
  return (before >= 97 && before <= 122) || (before >= 65 && before <= 90) || (before >= 48 && before <= 57) || before === 44;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}

function pushTrimmed(text: string, s: number, e: number, out: Sentence[]) {
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  if (e > s) out.push({ start: s, end: e });
}

export function normalizeWord(raw: string): string {
  const c0 = raw.charCodeAt(0);
  if (c0 === 33) return '!';
  if (c0 === 63) return '?';
  if (c0 === 46 || c0 === 0x2026) return '...';
  const lower = raw.toLowerCase();
  const c = lower.charCodeAt(0);
  if (c >= 48 && c <= 57 && /^[0-9]+$/.test(lower)) return '<num>';
  if (lower.indexOf("'") === -1 && lower.indexOf('’') === -1) return collapseRepeats(lower);
  // "don't" → "dont", but "I'll", "we'd", "he'll", "we're" keep the apostrophe: without it they
  // collide with "ill", "wed", "hell", "were".
  if (/['’](?:ll|d|re)$/.test(lower)) return lower.replace(/’/g, "'");
  return lower.replace(/['’]/g, '');
}

/** Two or more letters, none lower case ("NOT", "WTF"); the common case is decided by two chars. */
function isCaps(raw: string): boolean {
  if (raw.length < 2) return false;
  const c = raw.charCodeAt(1);
  if (c >= 97 && c <= 122) return false;
  const c0 = raw.charCodeAt(0);
  if (c0 >= 97 && c0 <= 122) return false;
  return raw === raw.toUpperCase() && raw !== raw.toLowerCase();
}

/** "soooo" → "soo", "daaaamn" → "daamn": one form for every stretched spelling. */
function collapseRepeats(w: string): string {
  if (w.length <= 3) return w;
  for (let i = 2; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c === w.charCodeAt(i - 1) && c === w.charCodeAt(i - 2)) return w.replace(/(.)\1{2,}/g, '$1$1');
  }
  return w;
}

/** Tokens of `text`, each tagged with the index of its sentence in `sentences`. */
export function tokenize(text: string, sentences: Sentence[]): Token[] {
  const out: Token[] = [];
  const skips: number[] = []; // [start, end, start, end, ...]
  const placeholders: Token[] = [];
  if (HAS_SKIP_MARK.test(text)) {
    SKIP.lastIndex = 0;
    let k: RegExpExecArray | null;
    while ((k = SKIP.exec(text))) {
      const start = k.index;
      const end = start + k[0].length;
      skips.push(start, end);
      const c = k[0][0];
      const norm = c === '@' ? '@user' : c === '[' || c === '&' ? '' : k[0].includes('@') && !/^(?:https?:|www\.)/i.test(k[0]) ? '<email>' : '<url>';
      if (norm) placeholders.push({ raw: k[0], norm, start, end, sentence: 0, caps: false, negated: false });
    }
  }
  const re = NON_ASCII.test(text) ? WORD : WORD_ASCII;
  let si = 0;
  let sk = 0;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    while (sk < skips.length && skips[sk + 1]! <= start) sk += 2;
    if (sk < skips.length && skips[sk]! < end && start < skips[sk + 1]!) continue;
    while (placeholders.length && placeholders[0]!.start < start) out.push(withSentence(placeholders.shift()!, sentences));
    while (si < sentences.length - 1 && sentences[si]!.end <= start) si++;
    out.push({ raw, norm: normalizeWord(raw), start, end, sentence: si, caps: isCaps(raw), negated: false });
  }
  for (const p of placeholders) out.push(withSentence(p, sentences));
  return out;
}

function withSentence(t: Token, sentences: Sentence[]): Token {
  let si = 0;
  while (si < sentences.length - 1 && sentences[si]!.end <= t.start) si++;
  t.sentence = si;
  return t;
}

/** Where a window reaching at most `max` characters back from `at` starts: 0 when `at` is that close
 * to the start, else just after the first space in reach, so the window starts on a whole word. (A
 * run-on "sentence", a pasted log, must not hand the grammar thousands of words.) */
export function windowStart(text: string, at: number, max: number): number {
  if (at <= max) return 0;
  const space = text.indexOf(' ', at - max);
  return space !== -1 && space < at ? space + 1 : at - max;
}
