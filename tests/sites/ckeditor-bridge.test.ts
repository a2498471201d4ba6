// @vitest-environment happy-dom
import { afterEach, describe, expect, test } from 'vitest';
import { CKEDITOR_INSERT_EVENT, insertWithEditor, installCkeditorBridge, requestCkeditorInsert } from '@/lib/sites/ckeditor-bridge';

function fakeEditor(options: { shiftEnter?: boolean } = {}) {
  const calls: string[] = [];
  let changes = 0;
  const editor = {
    execute: (command: string, arg?: { text: string }) => void calls.push(arg ? `${command}:${arg.text}` : command),
    commands: { get: (name: string) => (name === 'shiftEnter' && options.shiftEnter !== false ? {} : undefined) },
    model: {
      change: (cb: (writer: { setSelection(range: unknown): void }) => void) => {
        changes++;
        cb({ setSelection: (range) => void calls.push(`select:${String(range)}`) });
      },
    },
    editing: { view: { focus: () => void calls.push('focus') } },
  };
  return { editor, calls, changes: () => changes };
}

let uninstall: (() => void) | undefined;
afterEach(() => {
  uninstall?.();
  document.body.innerHTML = '';
});

describe('the page-world CKEditor bridge', () => {
  test('inserts through the editor command in one model change (one undo step), line breaks as soft breaks', () => {
    const { editor, calls, changes } = fakeEditor();
    insertWithEditor(editor, 'Hi Dana,\nSorry for the wait.');
    expect(calls).toEqual(['insertText:Hi Dana,', 'shiftEnter', 'insertText:Sorry for the wait.', 'focus']);
    expect(changes()).toBe(1);
  });

  test('moves the editor selection to the DOM caret first, when it maps to the model', () => {
    const { editor, calls } = fakeEditor();
    const withMapping = {
      ...editor,
      editing: {
        view: { focus: () => undefined, domConverter: { domRangeToView: () => 'view-range' } },
        mapper: { toModelRange: (v: unknown) => `model(${String(v)})` },
      },
    };
    insertWithEditor(withMapping, 'Hi', document.createRange());
    expect(calls).toEqual(['select:model(view-range)', 'insertText:Hi']);
  });

  test('falls back to enter where there is no shiftEnter command', () => {
    const { editor, calls } = fakeEditor({ shiftEnter: false });
    insertWithEditor(editor, 'a\nb');
    expect(calls).toEqual(['insertText:a', 'enter', 'insertText:b', 'focus']);
  });

  test('answers the content script by cancelling the event when it inserted', () => {
    document.body.innerHTML = '<div class="ck-editor"><div class="ck-editor__editable" contenteditable="true"><p></p></div></div>';
    const editable = document.querySelector('.ck-editor__editable')!;
    const { editor, calls } = fakeEditor();
    Object.assign(editable, { ckeditorInstance: editor });
    uninstall = installCkeditorBridge(document);
    expect(requestCkeditorInsert(editable, 'Hello')).toBe(true);
    expect(calls[0]).toBe('insertText:Hello');
  });

  test('a second copy of the bridge in the page (left by a reload, or a second build of Defuse) does not insert the text again', () => {
    document.body.innerHTML = '<div class="ck-editor"><div class="ck-editor__editable" contenteditable="true"><p></p></div></div>';
    const editable = document.querySelector('.ck-editor__editable')!;
    const { editor, calls } = fakeEditor();
    Object.assign(editable, { ckeditorInstance: editor });
    const first = installCkeditorBridge(document);
    uninstall = installCkeditorBridge(document);
    try {
      expect(requestCkeditorInsert(editable, 'Hello')).toBe(true);
      expect(calls.filter((c) => c.startsWith('insertText'))).toEqual(['insertText:Hello']);
    } finally {
      first();
    }
  });

  test('finds the instance on the .ck-editor root too', () => {
    document.body.innerHTML = '<div class="ck-editor"><div class="ck-editor__editable" contenteditable="true"></div></div>';
    const { editor, calls } = fakeEditor();
    Object.assign(document.querySelector('.ck-editor')!, { ckeditorInstance: editor });
    uninstall = installCkeditorBridge(document);
    expect(requestCkeditorInsert(document.querySelector('.ck-editor__editable')!, 'Hello')).toBe(true);
    expect(calls[0]).toBe('insertText:Hello');
  });

  test('leaves the event alone when there is no editor, or the detail is not text', () => {
    document.body.innerHTML = '<div contenteditable="true"></div>';
    uninstall = installCkeditorBridge(document);
    const plain = document.querySelector('div')!;
    expect(requestCkeditorInsert(plain, 'Hello')).toBe(false);
    const { editor, calls } = fakeEditor();
    Object.assign(plain, { ckeditorInstance: editor });
    expect(plain.dispatchEvent(new CustomEvent(CKEDITOR_INSERT_EVENT, { detail: { text: 'x' }, bubbles: true, cancelable: true }))).toBe(true);
    expect(calls).toEqual([]);
  });

  test('an editor that throws is contained', () => {
    document.body.innerHTML = '<div class="ck-editor__editable" contenteditable="true"></div>';
    const editable = document.querySelector('div')!;
    Object.assign(editable, { ckeditorInstance: { execute: () => { throw new Error('read-only'); } } });
    uninstall = installCkeditorBridge(document);
    expect(requestCkeditorInsert(editable, 'Hello')).toBe(false);
  });
});
