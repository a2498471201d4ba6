// Putting text into a host editor the way typing would. The host's editor must see the edit as
// input (its model updated, undo works, its draft saved), so the text goes in through
// `document.execCommand('insertText')` (sites.md, "Putting text into the host's editor"): the
// browser's own edit, on its undo stack, followed by an `input` event (Chrome fires no beforeinput
// for it). CKEditor 5 is the exception: it goes through its own command (ckeditor-bridge.ts).
import { requestCkeditorInsert } from './ckeditor-bridge';
import { BLOCK, isHidden, SKIP } from './text';
import type { InsertOptions, InsertResult } from './types';

export const NO_REPLY_BOX = 'No reply box is open. Click Reply first, then try again.';
export const INSERT_FAILED = "The reply box didn't accept the text. Click into it and try again, or copy the text instead.";
/** When inserting or replacing threw (the adapter and the content script both answer with these). */
export const INSERT_THREW = "Defuse couldn't insert the text. Copy it instead.";
export const REPLACE_THREW = "Defuse couldn't change your reply. Copy the rewrite instead.";
export const EDITOR_UNREACHABLE = "Defuse couldn't reach the reply editor. Reload the page and try again, or copy the text instead.";

export function isCkeditor(box: Element): boolean {
  return box.classList.contains('ck-editor__editable') || box.closest('.ck-editor') !== null;
}

function selectionIn(box: HTMLElement): Range | null {
  const sel = box.ownerDocument.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  return box.contains(range.startContainer) && box.contains(range.endContainer) ? range.cloneRange() : null;
}

function usable(range: Range | null | undefined, box: HTMLElement): range is Range {
  return !!range && range.startContainer.isConnected && box.contains(range.startContainer) && box.contains(range.endContainer);
}

/**
 * Where a rep would start typing when the caret is not in the box: at the end of what they wrote,
 * before the signature and any quoted history Gmail put in the box; in an empty box, its first line.
 */
export function defaultCaret(box: HTMLElement, stopAt: readonly string[] = []): Range {
  const doc = box.ownerDocument;
  const range = doc.createRange();
  const stop = stopAt.length ? box.querySelector(stopAt.join(', ')) : null;
  // Walk back to the last text position before the stop element (or the end of the box).
  const walker = doc.createTreeWalker(box, 4 /* NodeFilter.SHOW_TEXT */);
  let last: Text | null = null;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (stop && (stop.contains(n) || (stop.compareDocumentPosition(n) & 4) /* FOLLOWING */)) break;
    if ((n.nodeValue ?? '').trim()) last = n as Text;
  }
  if (last) range.setStart(last, last.length);
  else {
    // Nothing typed yet: the first line, inside its block when there is one (CKEditor's
    // `<p><br data-cke-filler></p>`), before Gmail's placeholder `<br>` otherwise.
    const first = box.firstElementChild;
    if (first && first !== stop && /^(P|DIV)$/i.test(first.tagName) && !first.textContent?.trim()) range.setStart(first, 0);
    else range.setStart(box, 0);
  }
  range.collapse(true);
  return range;
}

/** How long an editor gets to take back an edit it does not accept. */
const STICK_MS = 60;

/** Is (the first line of) `text` still in the box? */
function stuck(box: HTMLElement, text: string): boolean {
  const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
  const first = squash(text.split(/\r?\n/).find((line) => line.trim()) ?? '');
  return squash(box.textContent ?? '').includes(first);
}

/** Last-resort insertion for plain contenteditables: DOM edit plus the input event an editor listens for. */
function domInsert(box: HTMLElement, range: Range, text: string): void {
  const doc = box.ownerDocument;
  range.deleteContents();
  const frag = doc.createDocumentFragment();
  text.split(/\r?\n/).forEach((line, i) => {
    if (i > 0) frag.append(doc.createElement('br'));
    if (line) frag.append(doc.createTextNode(line));
  });
  const lastNode = frag.lastChild;
  range.insertNode(frag);
  if (lastNode) {
    const after = doc.createRange();
    after.setStartAfter(lastNode);
    after.collapse(true);
    const sel = doc.getSelection();
    sel?.removeAllRanges();
    sel?.addRange(after);
  }
  const View = doc.defaultView;
  const InputEv = View?.InputEvent ?? InputEvent;
  box.dispatchEvent(new InputEv('input', { bubbles: true, inputType: 'insertText', data: text }));
}

const isWhite = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0';

/** The block (paragraph, list item, the box itself) the caret is in. */
function blockOf(node: Node, box: HTMLElement): Node {
  for (let n: Node | null = node; n && n !== box; n = n.parentNode) {
    if (n.nodeType === 1 && BLOCK.has((n as Element).tagName)) return n;
  }
  return box;
}

/**
 * `text` with a space added where it would otherwise run into the words around a collapsed caret:
 * "…put it right." + "I'd be sorry…" becomes "…put it right. I'd be sorry…". Nothing is added at
 * the start or end of a line, next to a space, or before punctuation.
 */
export function spacedForCaret(range: Range, box: HTMLElement, text: string): string {
  if (!range.collapsed) return text;
  const doc = box.ownerDocument;
  const block = blockOf(range.startContainer, box);
  const before = doc.createRange();
  before.selectNodeContents(block);
  before.setEnd(range.startContainer, range.startOffset);
  const after = doc.createRange();
  after.selectNodeContents(block);
  after.setStart(range.startContainer, range.startOffset);
  const prev = before.toString().slice(-1);
  const next = after.toString().charAt(0);
  let out = text;
  if (prev && !isWhite(prev) && !isWhite(out.charAt(0)) && !/^[.,;:!?)]/.test(out)) out = ' ' + out;
  if (next && !isWhite(next) && !isWhite(out.charAt(out.length - 1)) && !/^[.,;:!?)]/.test(next)) out += ' ';
  return out;
}

export interface InsertTextOptions extends InsertOptions {
  /** Selectors inside the box before which the default caret goes (signature, quoted history). */
  stopAt?: readonly string[];
}

/**
 * Focus the box, restore or place the caret (the current one if it is inside the box, else the one
 * the rep last had there, else the default position), then insert as typing would: CKEditor through
 * its own command via the page-world bridge (else execCommand, reported only if the editor kept it);
 * other boxes through execCommand, else a DOM edit followed by an input event.
 */
export async function insertText(box: HTMLElement, text: string, options: InsertTextOptions = {}): Promise<InsertResult> {
  const doc = box.ownerDocument;
  if (!text) return { ok: true };
  const current = selectionIn(box);
  box.focus({ preventScroll: true });
  const range = current ?? (usable(options.caret, box) ? options.caret.cloneRange() : defaultCaret(box, options.stopAt));
  const sel = doc.getSelection();
  if (!sel) return { ok: false, error: INSERT_FAILED };
  sel.removeAllRanges();
  sel.addRange(range);
  text = spacedForCaret(range, box, text);

  const ckeditor = isCkeditor(box);
  if (ckeditor && requestCkeditorInsert(box, text)) return { ok: true, method: 'ckeditor-bridge' };

  const before = box.innerHTML;
  const exec = (doc as Document & { execCommand?: Document['execCommand'] }).execCommand;
  let accepted = false;
  if (typeof exec === 'function') {
    try {
      accepted = exec.call(doc, 'insertText', false, text) === true;
    } catch {
      accepted = false;
    }
  }
  if (ckeditor) {
    // No bridge answered (no editor instance in reach). CKEditor 5 reverts DOM edits it did not make,
    // execCommand's included (seen in Chromium with CKEditor 5 v44), so only report what stuck.
    if (box.innerHTML === before) return { ok: false, error: EDITOR_UNREACHABLE };
    await new Promise((resolve) => setTimeout(resolve, STICK_MS));
    return stuck(box, text) ? { ok: true, method: 'execCommand' } : { ok: false, error: EDITOR_UNREACHABLE };
  }
  if (box.innerHTML !== before) return { ok: true, method: 'execCommand' };
  if (accepted) return { ok: true, method: 'execCommand' };
  const again = selectionIn(box) ?? range;
  domInsert(box, again, text);
  return { ok: true, method: 'dom-fallback' };
}

export const REWRITE_NOT_FOUND = 'Those words are no longer in your reply, so nothing was changed.';

/**
 * The live DOM range of the `occurrence`-th (0-based) appearance of `needle` in the box's text, read
 * the way the draft text is (toPlainText's rules: whitespace runs as one space, line breaks between
 * blocks, hidden elements and those `skip` matches left out), or null when it is not there. A needle never matches across a line break.
 */
export function findTextRange(box: HTMLElement, needle: string, occurrence = 0, skip: readonly string[] = []): Range | null {
  const want = needle.replace(/[\s\u00a0]+/g, ' ').trim();
  if (!want || /\n/.test(needle.trim())) return null;
  // The flat text, and for each of its characters the text node and offset it came from (-1: a break).
  let flat = '';
  const nodes: (Text | null)[] = [];
  const offsets: number[] = [];
  const skipSel = skip.join(', ');
  // The last character pushed, kept aside: testing the end of the growing `flat` for every space
  // made a long draft quadratic.
  let lastPushed = '';
  const push = (c: string, node: Text | null, offset: number) => {
    flat += c;
    lastPushed = c;
    nodes.push(node);
    offsets.push(offset);
  };
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      for (let i = 0; i < text.length; i++) {
        const c = text[i]!;
        if (isWhite(c)) {
          if (lastPushed !== '' && lastPushed !== ' ' && lastPushed !== '\n') push(' ', node as Text, i);
        } else push(c, node as Text, i);
      }
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || isHidden(el) || (skipSel && el.matches(skipSel))) return;
    if (tag === 'BR') return void push('\n', null, -1);
    const block = BLOCK.has(tag);
    if (block) push('\n', null, -1);
    el.childNodes.forEach(visit);
    if (block) push('\n', null, -1);
  };
  box.childNodes.forEach(visit);

  // non-overlapping, as the panel counts them
  let at = flat.indexOf(want);
  for (let k = 0; k < occurrence && at !== -1; k++) at = flat.indexOf(want, at + want.length);
  if (at < 0) return null;
  const first = nodes[at];
  const last = nodes[at + want.length - 1];
  if (!first || !last) return null;
  const range = box.ownerDocument.createRange();
  range.setStart(first, offsets[at]!);
  range.setEnd(last, offsets[at + want.length - 1]! + 1);
  return range;
}

/**
 * Replaces the `occurrence`-th appearance of `find` in the box with `replacement`, as typing over a
 * selection would (one edit the host's editor sees; CKEditor through its own command).
 */
export async function replaceText(
  box: HTMLElement,
  find: string,
  replacement: string,
  options: { occurrence?: number; skip?: readonly string[]; stopAt?: readonly string[] } = {},
): Promise<InsertResult> {
  const range = findTextRange(box, find, options.occurrence ?? 0, options.skip);
  if (!range) return { ok: false, error: REWRITE_NOT_FOUND };
  box.focus({ preventScroll: true });
  const sel = box.ownerDocument.getSelection();
  if (!sel) return { ok: false, error: INSERT_FAILED };
  sel.removeAllRanges();
  sel.addRange(range);
  return insertText(box, replacement, { caret: range, stopAt: options.stopAt });
}
