// Plain text of a message or draft as a reader sees it: block elements and <br> become line
// breaks, runs of whitespace collapse, quoted history is left out. Works on a clone, so the host
// page is never touched. (innerText would do most of this, but it forces a layout and is not
// available in every test DOM.)

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

export function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = el.getAttribute('style') ?? '';
  return /display\s*:\s*none/i.test(style);
}

export function toPlainText(source: Element, options: TextOptions = {}): string {
  const root = source.cloneNode(true) as Element;
  for (const sel of options.drop ?? []) root.querySelectorAll(sel).forEach((el) => el.remove());
  for (const sel of options.cutFrom ?? []) {
    const start = root.querySelector(sel);
    if (start) cutFrom(root, start);
  }

  let text = '';
  /** Makes the text end with at least `n` line breaks (never at the very start). */
  const breaks = (n: number) => {
    if (!text) return;
    text = text.replace(/[ \t]+$/, '');
    const have = /\n*$/.exec(text)![0].length;
    if (have < n) text += '\n'.repeat(n - have);
  };
  let pre = 0;

  const visit = (node: Node) => {
    if (node.nodeType === 3 /* TEXT_NODE */) {
      let t = (node.nodeValue ?? '').replace(/\u00a0/g, ' ');
      if (!pre) {
        t = t.replace(/[\t\n\r ]+/g, ' ');
        if (!text || /[\n ]$/.test(text)) t = t.replace(/^ /, '');
      }
      text += t;
      return;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || isHidden(el)) return;
    if (tag === 'BR') {
      text = text.replace(/[ \t]+$/, '') + '\n';
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

  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/g, '').replace(/^[ \t]+/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
