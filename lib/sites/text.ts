// Plain text of a message or draft as a reader sees it: block elements and <br> become line
// breaks, runs of whitespace collapse, quoted history is left out. Works on an inert copy, so the
// host page is never touched and nothing in it is loaded again. (innerText would do most of this,
// but it forces a layout and is not available in every test DOM.)

export interface TextOptions {
  /** Remove every element these selectors match (quoted history, our own badge). */
  drop?: readonly string[];
  /** Remove the first element these match AND everything after it (Outlook-style history with no wrapper). */
  cutFrom?: readonly string[];
}

/** Elements that start a new line in the text a reader sees. */
export const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'TABLE', 'TBODY', 'TD', 'TH', 'THEAD', 'TR', 'UL',
]);
const PARAGRAPH = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'TABLE', 'PRE']);
/** Elements whose text is never part of a message or draft. */
export const SKIP = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE', 'BUTTON', 'INPUT', 'SELECT', 'TEXTAREA', 'DEFUSE-BADGE']);

/** Removes `start` and every node after it inside `root` (document order). */
function cutFrom(root: Element, start: Element): void {
  let node: Node | null = start;
  while (node && node !== root) {
    while (node.nextSibling) node.nextSibling.remove();
    const parent: Node | null = node.parentNode;
    if (node === start) start.remove();
    node = parent;
  }
}

/**
 * Hidden by its own attributes: `hidden`, or an inline style that hides it and everything in it —
 * the ways HTML mail hides a preheader ("display:none; visibility:hidden; opacity:0; max-height:0;
 * overflow:hidden; mso-hide:all"), which the reader never sees. Not `font-size:0`: mail layouts set it
 * on containers whose children set their own size.
 */
export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style');
  if (!style) return false;
  if (/(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|opacity\s*:\s*0(?:\.0*)?\s*(?:!important\s*)?(?:;|$)|mso-hide\s*:\s*all)/i.test(style)) return true;
  return /(?:^|;)\s*max-height\s*:\s*0(?:px)?\s*(?:!important\s*)?(?:;|$)/i.test(style) && /(?:^|;)\s*overflow\s*:\s*hidden/i.test(style);
}

/** One inert document per host document: nodes copied into it load nothing. */
const inertDocs = new WeakMap<Document, Document>();

/**
 * A copy of `source` owned by a document with no browsing context. A copy made in the host page's
 * own document (cloneNode) is live: Chromium fetches its images again when their first load failed
 * (a broken or expired image in a customer's mail), once per read, so Defuse would make requests
 * (and tell a tracking pixel the message was read again) every time the page changed.
 */
function inertCopy(source: Element): Element {
  const owner = source.ownerDocument;
  let inert = inertDocs.get(owner);
  if (!inert) {
    inert = owner.implementation.createHTMLDocument('');
    inertDocs.set(owner, inert);
  }
  return inert.importNode(source, true);
}

export function toPlainText(source: Element, options: TextOptions = {}): string {
  const root = inertCopy(source);
  for (const sel of options.drop ?? []) root.querySelectorAll(sel).forEach((el) => el.remove());
  for (const sel of options.cutFrom ?? []) {
    const start = root.querySelector(sel);
    if (start) cutFrom(root, start);
  }

  // The text so far, as pieces of which only the end is ever looked at: a long message is read in
  // linear time. (Regexes anchored at the end of one growing string made it quadratic: about a second
  // per read of a 150 KB mail, on every change of the host page.)
  const out: string[] = [];
  /** The last character so far ('' at the start). Pieces are never empty. */
  const lastChar = (): string => {
    const last = out[out.length - 1];
    return last ? last[last.length - 1]! : '';
  };
  /** Drops spaces and tabs at the end. */
  const trimEnd = () => {
    while (out.length) {
      const last = out[out.length - 1]!;
      let end = last.length;
      while (end > 0 && (last[end - 1] === ' ' || last[end - 1] === '\t')) end--;
      if (end > 0) {
        if (end < last.length) out[out.length - 1] = last.slice(0, end);
        return;
      }
      out.pop();
    }
  };
  /** How many line breaks the text ends with, counting no further than `max`. */
  const endingBreaks = (max: number): number => {
    let have = 0;
    for (let i = out.length - 1; i >= 0; i--) {
      const piece = out[i]!;
      for (let j = piece.length - 1; j >= 0; j--) {
        if (piece[j] !== '\n' || have >= max) return have;
        have++;
      }
    }
    return have;
  };
  /** Makes the text end with at least `n` line breaks (never at the very start). */
  const breaks = (n: number) => {
    if (!out.length) return;
    trimEnd();
    const have = endingBreaks(n);
    if (have < n) out.push('\n'.repeat(n - have));
  };
  let pre = 0;

  const visit = (node: Node) => {
    if (node.nodeType === 3 /* TEXT_NODE */) {
      let t = (node.nodeValue ?? '').replace(/\u00a0/g, ' ');
      if (!pre) {
        t = t.replace(/[\t\n\r ]+/g, ' ');
        const last = lastChar();
        if (!last || last === '\n' || last === ' ') t = t.replace(/^ /, '');
      }
      if (t) out.push(t);
      return;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || isHidden(el)) return;
    if (tag === 'BR') {
      trimEnd();
      out.push('\n');
      return;
    }
    const block = BLOCK.has(tag);
    if (block) breaks(1);
    if (tag === 'PRE') pre++;
    el.childNodes.forEach(visit);
    if (tag === 'PRE') pre--;
    if (block) breaks(PARAGRAPH.has(tag) ? 2 : 1);
  };
  root.childNodes.forEach(visit);

  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/g, '').replace(/^[ \t]+/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
