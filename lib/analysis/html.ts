// HTML → plain text without a DOM (the background service worker has none, and DOMParser would run
// the host page's markup through a full parser for what is a few hundred words).
//
// A small single-pass tokenizer: tags, comments, raw-text elements (script/style dropped), entities.
// Block elements become newlines so the quote/signature rules in clean.ts can work line by line.
// Quoted history and signatures that mail clients mark up are dropped here, where the markup still
// says what they are: Gmail's `.gmail_quote` and `.gmail_signature`, any `<blockquote>`, Outlook's
// `#divRplyFwdMsg` header, Apple Mail's `type="cite"`.
//
// Offsets of an analysis of HTML input point into THIS function's output, not into the HTML.

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav',
  'ol', 'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'center',
]);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'template', 'noscript', 'textarea', 'title', 'head']);
const CELL = new Set(['td', 'th']);
const TAG = /^<(\/?)([A-Za-z][A-Za-z0-9:-]*)([^>]*)>$/;

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  ndash: '–', mdash: '—', hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”',
  bdquo: '„', laquo: '«', raquo: '»', copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', yen: '¥',
  cent: '¢', deg: '°', middot: '·', bull: '•', times: '×', divide: '÷', shy: '', zwnj: '', zwj: '',
  eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ',
  ccedil: 'ç', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß', Eacute: 'É',
};

/** Decodes character references (`&amp;`, `&#39;`, `&#x1F600;`); unknown names are left as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\uFFFD';
      return code === 0xa0 ? ' ' : String.fromCodePoint(code);
    }
    const v = NAMED[ref];
    return v === undefined ? whole : v;
  });
}

/** Elements whose whole subtree is quoted history or a signature. */
function dropsSubtree(name: string, attrs: string): boolean {
  if (name === 'blockquote') return true;
  if (!attrs) return false;
  return (
    /\bclass\s*=\s*["']?[^"'>]*\b(gmail_quote|gmail_signature|gmail_extra|moz-cite-prefix|yahoo_quoted|zd-quoted|quote)\b/i.test(attrs) ||
    /\bdata-smartmail\s*=\s*["']?gmail_signature/i.test(attrs) ||
    /\bid\s*=\s*["']?(divRplyFwdMsg|appendonsend|Signature)\b/i.test(attrs) ||
    /\btype\s*=\s*["']?cite\b/i.test(attrs)
  );
}

/**
 * Converts an HTML fragment or page to text. Whitespace runs collapse to one space (as a browser
 * renders them); block boundaries give one newline, `<p>`/headings a blank line. Never throws.
 */
export function htmlToText(html: string): string {
  const out: string[] = [];
  let pendingBreak = 0; // newlines owed before the next text (max 2)
  let lastWasSpace = true;
  let dropDepth = 0; // > 0 while inside a dropped subtree
  const dropStack: string[] = []; // names of open elements inside a dropped subtree (for matching)
  const n = html.length;
  let i = 0;
  let nextGt = -1;

  const emitText = (raw: string) => {
    if (dropDepth > 0) return;
    const text = decodeEntities(raw).replace(/[\s\u00a0]+/g, ' ');
    if (text === '' || text === ' ') {
      if (text === ' ' && !lastWasSpace && pendingBreak === 0) {
        out.push(' ');
        lastWasSpace = true;
      }
      return;
    }
    let t = text;
    if (pendingBreak > 0 && out.length > 0) {
      // trim the space that ended the previous block
      if (out[out.length - 1] === ' ') out.pop();
      out.push(pendingBreak >= 2 ? '\n\n' : '\n');
      t = t.replace(/^ /, '');
      lastWasSpace = true;
    } else if (lastWasSpace) t = t.replace(/^ /, '');
    pendingBreak = 0;
    if (t === '') return;
    out.push(t);
    lastWasSpace = t.endsWith(' ');
  };
  const brk = (k: number) => {
    if (dropDepth > 0) return;
    if (out.length === 0) return;
    pendingBreak = Math.max(pendingBreak, k);
  };

  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      emitText(html.slice(i));
      break;
    }
    if (lt > i) emitText(html.slice(i, lt));
    // comment / doctype / processing instruction
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    // A tag runs to the next '>' (a '>' inside a quoted attribute value is rare enough in mail to
    // ignore). `nextGt` is cached so soup full of stray '<' stays linear.
    if (nextGt < lt) {
      nextGt = html.indexOf('>', lt);
      if (nextGt === -1) nextGt = n; // no '>' left: every further '<' is text
    }
    const m = nextGt === n || nextGt - lt > 4096 ? null : TAG.exec(html.slice(lt, nextGt + 1));
    if (!m) {
      if (html[lt + 1] === '!' || html[lt + 1] === '?') {
        i = Math.min(n, nextGt + 1);
        continue;
      }
      // a lone '<' is text ("a < b"), up to the next '<'
      const next = html.indexOf('<', lt + 1);
      emitText(html.slice(lt, next === -1 ? n : next));
      i = next === -1 ? n : next;
      continue;
    }
    i = nextGt + 1;
    const closing = m[1] === '/';
    const name = m[2]!.toLowerCase();
    const attrs = m[3] ?? '';
    const selfClosing = /\/\s*$/.test(attrs);

    if (!closing && RAW_TEXT.has(name) && !selfClosing) {
      const closeRe = new RegExp('</' + name + '\\b[^>]*>', 'gi');
      closeRe.lastIndex = i;
      const close = closeRe.exec(html);
      i = close ? close.index + close[0].length : n;
      continue;
    }

    if (dropDepth > 0) {
      if (VOID.has(name) || selfClosing) continue;
      if (!closing) {
        dropStack.push(name);
        dropDepth++;
      } else {
        // close up to the matching open element (tolerates unclosed <p>, <li>)
        const at = dropStack.lastIndexOf(name);
        if (at !== -1) {
          dropDepth -= dropStack.length - at;
          dropStack.length = at;
        }
      }
      continue;
    }

    if (!closing && !VOID.has(name) && !selfClosing && dropsSubtree(name, attrs)) {
      brk(1);
      dropDepth = 1;
      dropStack.push(name);
      continue;
    }

    if (BLOCK.has(name)) {
      const para = name === 'p' || /^h[1-6]$/.test(name) || name === 'table' || name === 'ul' || name === 'ol';
      if (name === 'br') {
        // <br> is a hard line break even between two breaks
        if (out.length > 0) {
          if (out[out.length - 1] === ' ') out.pop();
          if (pendingBreak > 0) out.push(pendingBreak >= 2 ? '\n\n' : '\n');
          pendingBreak = 1;
          lastWasSpace = true;
        }
      } else brk(para ? 2 : 1);
    } else if (CELL.has(name) && closing) {
      emitText(' ');
    }
  }
  return out.join('').replace(/[ \t]+$/gm, '').replace(/\n{3,}/g, '\n\n').trim();
}
