// @vitest-environment happy-dom
// Inserting into the host's reply box the way typing would. happy-dom has no execCommand, so a
// stand-in does what Chromium does for 'insertText': insert at the selection, then fire `input`
// (Chromium fires no beforeinput for execCommand). The real thing is checked in Chromium.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { installCkeditorBridge } from '@/lib/sites/ckeditor-bridge';
import { EDITOR_UNREACHABLE, NO_REPLY_BOX, REWRITE_NOT_FOUND } from '@/lib/sites/editable';
import { createGmailAdapter } from '@/lib/sites/gmail';
import { createZendeskAdapter } from '@/lib/sites/zendesk';
import { GMAIL_CALM_URL, GMAIL_THREAD_URL, loadFixture, unloadFixture, ZENDESK_URL } from './fixtures';

type ExecDoc = Document & { execCommand?: (cmd: string, ui: boolean, value: string) => boolean };
const events: { type: string; inputType?: string; data?: string | null }[] = [];
const record = (e: Event) => events.push({ type: e.type, inputType: (e as InputEvent).inputType, data: (e as InputEvent).data });

function chromiumLikeExecCommand(cmd: string, _ui: boolean, text: string): boolean {
  if (cmd !== 'insertText') return false;
  const sel = document.getSelection();
  if (!sel?.rangeCount) return false;
  const range = sel.getRangeAt(0);
  const start = range.startContainer.nodeType === 1 ? (range.startContainer as Element) : range.startContainer.parentElement!;
  const editable = start.closest('[contenteditable="true"]');
  if (!editable) return false;
  range.deleteContents();
  const node = document.createTextNode(text);
  range.insertNode(node);
  range.setStartAfter(node);
  range.collapse(true);
  sel.removeAllRanges();
  sel.addRange(range);
  editable.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  return true;
}

function caretAt(node: Node, offset: number): Range {
  const range = document.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  const sel = document.getSelection()!;
  sel.removeAllRanges();
  sel.addRange(range);
  return range.cloneRange();
}

const gmailBox = () => document.querySelector<HTMLElement>('div[g_editable="true"]')!;
const zendeskBox = (id: string) => document.querySelector<HTMLElement>(`[data-ticket-id="${id}"] [data-test-id="omnicomposer-rich-text-ckeditor"]`)!;

beforeEach(() => {
  events.length = 0;
  (document as ExecDoc).execCommand = chromiumLikeExecCommand;
  document.addEventListener('beforeinput', record, true);
  document.addEventListener('input', record, true);
});
afterEach(() => {
  Reflect.deleteProperty(document, 'execCommand');
  document.removeEventListener('beforeinput', record, true);
  document.removeEventListener('input', record, true);
  unloadFixture();
});

describe('Gmail reply box', () => {
  test('goes in through execCommand (the browser edit, on its undo stack), input fires, the draft reads back', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const adapter = createGmailAdapter(document);
    expect(await adapter.insert("I'm sorry this has dragged on.")).toEqual({ ok: true, method: 'execCommand' });
    expect(events).toEqual([{ type: 'input', inputType: 'insertText', data: "I'm sorry this has dragged on." }]);
    expect(adapter.readDraft()).toBe("I'm sorry this has dragged on.");
    expect(document.activeElement).toBe(gmailBox());
  });

  test('lands at the caret when the caret is in the box', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const box = gmailBox();
    box.innerHTML = 'Hi Dana, world';
    caretAt(box.firstChild!, 'Hi Dana,'.length);
    await createGmailAdapter(document).insert(' hello');
    expect(box.textContent).toBe('Hi Dana, hello world');
  });

  test('a second suggestion does not run into the sentence before it, nor into the word after it', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const box = gmailBox();
    box.innerHTML = "I'm sorry this has dragged on. We'll put it right.";
    caretAt(box.firstChild!, box.textContent!.length);
    await createGmailAdapter(document).insert("I'd be sorry to lose you.");
    expect(box.textContent).toBe("I'm sorry this has dragged on. We'll put it right. I'd be sorry to lose you.");
    box.innerHTML = 'Hi Dana,world';
    caretAt(box.firstChild!, 'Hi Dana,'.length);
    await createGmailAdapter(document).insert('hello');
    expect(box.textContent).toBe('Hi Dana, hello world');
  });

  test('adds no space at the start of a line, next to a space, or before punctuation', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const box = gmailBox();
    box.innerHTML = '<div>First line.</div><div>Thanks</div>';
    const second = box.querySelectorAll('div')[1]!;
    caretAt(second.firstChild!, 0);
    await createGmailAdapter(document).insert('Hello.');
    expect(second.textContent).toBe('Hello. Thanks');
    box.innerHTML = 'Thanks.';
    caretAt(box.firstChild!, 'Thanks'.length);
    await createGmailAdapter(document).insert('again');
    expect(box.textContent).toBe('Thanks again.');
  });

  test('restores the caret the rep last had in the box when focus has moved away', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const box = gmailBox();
    box.innerHTML = 'Hi Dana, world';
    const remembered = caretAt(box.firstChild!, 'Hi Dana,'.length);
    caretAt(document.querySelector('h2.hP')!.firstChild!, 3); // the rep clicked elsewhere
    await createGmailAdapter(document).insert(' hello', { caret: remembered });
    expect(box.textContent).toBe('Hi Dana, hello world');
  });

  test('with no caret in the box, goes after what was typed and before the signature', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const box = gmailBox();
    box.innerHTML = '<div>Hi Dana,</div><div><br></div><span class="gmail_signature_prefix">-- </span><br><div class="gmail_signature">Sam Rivera</div>';
    await createGmailAdapter(document).insert(' thanks for waiting.');
    expect(box.querySelector('div')!.textContent).toBe('Hi Dana, thanks for waiting.');
    expect(box.querySelector('.gmail_signature')!.textContent).toBe('Sam Rivera');
  });

  test('in an empty box, starts on its first line', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    await createGmailAdapter(document).insert('Hello');
    expect(gmailBox().innerHTML).toBe('Hello<br>');
  });

  test('without execCommand, edits the DOM and still fires input', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    Reflect.deleteProperty(document, 'execCommand');
    expect(await createGmailAdapter(document).insert('one\ntwo')).toEqual({ ok: true, method: 'dom-fallback' });
    expect(gmailBox().innerHTML).toBe('one<br>two<br>');
    expect(events).toEqual([{ type: 'input', inputType: 'insertText', data: 'one\ntwo' }]);
  });

  test('says so when no reply box is open', async () => {
    loadFixture('gmail/thread-calm.html', GMAIL_CALM_URL);
    expect(await createGmailAdapter(document).insert('Hello')).toEqual({ ok: false, error: NO_REPLY_BOX });
  });
});

describe('Zendesk reply box (CKEditor 5)', () => {
  test('goes into the selected ticket box, never the other mounted ticket', async () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    const adapter = createZendeskAdapter(document);
    expect(await adapter.insert('Hi Dana,')).toMatchObject({ ok: true });
    expect(zendeskBox('123').textContent).toBe('Hi Dana,');
    expect(zendeskBox('118').textContent).toBe('Draft for Priya');
    expect(adapter.readDraft()).toBe('Hi Dana,');
  });

  test("uses the editor's own command through the page-world bridge, at the caret placed in the DOM", async () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    const box = zendeskBox('123');
    box.innerHTML = '<p>Hi Dana, world</p>';
    const executed: unknown[][] = [];
    const selections: unknown[] = [];
    Object.assign(box, {
      ckeditorInstance: {
        execute: (...args: unknown[]) => {
          executed.push(args);
          // A stand-in model: insert at the offset the selection was mapped to.
          const p = box.querySelector('p')!;
          const at = (selections.at(-1) as { offset: number } | undefined)?.offset ?? p.textContent!.length;
          if (args[0] === 'insertText') p.textContent = p.textContent!.slice(0, at) + (args[1] as { text: string }).text + p.textContent!.slice(at);
        },
        model: { change: (cb: (w: { setSelection(r: unknown): void }) => void) => cb({ setSelection: (r) => selections.push(r) }) },
        editing: {
          view: { focus: () => undefined, domConverter: { domRangeToView: (r: Range) => ({ offset: r.startOffset }) } },
          mapper: { toModelRange: (v: unknown) => v },
        },
      },
    });
    caretAt(box.querySelector('p')!.firstChild!, 'Hi Dana,'.length);
    const uninstall = installCkeditorBridge(document); // what entrypoints/ckeditor-bridge.content.ts does in the page world
    try {
      expect(await createZendeskAdapter(document).insert(' hello')).toEqual({ ok: true, method: 'ckeditor-bridge' });
    } finally {
      uninstall();
    }
    expect(executed).toEqual([['insertText', { text: ' hello' }]]);
    expect(selections).toEqual([{ offset: 8 }]);
    expect(box.textContent).toBe('Hi Dana, hello world');
    expect(events).toEqual([]); // no execCommand on top of it
  });

  test('without the bridge (no editor instance in reach), falls back to execCommand when the edit sticks', async () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    expect(await createZendeskAdapter(document).insert('Hi Dana,')).toEqual({ ok: true, method: 'execCommand' });
    expect(zendeskBox('123').textContent).toBe('Hi Dana,');
  });

  test('without the bridge, an edit CKEditor takes back is reported as a failure, not a success', async () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    const box = zendeskBox('123');
    const rendered = box.innerHTML;
    // CKEditor 5 re-renders over DOM changes it did not make (seen in Chromium with execCommand).
    const revert = new MutationObserver(() => {
      if (box.innerHTML !== rendered) box.innerHTML = rendered;
    });
    revert.observe(box, { childList: true, subtree: true, characterData: true });
    try {
      expect(await createZendeskAdapter(document).insert('Hi Dana,')).toEqual({ ok: false, error: EDITOR_UNREACHABLE });
    } finally {
      revert.disconnect();
    }
  });

  test('never edits CKEditor DOM behind its back: when nothing took the text it reports failure', async () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    (document as ExecDoc).execCommand = () => false;
    const box = zendeskBox('123');
    const before = box.innerHTML;
    expect(await createZendeskAdapter(document).insert('Hi Dana,')).toEqual({ ok: false, error: EDITOR_UNREACHABLE });
    expect(box.innerHTML).toBe(before);
  });
});

describe('replacing words in the reply box (Use rewrite)', () => {
  test('Gmail: the words the coach flagged are replaced in place, the rest of the draft kept', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const box = gmailBox();
    box.innerHTML = '<div>Hi Dana,</div><div>Calm down. We will look at it.</div>';
    const adapter = createGmailAdapter(document);
    expect(await adapter.replace('Calm down', 'I understand why you are upset')).toEqual({ ok: true, method: 'execCommand' });
    expect(adapter.readDraft()).toBe('Hi Dana,\nI understand why you are upset. We will look at it.');
    expect(events).toEqual([{ type: 'input', inputType: 'insertText', data: 'I understand why you are upset' }]);
  });

  test('finds words split across formatting and non-breaking spaces, and the n-th of repeated words', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const box = gmailBox();
    box.innerHTML = '<div>It is <b>not</b>&nbsp;our fault. Honestly, it is not our fault.</div>';
    const adapter = createGmailAdapter(document);
    expect((await adapter.replace('it is not our fault', 'I will sort this out', 0)).ok).toBe(true);
    expect(adapter.readDraft()).toBe('It is not our fault. Honestly, I will sort this out.');
    expect((await adapter.replace('It is not our fault', "I'm on it", 0)).ok).toBe(true);
    expect(adapter.readDraft()).toBe("I'm on it. Honestly, I will sort this out.");
  });

  test('counts repeats the way the panel does and picks the second one when asked', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const box = gmailBox();
    box.innerHTML = '<div>calm down, calm down</div>';
    const adapter = createGmailAdapter(document);
    expect((await adapter.replace('calm down', 'I hear you', 1)).ok).toBe(true);
    expect(adapter.readDraft()).toBe('calm down, I hear you');
  });

  test('words that are gone, or that span two lines, are reported and nothing changes', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const box = gmailBox();
    box.innerHTML = '<div>Calm</div><div>down.</div>';
    const before = box.innerHTML;
    const adapter = createGmailAdapter(document);
    expect(await adapter.replace('Calm down', 'I hear you')).toEqual({ ok: false, error: REWRITE_NOT_FOUND });
    expect(await adapter.replace('not there', 'x')).toEqual({ ok: false, error: REWRITE_NOT_FOUND });
    expect(box.innerHTML).toBe(before);
    expect(events).toEqual([]);
  });

  test('skips text the draft does not show (display:none), as the draft reader does', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const box = gmailBox();
    box.innerHTML = '<span style="display:none">calm down</span><div>Please calm down.</div>';
    const adapter = createGmailAdapter(document);
    expect((await adapter.replace('calm down', 'I hear you', 0)).ok).toBe(true);
    expect(box.querySelector('span')!.textContent).toBe('calm down');
    expect(adapter.readDraft()).toBe('Please I hear you.');
  });

  test('never matches inside quoted history left in the box', async () => {
    loadFixture('gmail/thread.html', GMAIL_THREAD_URL);
    const box = gmailBox();
    box.innerHTML = '<div>Thanks.</div><div class="gmail_quote">calm down</div>';
    expect(await createGmailAdapter(document).replace('calm down', 'x')).toEqual({ ok: false, error: REWRITE_NOT_FOUND });
    expect(box.querySelector('.gmail_quote')!.textContent).toBe('calm down');
  });

  test('Zendesk: the selection handed to CKEditor covers exactly the flagged words', async () => {
    loadFixture('zendesk/ticket.html', ZENDESK_URL);
    const box = zendeskBox('123');
    box.innerHTML = '<p>Hi Dana, calm down please.</p>';
    const executed: unknown[][] = [];
    let selected = '';
    Object.assign(box, {
      ckeditorInstance: {
        execute: (...args: unknown[]) => executed.push(args),
        model: { change: (cb: (w: { setSelection(r: unknown): void }) => void) => cb({ setSelection: (r) => (selected = String(r)) }) },
        editing: {
          view: { focus: () => undefined, domConverter: { domRangeToView: (r: Range) => r.toString() } },
          mapper: { toModelRange: (v: unknown) => v },
        },
      },
    });
    const uninstall = installCkeditorBridge(document);
    try {
      expect(await createZendeskAdapter(document).replace('calm down', 'I hear you')).toEqual({ ok: true, method: 'ckeditor-bridge' });
    } finally {
      uninstall();
    }
    expect(selected).toBe('calm down');
    expect(executed).toEqual([['insertText', { text: 'I hear you' }]]);
  });

  test('says so when no reply box is open', async () => {
    loadFixture('gmail/thread-calm.html', GMAIL_CALM_URL);
    expect(await createGmailAdapter(document).replace('a', 'b')).toEqual({ ok: false, error: NO_REPLY_BOX });
  });
});
