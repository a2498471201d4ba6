// Putting text into a host editor the way typing would. The host's editor must see the edit as
// input (its model updated, undo works, its draft saved), so the text goes in through
// `document.execCommand('insertText')` (sites.md, "Putting text into the host's editor"): the
// browser's own edit, on its undo stack, followed by an `input` event (Chrome fires no beforeinput
// for it). CKEditor 5 is the exception: it goes through its own command (ckeditor-bridge.ts).
import { requestCkeditorInsert } from './ckeditor-bridge';
import type { InsertOptions, InsertResult } from './types';

export const NO_REPLY_BOX = 'No reply box is open. Click Reply first, then try again.';
export const INSERT_FAILED = "The reply box didn't accept the text. Click into it and try again, or copy the text instead.";
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
