// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, test, vi } from 'vitest';
import { NotesSection, type NotesSectionProps } from '@/components/NotesSection';
import { App } from '@/components/App';
import { pageWith, setup } from '../state/helpers';

afterEach(cleanup);

const NOW = new Date('2025-03-01T10:00:00').getTime();

function props(over: Partial<NotesSectionProps> = {}): NotesSectionProps {
  return {
    notes: [],
    followUp: null,
    onAddNote: vi.fn(),
    onDeleteNote: vi.fn(),
    onSetFollowUp: vi.fn(),
    onClearFollowUp: vi.fn(),
    now: () => NOW,
    ...over,
  };
}

test('adds a note through the callback and clears the field', () => {
  const p = props();
  render(<NotesSection {...p} />);
  const field = screen.getByLabelText('Add a note (stays on this computer)') as HTMLTextAreaElement;
  fireEvent.change(field, { target: { value: '  Promised a refund by Friday  ' } });
  fireEvent.click(screen.getByRole('button', { name: 'Save note' }));
  expect(p.onAddNote).toHaveBeenCalledWith('Promised a refund by Friday');
  expect(field.value).toBe('');
});

test('lists notes as text and deletes one by id', () => {
  const p = props({ notes: [{ id: 'n1', text: '<b>bold?</b>', createdAt: NOW }] });
  const { container } = render(<NotesSection {...p} />);
  expect(screen.getByTestId('note').textContent).toContain('<b>bold?</b>');
  expect(container.querySelector('b')).toBeNull();
  fireEvent.click(screen.getByRole('button', { name: /Delete note/ }));
  expect(p.onDeleteNote).toHaveBeenCalledWith('n1');
});

test('sets a follow-up in the future, and refuses one in the past', () => {
  const p = props();
  render(<NotesSection {...p} />);
  const due = screen.getByLabelText('Remind me at');
  fireEvent.change(due, { target: { value: '2025-03-01T09:00' } });
  fireEvent.click(screen.getByRole('button', { name: 'Set reminder' }));
  expect(screen.getByRole('alert').textContent).toBe('Pick a time in the future.');
  expect(p.onSetFollowUp).not.toHaveBeenCalled();

  fireEvent.change(due, { target: { value: '2025-03-02T09:30' } });
  fireEvent.change(screen.getByLabelText('What to follow up (optional)'), { target: { value: 'Check the courier' } });
  fireEvent.click(screen.getByRole('button', { name: 'Set reminder' }));
  expect(p.onSetFollowUp).toHaveBeenCalledWith(new Date('2025-03-02T09:30').getTime(), 'Check the courier');
});

test('shows and clears an existing follow-up', () => {
  const p = props({ followUp: { dueAt: NOW + 3_600_000, note: 'Call back' } });
  render(<NotesSection {...p} />);
  expect(screen.getByTestId('follow-up').textContent).toContain('Call back');
  fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
  expect(p.onClearFollowUp).toHaveBeenCalled();
});

test('the panel renders the notes slot for the open conversation', async () => {
  const { store } = setup(pageWith(), { analysisDelayMs: 0 });
  store.getState().start();
  const renderNotes = vi.fn((c: { conversationId: string }) => <p data-testid="notes-slot">{c.conversationId}</p>);
  render(<App store={store} renderNotes={renderNotes} />);
  expect((await screen.findByTestId('notes-slot')).textContent).toBe('thread-1');
});
