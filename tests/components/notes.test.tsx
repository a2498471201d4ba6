// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { NotesSection, UNDO_MS, type NotesSectionProps } from '@/components/NotesSection';
import { App } from '@/components/App';
import { pageWith, setup } from '../state/helpers';

afterEach(cleanup);

const NOW = new Date('2025-03-01T10:00:00').getTime();
const followUp = (over = {}) => ({ id: 7, subject: 'Refund', site: 'gmail' as const, url: 'https://mail.google.com/mail/u/0/#inbox/x', dueAt: NOW + 3_600_000, ...over });

function props(over: Partial<NotesSectionProps> = {}): NotesSectionProps {
  return {
    savedNote: '',
    followUp: null,
    overdue: [],
    onSaveNote: vi.fn(async () => true),
    onSetFollowUp: vi.fn(async () => true),
    onDone: vi.fn(),
    onClear: vi.fn(),
    now: () => NOW,
    ...over,
  };
}

test('saves the trimmed note through the callback', () => {
  const p = props();
  render(<NotesSection {...p} />);
  fireEvent.change(screen.getByLabelText(/Your note on this conversation/), { target: { value: '  Promised a refund by Friday  ' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
  expect(p.onSaveNote).toHaveBeenCalledWith('Promised a refund by Friday');
});

test('Save note does nothing until the note changes, and stays focusable', () => {
  const p = props({ savedNote: 'Saved' });
  render(<NotesSection {...p} />);
  const save = screen.getByRole('button', { name: 'Save note' }) as HTMLButtonElement;
  expect(save.disabled).toBe(false);
  expect(save.getAttribute('aria-disabled')).toBe('true');
  fireEvent.click(save);
  expect(p.onSaveNote).not.toHaveBeenCalled();
  fireEvent.change(screen.getByTestId('note'), { target: { value: 'Saved, and more' } });
  expect(save.getAttribute('aria-disabled')).toBeNull();
});

test('a failed save keeps the typed text and shows the storage message', async () => {
  const p = props({ onSaveNote: vi.fn(async () => false), error: "Your browser's storage is full." });
  render(<NotesSection {...p} />);
  const field = screen.getByLabelText(/Your note on this conversation/) as HTMLTextAreaElement;
  fireEvent.change(field, { target: { value: 'Do not lose me' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
  await waitFor(() => expect(p.onSaveNote).toHaveBeenCalled());
  expect(field.value).toBe('Do not lose me');
  expect(screen.getByRole('alert').textContent).toContain('storage is full');
});

test('shows the saved note as text, never as HTML', () => {
  const { container } = render(<NotesSection {...props({ savedNote: '<b>bold?</b>' })} />);
  expect((screen.getByTestId('note') as HTMLTextAreaElement).value).toBe('<b>bold?</b>');
  expect(container.querySelector('b')).toBeNull();
});

test.each([
  ['In 2 hours', 'in-2h'],
  ['Tomorrow 9am', 'tomorrow-9am'],
])('"%s" schedules a %s follow-up with the optional words', (button, when) => {
  const p = props();
  render(<NotesSection {...p} />);
  fireEvent.change(screen.getByLabelText('What to follow up (optional)'), { target: { value: 'Check the courier' } });
  fireEvent.click(screen.getByRole('button', { name: button }));
  expect(p.onSetFollowUp).toHaveBeenCalledWith(when, 'Check the courier');
});

test('a custom time must be in the future', () => {
  const p = props();
  render(<NotesSection {...p} />);
  const due = screen.getByLabelText('Or remind me at');
  fireEvent.change(due, { target: { value: '2025-03-01T09:00' } });
  fireEvent.click(screen.getByRole('button', { name: 'Set reminder' }));
  expect(screen.getByRole('alert').textContent).toBe('Pick a time in the future.');
  expect(p.onSetFollowUp).not.toHaveBeenCalled();

  fireEvent.change(due, { target: { value: '2025-03-02T09:30' } });
  fireEvent.click(screen.getByRole('button', { name: 'Set reminder' }));
  expect(p.onSetFollowUp).toHaveBeenCalledWith(new Date('2025-03-02T09:30'), '');
});

test('moving a reminder keeps its note unless a new one is typed', () => {
  const p = props({ followUp: followUp({ note: 'Check refund released' }) });
  render(<NotesSection {...p} />);
  fireEvent.change(screen.getByLabelText('Or remind me at'), { target: { value: '2025-03-02T09:30' } });
  fireEvent.click(screen.getByRole('button', { name: 'Move reminder' }));
  expect(p.onSetFollowUp).toHaveBeenLastCalledWith(new Date('2025-03-02T09:30'), 'Check refund released');
});

test('a reminder in another year shows its year', () => {
  render(<NotesSection {...props({ followUp: followUp({ dueAt: new Date('2030-01-01T10:00').getTime() }) })} />);
  expect(screen.getByTestId('follow-up').textContent).toContain('2030');
  cleanup();
  render(<NotesSection {...props({ followUp: followUp() })} />);
  expect(screen.getByTestId('follow-up').textContent).not.toContain('2025');
});

test('shows the conversation follow-up with Done and Clear', () => {
  const p = props({ followUp: followUp({ note: 'Call back' }) });
  render(<NotesSection {...p} />);
  expect(screen.getByTestId('follow-up').textContent).toContain('Call back');
  fireEvent.click(screen.getByRole('button', { name: 'Done' }));
  expect(p.onDone).toHaveBeenCalledWith(7);
  fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
  expect(p.onClear).toHaveBeenCalledWith(7);
});

test('lists overdue follow-ups of other conversations, not this one twice', () => {
  const mine = followUp({ dueAt: NOW - 60_000 });
  const other = followUp({ id: 9, subject: 'Broken router', site: 'zendesk', dueAt: NOW - 3_600_000 });
  render(<NotesSection {...props({ followUp: mine, overdue: [other, mine] })} />);
  expect(screen.getByTestId('follow-up').textContent).toContain('Overdue since');
  const items = screen.getAllByTestId('overdue');
  expect(items).toHaveLength(1);
  expect(items[0]!.textContent).toContain('Broken router');
  expect(items[0]!.textContent).toContain('Zendesk');
});

test('an overdue conversation without a subject still has a link and a Done button that say which', () => {
  const p = props({ overdue: [followUp({ id: 9, subject: '  ', site: 'zendesk', dueAt: NOW - 3_600_000 })] });
  render(<NotesSection {...p} />);
  expect(screen.getByRole('link').textContent).toBe('A conversation');
  const done = screen.getByRole('button', { name: /^Mark the Zendesk conversation due .+ as followed up$/ });
  fireEvent.click(done);
  expect(p.onDone).toHaveBeenCalledWith(9);
});

test('starts from the unsaved draft, reports each edit, and says it is not saved', () => {
  const onDraftChange = vi.fn();
  render(<NotesSection {...props({ savedNote: 'Saved', draft: 'Saved, then more', onDraftChange })} />);
  const field = screen.getByTestId('note') as HTMLTextAreaElement;
  expect(field.value).toBe('Saved, then more');
  expect(screen.getByTestId('note-unsaved').textContent).toBe('Draft: press Save note to keep it.');
  fireEvent.change(field, { target: { value: 'Saved' } });
  expect(onDraftChange).toHaveBeenLastCalledWith('Saved');
  expect(screen.queryByTestId('note-unsaved')).toBeNull();
});

test('the panel renders the notes slot for the open conversation', async () => {
  const { store } = setup(pageWith(), { analysisDelayMs: 0 });
  store.getState().start();
  const renderNotes = vi.fn((c: { conversationId: string }) => <p data-testid="notes-slot">{c.conversationId}</p>);
  render(<App store={store} renderNotes={renderNotes} />);
  expect((await screen.findByTestId('notes-slot')).textContent).toBe('thread-1');
});

test('after promising an update time, one click sets the reminder for it', async () => {
  const at = NOW + 5 * 3_600_000;
  const p = props({ promise: { at, label: 'by 3pm today' } });
  render(<NotesSection {...p} />);
  expect(screen.getByTestId('promise').textContent).toContain("You told the customer you'd update them by 3pm today.");
  fireEvent.click(screen.getByRole('button', { name: 'Remind me then' }));
  await waitFor(() => expect(p.onSetFollowUp).toHaveBeenCalledWith(new Date(at), 'Update promised by 3pm today'));
});

test('no offer once a reminder is set for that time, or when the time has passed', () => {
  const at = NOW + 5 * 3_600_000;
  render(<NotesSection {...props({ promise: { at, label: 'by 3pm today' }, followUp: followUp({ dueAt: at }) })} />);
  expect(screen.queryByTestId('promise')).toBeNull();
  cleanup();
  render(<NotesSection {...props({ promise: { at: NOW - 1, label: 'by 9am today' } })} />);
  expect(screen.queryByTestId('promise')).toBeNull();
});

describe('notes: one status at a time', () => {
  test('a storage failure stays visible beside a form error', () => {
    render(<NotesSection {...props({ error: "Defuse couldn't save to this browser's storage." })} />);
    fireEvent.change(screen.getByLabelText('Or remind me at'), { target: { value: '2025-03-01T09:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set reminder' }));
    const alerts = screen.getAllByRole('alert').map((a) => a.textContent);
    expect(alerts).toEqual(expect.arrayContaining(["Defuse couldn't save to this browser's storage.", 'Pick a time in the future.']));
  });

  test('a later failed attempt replaces "Reminder set." instead of showing below it', () => {
    const p = props({ status: 'Reminder set.' });
    render(<NotesSection {...p} />);
    expect(screen.getByTestId('notes-status').textContent).toBe('Reminder set.');
    fireEvent.change(screen.getByLabelText('Or remind me at'), { target: { value: '2025-03-01T09:00' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set reminder' }));
    expect(screen.getByRole('alert').textContent).toBe('Pick a time in the future.');
    expect(screen.queryByText('Reminder set.')).toBeNull();
    expect(screen.getByTestId('notes-status').textContent).toBe('');
  });

  test('the status line sits in a live region that is always in the page', () => {
    const view = render(<NotesSection {...props()} />);
    const region = screen.getByTestId('notes-status');
    expect(region.getAttribute('aria-live')).toBe('polite');
    expect(region.textContent).toBe('');
    view.rerender(<NotesSection {...props({ status: 'Note saved on this computer.' })} />);
    expect(screen.getByTestId('notes-status')).toBe(region);
    expect(region.textContent).toBe('Note saved on this computer.');
  });

  test('the next action clears the form error, so the store’s status shows again', () => {
    const p = props({ status: 'Note saved on this computer.' });
    render(<NotesSection {...p} />);
    fireEvent.change(screen.getByLabelText('Or remind me at'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set reminder' }));
    expect(screen.getByRole('alert').textContent).toBe('Pick a date and time.');
    fireEvent.change(screen.getByLabelText(/Your note on this conversation/), { target: { value: 'Call back' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('notes-status').textContent).toBe('Note saved on this computer.');
  });
});

describe('what to follow up, before the reminder is set', () => {
  test('starts from the kept text and time, and reports each edit', () => {
    const onFollowUpDraftChange = vi.fn();
    render(<NotesSection {...props({ followUpDraft: { note: 'Check the courier', due: '2025-03-02T14:30' }, onFollowUpDraftChange })} />);
    const text = screen.getByLabelText('What to follow up (optional)') as HTMLInputElement;
    const due = screen.getByLabelText('Or remind me at') as HTMLInputElement;
    expect(text.value).toBe('Check the courier');
    expect(due.value).toBe('2025-03-02T14:30');
    fireEvent.change(text, { target: { value: 'Check the courier again' } });
    expect(onFollowUpDraftChange).toHaveBeenLastCalledWith({ note: 'Check the courier again' });
    fireEvent.change(due, { target: { value: '2025-03-03T09:15' } });
    expect(onFollowUpDraftChange).toHaveBeenLastCalledWith({ due: '2025-03-03T09:15' });
  });

  test('the kept text goes into the reminder', () => {
    const p = props({ followUpDraft: { note: 'Check the courier' } });
    render(<NotesSection {...p} />);
    fireEvent.click(screen.getByRole('button', { name: 'In 2 hours' }));
    expect(p.onSetFollowUp).toHaveBeenCalledWith('in-2h', 'Check the courier');
  });
});

describe('Undo after Clear', () => {
  afterEach(() => void vi.useRealTimers());

  test('"Reminder cleared. Undo" sits in the live region; Undo puts the reminder back', async () => {
    const p = props({ status: 'Reminder cleared.', canUndoClear: true, onUndoClear: vi.fn(async () => true) });
    render(<NotesSection {...p} />);
    const undo = screen.getByRole('button', { name: 'Undo clearing the reminder' });
    expect(undo.textContent).toBe('Undo');
    expect(screen.getByTestId('notes-status').textContent).toBe('Reminder cleared. Undo');
    fireEvent.click(undo);
    await waitFor(() => expect(p.onUndoClear).toHaveBeenCalledTimes(1));
  });

  test('keyboard focus moves from Clear to Undo, and back to the restored reminder\'s Clear', async () => {
    const p = props({ followUp: followUp() });
    const view = render(<NotesSection {...p} />);
    const clear = screen.getByRole('button', { name: 'Clear' });
    clear.focus();
    fireEvent.click(clear);
    view.rerender(<NotesSection {...p} followUp={null} status="Reminder cleared." canUndoClear onUndoClear={async () => true} />);
    const undo = screen.getByRole('button', { name: 'Undo clearing the reminder' });
    expect(document.activeElement).toBe(undo);

    fireEvent.click(undo);
    await act(async () => {});
    view.rerender(<NotesSection {...p} followUp={followUp()} status="Reminder put back." canUndoClear={false} />);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Clear' }));
  });

  test('the offer runs out after UNDO_MS', () => {
    vi.useFakeTimers();
    const onUndoExpired = vi.fn();
    render(<NotesSection {...props({ status: 'Reminder cleared.', canUndoClear: true, onUndoExpired })} />);
    act(() => void vi.advanceTimersByTime(UNDO_MS - 1));
    expect(onUndoExpired).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(1));
    expect(onUndoExpired).toHaveBeenCalledTimes(1);
  });

  test('the offer waits while Undo has keyboard focus or the pointer, then gets the full time again', () => {
    vi.useFakeTimers();
    const onUndoExpired = vi.fn();
    render(<NotesSection {...props({ status: 'Reminder cleared.', canUndoClear: true, onUndoExpired })} />);
    const undo = screen.getByRole('button', { name: 'Undo clearing the reminder' });
    act(() => undo.focus());
    act(() => void vi.advanceTimersByTime(3 * UNDO_MS));
    expect(onUndoExpired).not.toHaveBeenCalled();
    act(() => undo.blur());
    fireEvent.mouseEnter(undo);
    act(() => void vi.advanceTimersByTime(3 * UNDO_MS));
    expect(onUndoExpired).not.toHaveBeenCalled();
    fireEvent.mouseLeave(undo);
    act(() => void vi.advanceTimersByTime(UNDO_MS - 1));
    expect(onUndoExpired).not.toHaveBeenCalled();
    act(() => void vi.advanceTimersByTime(1));
    expect(onUndoExpired).toHaveBeenCalledTimes(1);
  });

  test('a failed undo shows the error with Undo still beside it', () => {
    render(<NotesSection {...props({ error: "Your browser's storage is full.", canUndoClear: true })} />);
    expect(screen.getByRole('alert').textContent).toBe("Your browser's storage is full. Undo");
    expect(screen.getByRole('button', { name: 'Undo clearing the reminder' })).toBeTruthy();
  });

  test('no Undo without a clear to undo', () => {
    render(<NotesSection {...props({ status: 'Reminder set.' })} />);
    expect(screen.queryByRole('button', { name: /Undo/ })).toBeNull();
  });
});

describe('a saved note that could not be read', () => {
  test('says so beside the field, and Retry shows what the store read, with focus in the field', async () => {
    const onRetryNote = vi.fn(async () => 'Refund ref 4471\n\nCalled back');
    render(<NotesSection {...props({ noteUnreadable: true, draft: 'Called back', onRetryNote })} />);
    expect(screen.getByTestId('note-unreadable').textContent).toMatch(/couldn't be read.*Save won't replace the\s+saved note/);
    // a screen reader hears why on reaching the field
    expect(screen.getByTestId('note').getAttribute('aria-describedby')).toBe(screen.getByTestId('note-unreadable').id);
    fireEvent.click(screen.getByRole('button', { name: 'Retry reading the saved note' }));
    const field = screen.getByTestId('note') as HTMLTextAreaElement;
    await waitFor(() => expect(field.value).toBe('Refund ref 4471\n\nCalled back'));
    expect(document.activeElement).toBe(field);
  });

  test('a Retry that fails again keeps the typed text', async () => {
    const onRetryNote = vi.fn(async () => null);
    render(<NotesSection {...props({ noteUnreadable: true, draft: 'Called back', onRetryNote })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Retry reading the saved note' }));
    await waitFor(() => expect(onRetryNote).toHaveBeenCalled());
    expect((screen.getByTestId('note') as HTMLTextAreaElement).value).toBe('Called back');
  });
});

describe('a saved note changed in another window', () => {
  const conflict = 'This note was changed in another Defuse window since you opened it. Your text is kept here; Reload the saved note to compare.';

  test('says so, keeps the typed text, and Reload shows what the store read, with focus in the field', async () => {
    const onRetryNote = vi.fn(async () => 'Refund ref 4471, courier booked\n\nCalled back');
    render(<NotesSection {...props({ savedNote: 'Refund ref 4471', draft: 'Called back', noteConflict: true, error: conflict, onRetryNote })} />);
    expect(screen.getByRole('alert').textContent).toBe(conflict);
    const why = screen.getByTestId('note-conflict');
    expect(why.textContent).toMatch(/changed in another Defuse window.*What you typed is kept/);
    // a screen reader hears why on reaching the field
    expect(screen.getByTestId('note').getAttribute('aria-describedby')).toBe(why.id);
    const field = screen.getByTestId('note') as HTMLTextAreaElement;
    expect(field.value).toBe('Called back');

    const reload = screen.getByRole('button', { name: 'Reload saved note' });
    reload.focus();
    fireEvent.click(reload);
    await waitFor(() => expect(field.value).toBe('Refund ref 4471, courier booked\n\nCalled back'));
    expect(onRetryNote).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(field);
  });

  test('Reload comes straight after Save note in keyboard order', () => {
    render(<NotesSection {...props({ draft: 'Called back', noteConflict: true, onRetryNote: async () => null })} />);
    const buttons = screen.getAllByRole('button').map((b) => b.textContent);
    expect(buttons.slice(buttons.indexOf('Save note'), buttons.indexOf('Save note') + 2)).toEqual(['Save note', 'Reload saved note']);
  });

  test('a Reload that fails keeps the typed text', async () => {
    const onRetryNote = vi.fn(async () => null);
    render(<NotesSection {...props({ draft: 'Called back', noteConflict: true, onRetryNote })} />);
    fireEvent.click(screen.getByRole('button', { name: 'Reload saved note' }));
    await waitFor(() => expect(onRetryNote).toHaveBeenCalled());
    expect((screen.getByTestId('note') as HTMLTextAreaElement).value).toBe('Called back');
  });

  test('no Reload offer without a conflict', () => {
    render(<NotesSection {...props({ savedNote: 'Saved' })} />);
    expect(screen.queryByTestId('note-conflict')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Reload saved note' })).toBeNull();
    expect(screen.getByTestId('note').getAttribute('aria-describedby')).toBeNull();
  });

  test('the reloaded note shows as text, never as HTML', async () => {
    const { container } = render(
      <NotesSection {...props({ draft: 'mine', noteConflict: true, onRetryNote: async () => '<img src=x onerror="alert(1)"><b>theirs</b>\n\nmine' })} />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reload saved note' }));
    await waitFor(() => expect((screen.getByTestId('note') as HTMLTextAreaElement).value).toBe('<img src=x onerror="alert(1)"><b>theirs</b>\n\nmine'));
    expect(container.querySelector('img, b')).toBeNull();
  });
});
