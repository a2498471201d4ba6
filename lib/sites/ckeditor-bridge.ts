// CKEditor 5 keeps its model in the page's JavaScript world (`element.ckeditorInstance`), which a
// content script cannot see. Chrome's execCommand('insertText') fires no beforeinput, only input,
// so CKEditor sees a bare DOM mutation it may not take into its model. So for a CKEditor box the
// content script first dispatches a cancelable CustomEvent on the editable; a tiny script running in
// the page's world (entrypoints/ckeditor-bridge.content.ts) moves the editor's selection to the DOM
// caret the content script placed, runs the editor's own `insertText` command (one undo step, the
// editor's draft autosave sees it) and cancels the event to say "done". It holds no data and
// answers nothing else.

/** Dispatched on the editable element; `detail` is the text. Cancelled by the bridge when it inserted. */
export const CKEDITOR_INSERT_EVENT = 'defuse:ckeditor-insert';

interface CkEditorLike {
  execute(command: string, options?: unknown): unknown;
  commands?: { get(name: string): unknown };
  model?: { change(cb: (writer: { setSelection(range: unknown): void }) => void): void };
  editing?: {
    view?: { focus(): void; domConverter?: { domRangeToView(range: Range): unknown } };
    mapper?: { toModelRange(viewRange: unknown): unknown };
  };
}

function editorOf(el: Element): CkEditorLike | null {
  type WithInstance = Element & { ckeditorInstance?: CkEditorLike };
  const own = (el as WithInstance).ckeditorInstance;
  if (own && typeof own.execute === 'function') return own;
  const outer = el.closest('.ck-editor') as WithInstance | null;
  const viaRoot = outer?.ckeditorInstance;
  return viaRoot && typeof viaRoot.execute === 'function' ? viaRoot : null;
}

/** The editor's model range for a DOM range inside it, or null. */
function modelRangeOf(editor: CkEditorLike, domRange: Range | null): unknown {
  if (!domRange) return null;
  try {
    const viewRange = editor.editing?.view?.domConverter?.domRangeToView(domRange);
    return viewRange && editor.editing?.mapper ? editor.editing.mapper.toModelRange(viewRange) : null;
  } catch {
    return null;
  }
}

/**
 * Inserts `text` through the editor's commands at `caret` (a DOM range in the editable; the editor's
 * own selection when absent): one undo step; line breaks become soft breaks.
 */
export function insertWithEditor(editor: CkEditorLike, text: string, caret: Range | null = null): void {
  const lines = text.split(/\r?\n/);
  const breakCommand = editor.commands?.get('shiftEnter') ? 'shiftEnter' : 'enter';
  const at = modelRangeOf(editor, caret);
  const run = (writer?: { setSelection(range: unknown): void }) => {
    if (at && writer) writer.setSelection(at);
    lines.forEach((line, i) => {
      if (i > 0) editor.execute(breakCommand);
      if (line) editor.execute('insertText', { text: line });
    });
  };
  if (editor.model) editor.model.change(run);
  else run();
  editor.editing?.view?.focus();
}

/** Installs the page-world listener. Returns a function that removes it. */
export function installCkeditorBridge(doc: Document): () => void {
  const onInsert = (event: Event) => {
    // Another copy of the bridge got there first (the page's world outlives an extension reload, and a
    // rep may run two builds of Defuse): the text is in once, it must not go in twice.
    if (event.defaultPrevented) return;
    try {
      const target = event.target;
      const text = (event as CustomEvent<unknown>).detail;
      if (!(target instanceof Element) || typeof text !== 'string') return;
      const editor = editorOf(target);
      if (!editor) return;
      const sel = doc.getSelection();
      const caret = sel && sel.rangeCount && target.contains(sel.getRangeAt(0).startContainer) ? sel.getRangeAt(0) : null;
      insertWithEditor(editor, text, caret);
      event.preventDefault();
    } catch {
      // The host editor refused: the content script reports the failure to the rep.
    }
  };
  doc.addEventListener(CKEDITOR_INSERT_EVENT, onInsert, true);
  return () => doc.removeEventListener(CKEDITOR_INSERT_EVENT, onInsert, true);
}

/** From the content script: asks the page-world bridge to insert. True when the bridge did it. */
export function requestCkeditorInsert(editable: Element, text: string): boolean {
  const event = new CustomEvent(CKEDITOR_INSERT_EVENT, { detail: text, bubbles: true, cancelable: true });
  return !editable.dispatchEvent(event);
}
